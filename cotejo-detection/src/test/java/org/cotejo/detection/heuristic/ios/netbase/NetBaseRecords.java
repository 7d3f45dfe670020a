package org.cotejo.detection.heuristic.ios.netbase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.ios.netbase.Datausage;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;

/** Datausage records as the module writes them, and a way to run a heuristic over them. */
final class NetBaseRecords {
    static final String DB = "private/var/wireless/Library/Databases/DataUsage.sqlite";

    private NetBaseRecords() {}

    /** A live row of process {@code procId} (null when its ZPROCESS row is gone) pointing to {@code liveProcId}. */
    static Record row(String db, Long procId, String name, String bundle, long liveId, Long liveProcId, String firstIso, String liveIso) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("first_isodate", firstIso);
        m.put("isodate", firstIso);
        m.put("proc_name", name);
        m.put("bundle_id", bundle);
        m.put("proc_id", procId);
        m.put("wifi_in", null);
        m.put("wifi_out", null);
        m.put("wwan_in", 1.0);
        m.put("wwan_out", 2.0);
        m.put("live_id", liveId);
        m.put("live_proc_id", liveProcId);
        m.put("live_isodate", liveIso);
        return Records.of(new Datausage(), Fields.of(m), new Provenance(db, null, "0".repeat(64), "ZLIVEUSAGE Z_PK " + liveId));
    }

    /** A process that is still there, with one live row. */
    static Record process(long procId, String name, String bundle, String firstIso) {
        return row(DB, procId, name, bundle, procId + 100, procId, firstIso, firstIso);
    }

    static List<Alert> run(Heuristic h, HeuristicContext context, Record... records) {
        Heuristic.Session s = h.start(context);
        List<Alert> alerts = new ArrayList<>();
        for (Record r : records) s.inspect(r, alerts::add);
        s.finish(alerts::add);
        return alerts;
    }
}
