package org.cotejo.forensics.ios.netbase;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.sqlite.EvidenceDatabase;

/**
 * Reads the network-usage databases iOS keeps per process ({@code DataUsage.sqlite}, {@code
 * netusage.sqlite}; same Core Data schema): one record per {@code ZLIVEUSAGE} row joined to its
 * {@code ZPROCESS} row, plus one per process that has no live row. Rows are emitted as read: a live row
 * whose process was deleted keeps an empty {@code proc_id}, and gaps in the process ids are left as
 * gaps. Judging them (MVT rewrites such rows and appends "MISSING" placeholders) is the detection
 * stage's job: heuristics {@code netbase.manipulated-process} and {@code netbase.missing-process}.
 */
final class NetBase {
    private NetBase() {}

    private static final String LIVE_ROWS = "SELECT ZPROCESS.ZFIRSTTIMESTAMP AS first_timestamp, ZPROCESS.ZTIMESTAMP AS timestamp,"
            + " ZPROCESS.ZPROCNAME AS proc_name, ZPROCESS.ZBUNDLENAME AS bundle_id, ZPROCESS.Z_PK AS proc_id,"
            + " %s, ZLIVEUSAGE.ZWWANIN AS wwan_in, ZLIVEUSAGE.ZWWANOUT AS wwan_out,"
            + " ZLIVEUSAGE.Z_PK AS live_id, ZLIVEUSAGE.ZHASPROCESS AS live_proc_id, ZLIVEUSAGE.ZTIMESTAMP AS live_timestamp"
            + " FROM ZLIVEUSAGE LEFT JOIN ZPROCESS ON ZLIVEUSAGE.ZHASPROCESS = ZPROCESS.Z_PK";
    // "IS NOT NULL": one live row without a process would otherwise make NOT IN false for every process.
    private static final String PROCESSES_WITHOUT_LIVE_ROWS = "SELECT ZFIRSTTIMESTAMP, ZTIMESTAMP, ZPROCNAME, ZBUNDLENAME, Z_PK,"
            + " NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM ZPROCESS"
            + " WHERE Z_PK NOT IN (SELECT ZHASPROCESS FROM ZLIVEUSAGE WHERE ZHASPROCESS IS NOT NULL)";
    private static final String ORDER = " ORDER BY COALESCE(proc_id, live_proc_id), live_id";
    private static final String WIFI = "ZLIVEUSAGE.ZWIFIIN AS wifi_in, ZLIVEUSAGE.ZWIFIOUT AS wifi_out";
    /** Newer iOS versions dropped the Wi-Fi counters. */
    private static final String NO_WIFI = "NULL AS wifi_in, NULL AS wifi_out";

    /** Reads one database that has both tables (checked by {@link ModuleContext#eachDatabase}). */
    static void read(ModuleContext ctx, SourceFile file, EvidenceDatabase db) throws SQLException {
        List<String> live = db.columns("ZLIVEUSAGE");
        String wifi = live.contains("ZWIFIIN") && live.contains("ZWIFIOUT") ? WIFI : NO_WIFI;
        String sql = "SELECT * FROM (" + LIVE_ROWS.formatted(wifi) + " UNION ALL " + PROCESSES_WITHOUT_LIVE_ROWS + ")" + ORDER;
        db.rows(sql, row -> {
            Map<String, Object> c = EvidenceDatabase.rowValues(row);
            ctx.emit(record(c), ctx.provenance(file, locator(c)));
        });
    }

    /** MVT's record; the raw Core Data times follow under {@code *_timestamp}. */
    private static Fields record(Map<String, Object> c) {
        Object first = c.get("first_timestamp");
        Object last = c.get("timestamp");
        // MVT converts the process times only when both are set, and otherwise writes the raw values.
        boolean both = first != null && last != null;
        Object firstIso = both ? IosTime.macIso(first) : first;
        Object lastIso = both ? IosTime.macIso(last) : last;
        boolean hasLiveRow = c.get("live_id") != null;
        return Fields.builder()
                .put("first_isodate", firstIso)
                .put("isodate", lastIso)
                .put("proc_name", c.get("proc_name"))
                .put("bundle_id", c.get("bundle_id"))
                .put("proc_id", c.get("proc_id"))
                .put("wifi_in", c.get("wifi_in"))
                .put("wifi_out", c.get("wifi_out"))
                .put("wwan_in", c.get("wwan_in"))
                .put("wwan_out", c.get("wwan_out"))
                .put("live_id", c.get("live_id"))
                .put("live_proc_id", c.get("live_proc_id"))
                .put("live_isodate", hasLiveRow ? IosTime.macIso(c.get("live_timestamp")) : firstIso)
                .put("first_timestamp", first)
                .put("timestamp", last)
                .put("live_timestamp", c.get("live_timestamp"))
                .build();
    }

    private static String locator(Map<String, Object> c) {
        if (c.get("live_id") == null) return "ZPROCESS Z_PK " + c.get("proc_id");
        return "ZLIVEUSAGE Z_PK " + c.get("live_id") + " (ZHASPROCESS " + c.get("live_proc_id") + ")";
    }
}
