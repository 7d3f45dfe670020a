package org.cotejo.detection.heuristic.ios.netbase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.AlertSink;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.Record;

/**
 * Network-usage rows whose process row was deleted: {@code ZLIVEUSAGE} still points to a
 * {@code ZPROCESS} id that no longer exists. iOS deletes both together; a process row removed alone is
 * what an implant cleaning up its own name leaves behind (seen with Pegasus).
 *
 * <p>MVT raises one alert the first time a process id is seen and one more per row. Cotejo raises one
 * alert per deleted process (per database), listing its rows: the finding is "process N was deleted",
 * and the rows are its evidence; twenty alerts for one deletion would only bury it. The alert's time is
 * the earliest row's, and its record is that row.
 */
public final class ManipulatedProcess implements Heuristic {
    private static final int LISTED = 10;

    @Override public String id() { return "netbase.manipulated-process"; }

    @Override
    public String description() {
        return "DataUsage/netusage rows whose process record was deleted (a process hiding its name)";
    }

    @Override public Set<String> modules() { return NetBaseRows.MODULES; }

    @Override
    public Session start(HeuristicContext context) {
        return new Scan();
    }

    private final class Scan implements Session {
        /** Only the rows that lost their process are kept (normally none). */
        private final Map<String, List<Record>> byProcess = new LinkedHashMap<>();

        @Override
        public void inspect(Record record, AlertSink out) {
            if (!NetBaseRows.lostItsProcess(record.fields())) return;
            String key = NetBaseRows.database(record) + "\n" + record.fields().text("live_proc_id");
            byProcess.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
        }

        @Override
        public void finish(AlertSink out) {
            for (List<Record> rows : byProcess.values()) {
                rows.sort(Comparator.comparing((Record r) -> r.fields().text("live_isodate")).thenComparing(r -> r.fields().text("live_id")));
                Record first = rows.get(0);
                String processId = first.fields().text("live_proc_id");
                StringBuilder listed = new StringBuilder();
                for (int i = 0; i < Math.min(LISTED, rows.size()); i++) {
                    if (i > 0) listed.append(", ");
                    listed.append(rows.get(i).fields().text("live_id")).append(" at ").append(NetBaseRows.when(rows.get(i).fields(), "live_isodate"));
                }
                if (rows.size() > LISTED) listed.append(" and ").append(rows.size() - LISTED).append(" more");
                String message = "Process " + (processId.isEmpty() ? "(no id)" : processId) + " was deleted from "
                        + first.provenance().logical() + " while " + rows.size() + " usage row" + (rows.size() == 1 ? "" : "s")
                        + " still point to it (ZLIVEUSAGE " + listed + "); iOS removes both together, so its name was likely removed on purpose";
                out.alert(new Alert(Level.HIGH, id(), message, MvtTime.parse(first.fields().string("live_isodate")), first));
            }
        }
    }
}
