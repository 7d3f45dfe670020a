package org.cotejo.forensics.ios.analytics;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.plist.PlistValues;
import org.cotejo.forensics.plist.Plists;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.sqlite.EvidenceDatabase;

/**
 * Reads the keychain analytics databases ({@code private/var/Keychains/Analytics/*.db}) the way MVT
 * does: the {@code timestamp} (Unix seconds) and {@code data} (a property-list dictionary) of every
 * row of {@code hard_failures}, {@code soft_failures} and {@code all_events}, with identical rows
 * across the tables counted once (MVT's SQL UNION), each row turned into the dictionary plus
 * {@code isodate} and {@code artifact} (the database's file name).
 *
 * <p>MVT sorts the rows of all databases together by time; Cotejo streams and sorts within each
 * database (ORDER BY timestamp), databases in path order.
 */
final class AnalyticsDatabases {
    static final Location ANALYTICS = Location.fs("private/var/Keychains/Analytics/*.db");
    static final List<String> TABLES = List.of("hard_failures", "soft_failures", "all_events");
    /** Row keys pack the table's position above the row id, so one integer names the row (see {@link #query}). */
    private static final int TABLE_SHIFT = 40;

    private AnalyticsDatabases() {}

    /** Receives one analytics row: the file, where in it ("all_events ROWID 12"), and the record. */
    @FunctionalInterface
    interface Sink {
        void row(SourceFile file, String locator, Fields record);
    }

    static void read(ModuleContext ctx, Sink sink) throws IOException {
        // Any of the three tables will do, so the check is the query's, not eachDatabase's.
        ctx.eachDatabase(ANALYTICS, List.of(), "a keychain analytics database", (file, db) -> {
            String sql = query(db);
            if (sql == null) {
                ctx.problem(file, "no hard_failures, soft_failures or all_events table with timestamp and data columns; "
                        + "not a keychain analytics database, skipped");
                return;
            }
            db.rows(sql, row -> {
                Object timestamp = EvidenceDatabase.cell(row, 1);
                Object data = EvidenceDatabase.cell(row, 2);
                long key = row.getLong(3);
                String locator = TABLES.get((int) (key >>> TABLE_SHIFT)) + " ROWID " + (key & ((1L << TABLE_SHIFT) - 1));
                if (timestamp == null && data == null) return;
                Fields record = record(file, timestamp, data, locator, ctx);
                if (record != null) sink.row(file, locator, record);
            });
        });
    }

    /**
     * One query over the tables this database has (older ones lack {@code all_events}). GROUP BY the
     * two columns keeps one row of each identical pair, as UNION would, while MIN(key) still says
     * which table row it was read from.
     */
    private static String query(EvidenceDatabase db) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < TABLES.size(); i++) {
            String t = TABLES.get(i);
            List<String> cols = db.columns(t);
            if (!cols.contains("timestamp") || !cols.contains("data")) continue;
            parts.add("SELECT timestamp, data, (" + ((long) i << TABLE_SHIFT) + " + rowid) AS k FROM " + t);
        }
        if (parts.isEmpty()) return null;
        return "SELECT timestamp, data, MIN(k) AS k FROM (" + String.join(" UNION ALL ", parts) + ") "
                + "GROUP BY timestamp, data ORDER BY timestamp, k";
    }

    private static Fields record(SourceFile file, Object timestamp, Object data, String locator, ModuleContext ctx) {
        Fields.Builder f = Fields.builder();
        if (data != null) {
            byte[] bytes = data instanceof byte[] b ? b : data.toString().getBytes(StandardCharsets.UTF_8);
            NSObject plist;
            try {
                plist = Plists.parse(bytes, file.logical() + " " + locator);
            } catch (CotejoException e) {
                ctx.problem(file, e.getMessage() + "; row skipped");
                return null;
            }
            if (!(plist instanceof NSDictionary)) {
                ctx.problem(file, locator + ": data is a property list but not a dictionary; row skipped");
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> dict = (Map<String, Object>) PlistValues.pythonJson(plist);
            dict.forEach(f::put);
        }
        f.put("isodate", IosTime.unixIso(timestamp));
        f.put("artifact", file.name());
        return f.build();
    }
}
