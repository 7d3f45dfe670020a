package org.cotejo.detection.heuristic.ios.shutdown;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.AlertSink;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;

/**
 * The same non-system process delaying several reboots: one sighting may be chance, the same path at
 * shutdown after shutdown is something that survives reboots. This is the "same traces on one
 * timeline" reading of shutdown.log, kept simple: one LOW summary per process with its first and last
 * shutdown, after all records are seen.
 */
public final class RecurringShutdownDelayer implements Heuristic {
    static final int MIN_REBOOTS = 2;

    @Override public String id() { return "shutdown.recurring-delayer"; }

    @Override
    public String description() {
        return "The same process from outside the system and app folders delayed " + MIN_REBOOTS + " or more reboots in "
                + "shutdown.log: persistence across reboots. One summary per process, with its first and last shutdown.";
    }

    @Override public Set<String> modules() { return Set.of(ShutdownClients.MODULE); }

    @Override
    public Session start(HeuristicContext context) {
        return new Session() {
            /** Per client: the shutdowns it delayed, and its first and last record. */
            private final Map<String, Sightings> byClient = new LinkedHashMap<>();

            @Override
            public void inspect(Record record, AlertSink out) {
                Fields r = record.fields();
                String client = ShutdownClients.client(r);
                if (client == null || ShutdownClients.legitimate(client) || !ShutdownClients.delayed(r)) return;
                byClient.computeIfAbsent(client, c -> new Sightings(record)).add(record);
            }

            @Override
            public void finish(AlertSink out) {
                byClient.forEach((client, s) -> {
                    if (s.reboots.size() < MIN_REBOOTS) return;
                    Fields first = s.first.fields();
                    out.alert(new Alert(Level.LOW, id(),
                            "Process " + client + " delayed " + s.reboots.size() + " reboots, from the shutdown of "
                                    + ShutdownClients.when(first) + " to that of " + ShutdownClients.when(s.last.fields())
                                    + " (" + s.last.provenance().describe() + ")",
                            ShutdownClients.time(first), s.last));
                });
            }
        };
    }

    /** The shutdowns one client delayed, and its earliest and latest record by time (files are not read in time order). */
    private static final class Sightings {
        final Set<String> reboots = new LinkedHashSet<>();
        Record first;
        Record last;

        Sightings(Record r) {
            first = r;
            last = r;
        }

        /** A shutdown is known by its time; one without (a log cut short) by where it was read. */
        void add(Record r) {
            String t = r.fields().text("isodate");
            reboots.add(!t.isBlank() ? t : "untimed " + r.provenance().file() + " " + r.provenance().locator());
            if (t.isBlank()) return;
            if (earlier(t, first)) first = r;
            if (later(t, last)) last = r;
        }

        /** MVT's time text sorts in time order; a record without a time gives way to any with one. */
        private static boolean earlier(String t, Record than) {
            String o = than.fields().text("isodate");
            return o.isBlank() || t.compareTo(o) < 0;
        }

        private static boolean later(String t, Record than) {
            String o = than.fields().text("isodate");
            return o.isBlank() || t.compareTo(o) > 0;
        }
    }
}
