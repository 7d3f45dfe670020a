package org.cotejo.detection.heuristic.network;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.AlertSink;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.network.traffic.TrafficRecords;
import org.cotejo.forensics.network.traffic.TrafficRecords.Connection;
import org.cotejo.forensics.record.Record;

/**
 * Periodic beaconing: the same client connecting to the same server address again and again at a
 * steady pace, as an implant checking in with its command server does. Parameters: at least
 * {@value #MIN_CONNECTIONS} connections; a median interval of at least {@value #MIN_INTERVAL_SECONDS}
 * seconds (faster repeats are a page loading, not a check-in); and at least {@value #STEADY_PERCENT}% of
 * the intervals within {@value #JITTER_PERCENT}% of that median (jitter tolerated; a gap while the phone
 * slept does not break the pattern). Connections are read from conn.log, Suricata flows, TLS sessions
 * and pcap flows; each module's records are judged on their own, and one alert is raised per client and
 * server, from the module that saw most connections. Phones keep steady connections to push services
 * too, so this is LOW: a pattern to look at, not a finding. Times kept per pair are capped at
 * {@value #MAX_TIMES}, pairs followed at {@value #MAX_PAIRS}; an alert's record is the pair's first
 * connection's provenance, without its fields.
 */
public final class Beaconing implements Heuristic {
    static final int MIN_CONNECTIONS = 8;
    static final int MIN_INTERVAL_SECONDS = 10;
    static final int JITTER_PERCENT = 10;
    static final int STEADY_PERCENT = 80;
    static final int MAX_TIMES = 10_000;
    /** Client–server pairs followed; later new pairs are not (a capture of millions of flows stays in bounded memory). */
    static final int MAX_PAIRS = 100_000;

    @Override public String id() { return "network.beaconing"; }

    @Override
    public String description() {
        return "The same client connecting to the same server " + MIN_CONNECTIONS + " or more times at a steady pace (median interval "
                + MIN_INTERVAL_SECONDS + " s or more, " + STEADY_PERCENT + "% of intervals within " + JITTER_PERCENT
                + "% of it): periodic check-ins, as an implant beacons to its server. LOW: push services do it too.";
    }

    @Override
    public Set<String> modules() {
        Set<String> s = new TreeSet<>(TrafficRecords.CONNECTIONS);
        s.addAll(TrafficRecords.TLS);
        return s;
    }

    @Override
    public Session start(HeuristicContext context) {
        return new Session() {
            private final Map<String, Map<String, Times>> byPair = new LinkedHashMap<>();

            @Override
            public void inspect(Record record, AlertSink out) {
                Connection c = TrafficRecords.connection(record);
                if (c == null || c.client() == null || c.server() == null || c.time() == null) return;
                String pair = c.client() + " -> " + c.server();
                Map<String, Times> byModule = byPair.get(pair);
                if (byModule == null) {
                    if (byPair.size() >= MAX_PAIRS) return;
                    byModule = new LinkedHashMap<>(2);
                    byPair.put(pair, byModule);
                }
                byModule.computeIfAbsent(record.module(), k -> new Times(record.located())).add(c.time(), record);
            }

            @Override
            public void finish(AlertSink out) {
                byPair.forEach((pair, byModule) -> {
                    Times best = null;
                    for (Times t : byModule.values()) if (best == null || t.size > best.size) best = t;
                    Verdict v = best.judge();
                    if (v == null) return;
                    out.alert(new Alert(Level.LOW, id(), "Connections " + pair + " repeat every " + seconds(v.median) + " (" + best.size
                            + " connections from " + v.first + " to " + v.last + ", " + v.steadyPercent + "% of intervals within "
                            + JITTER_PERCENT + "% of it; " + best.firstRecord.module() + "): periodic beaconing",
                            v.first, best.firstRecord));
                });
            }
        };
    }

    private record Verdict(Duration median, int steadyPercent, Instant first, Instant last) {}

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : (d.toMillis() / 1000.0) + " s";
    }

    /** One module's connection times for one pair, as epoch milliseconds. */
    private static final class Times {
        final Record firstRecord;
        long[] millis = new long[4];
        int size;

        Times(Record first) {
            this.firstRecord = first;
        }

        void add(Instant t, Record r) {
            if (size == MAX_TIMES) return;
            if (size == millis.length) millis = Arrays.copyOf(millis, size * 2);
            millis[size++] = t.toEpochMilli();
        }

        Verdict judge() {
            if (size < MIN_CONNECTIONS) return null;
            long[] t = Arrays.copyOf(millis, size);
            Arrays.sort(t);
            long[] gaps = new long[size - 1];
            for (int i = 1; i < size; i++) gaps[i - 1] = t[i] - t[i - 1];
            long[] sorted = gaps.clone();
            Arrays.sort(sorted);
            long median = sorted[sorted.length / 2];
            if (median < MIN_INTERVAL_SECONDS * 1000L) return null;
            int steady = 0;
            for (long g : gaps) if (Math.abs(g - median) * 100 <= median * JITTER_PERCENT) steady++;
            int percent = (int) (steady * 100L / gaps.length);
            if (percent < STEADY_PERCENT) return null;
            return new Verdict(Duration.ofMillis(median), percent, Instant.ofEpochMilli(t[0]), Instant.ofEpochMilli(t[size - 1]));
        }
    }
}
