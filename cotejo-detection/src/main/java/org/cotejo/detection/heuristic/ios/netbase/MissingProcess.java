package org.cotejo.detection.heuristic.ios.netbase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.AlertSink;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.Record;

/**
 * Gaps in the {@code ZPROCESS} id sequence of a network-usage database. Core Data numbers rows in
 * order and iOS rarely deletes process rows, so a missing id may be a process someone removed; the
 * process just before the gap dates it.
 *
 * <p>MVT raises one alert per missing id. Cotejo raises one per gap (a run of consecutive missing ids),
 * so a damaged database with a jump of millions of ids gives one alert, not millions. MVT's appended
 * "MISSING" rows in imported results are ignored, so their gaps are found again.
 */
public final class MissingProcess implements Heuristic {
    @Override public String id() { return "netbase.missing-process"; }

    @Override
    public String description() {
        return "Gaps in the DataUsage/netusage process ids (process records possibly deleted)";
    }

    @Override public Set<String> modules() { return NetBaseRows.MODULES; }

    @Override
    public Session start(HeuristicContext context) {
        return new Scan();
    }

    private final class Scan implements Session {
        /**
         * Per database, what the alert needs of each process id present: the record without its
         * observables and timeline, and only the fields the message uses, so memory stays small even
         * for databases of many thousand processes.
         */
        private final Map<String, TreeMap<Long, Record>> processes = new HashMap<>();
        /** Databases in the order their first row arrived, so alerts come out in a stable order. */
        private final List<String> order = new ArrayList<>();

        @Override
        public void inspect(Record record, AlertSink out) {
            Fields f = record.fields();
            if (NetBaseRows.isMvtPlaceholder(f)) return;
            Long id = f.longValue("proc_id");
            if (id == null) return;
            String db = NetBaseRows.database(record);
            processes.computeIfAbsent(db, k -> {
                order.add(k);
                return new TreeMap<>();
            }).computeIfAbsent(id, k -> compact(record));
        }

        private static Record compact(Record r) {
            Fields f = r.fields();
            Fields kept = Fields.builder().put("proc_id", f.get("proc_id")).put("proc_name", f.get("proc_name"))
                    .put("bundle_id", f.get("bundle_id")).put("first_isodate", f.get("first_isodate")).build();
            return new Record(r.module(), kept, r.provenance(), List.of(), List.of());
        }

        @Override
        public void finish(AlertSink out) {
            for (String db : order) {
                Long previous = null;
                for (Map.Entry<Long, Record> e : processes.get(db).entrySet()) {
                    if (previous != null && e.getKey() - previous > 1) gap(previous, e.getKey(), processes.get(db).get(previous), out);
                    previous = e.getKey();
                }
            }
        }

        private void gap(long before, long after, Record prev, AlertSink out) {
            long first = before + 1;
            long last = after - 1;
            Fields p = prev.fields();
            String missing = first == last ? "Process " + first + " is" : "Processes " + first + " to " + last + " (" + (last - first + 1) + ") are";
            String message = missing + " missing from " + prev.provenance().logical() + "; the process before, "
                    + (NetBaseRows.blank(p.string("proc_name")) ? "(no name)" : p.string("proc_name")) + " (id " + before
                    + "), was first seen at " + NetBaseRows.when(p, "first_isodate") + ". Deleted process records can hide what ran";
            out.alert(new Alert(Level.LOW, id(), message, MvtTime.parse(p.string("first_isodate")), prev));
        }
    }
}
