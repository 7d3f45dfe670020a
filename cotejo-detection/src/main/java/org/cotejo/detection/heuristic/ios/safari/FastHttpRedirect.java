package org.cotejo.detection.heuristic.ios.safari;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.DomainNames;
import org.cotejo.core.observable.ParsedUrl;
import org.cotejo.core.observable.Urls;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.AlertSink;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.Record;

/**
 * A plain-HTTP Safari visit redirected to another domain in under a second. Network injection (an
 * operator or a rogue base station rewriting an unencrypted page) sends the browser on to the exploit
 * server immediately, without the user clicking anything; a person following a link takes longer.
 *
 * <p>Both visits must be in the same History.db. Hosts are compared after removing a leading
 * {@code www.} label (MVT strips the characters 'w' and '.' from the left, which also turns
 * {@code web.example.org} into {@code eb.example.org}; Cotejo removes only the label). A destination
 * visit recorded before its origin is not a redirect "within a second" and is left alone (MVT's
 * whole-seconds test lets exactly-one-day-later redirects through too; Cotejo does not).
 */
public final class FastHttpRedirect implements Heuristic {
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @Override public String id() { return "safari.fast-http-redirect"; }

    @Override
    public String description() {
        return "Safari visit over plain HTTP redirected to another domain in under a second (network injection)";
    }

    @Override public Set<String> modules() { return Set.of("safari_history"); }

    @Override
    public Session start(HeuristicContext context) {
        return new Scan();
    }

    /** A visit: its URL (the host is worked out only for visits that take part in a redirect) and time. */
    private record Visit(long id, String url, Instant time, Record record) {
        String host() { return FastHttpRedirect.host(url); }
    }

    /** How many recent visits per database are kept for an origin that arrives after its destination. */
    private static final int RECENT = 4096;

    /**
     * Judges redirects as visits stream by, holding only the origins still waiting for their destination
     * and a bounded window of recent visits, so memory does not grow with the history's size. Safari's
     * rows come in time order and a redirect that took under a second has its destination right after
     * its origin; the window covers rows that arrive out of order (records read back from JSON).
     */
    private final class Scan implements Session {
        private final Map<String, Map<Long, Visit>> waiting = new HashMap<>();
        private final Map<String, Map<Long, Visit>> recent = new HashMap<>();

        @Override
        public void inspect(Record record, AlertSink out) {
            Fields f = record.fields();
            Long visitId = f.longValue("visit_id");
            if (visitId == null) return;
            String db = f.text("safari_history_db");
            String url = f.text("url");
            Visit visit = new Visit(visitId, url, time(f), record);
            Map<Long, Visit> pending = waiting.get(db);
            Visit origin = pending == null ? null : pending.remove(visitId);
            if (origin != null) judge(origin, visit, db, out);
            Long destination = f.longValue("redirect_destination");
            if (destination != null && url.toLowerCase(Locale.ROOT).startsWith("http://")) {
                Visit to = recent.getOrDefault(db, Map.of()).get(destination);
                if (to != null) judge(visit, to, db, out);
                else waiting.computeIfAbsent(db, k -> new HashMap<>()).put(destination, visit);
            }
            recent.computeIfAbsent(db, k -> new java.util.LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Visit> eldest) {
                    return size() > RECENT;
                }
            }).put(visitId, visit);
        }

        private void judge(Visit from, Visit to, String db, AlertSink out) {
            if (from.time() == null || to.time() == null) return;
            Duration took = Duration.between(from.time(), to.time());
            if (took.isNegative() || took.compareTo(WITHIN) >= 0) return;
            String toHost = to.host();
            if (toHost.equals(from.host())) return;
            String message = "Safari visit to " + from.url() + " (plain HTTP) was redirected to "
                    + (toHost.isEmpty() ? "an unreadable address" : toHost) + " after "
                    + (took.toNanos() / 1_000_000.0) + " milliseconds (visit " + from.id() + " to visit "
                    + to.id() + " in " + db + "); a redirect this fast to another domain"
                    + " is what network injection looks like";
            out.alert(new Alert(Level.MEDIUM, id(), message, from.time(), from.record()));
        }
    }

    /** The host without a leading "www." label, or "" when the URL does not parse (as MVT does). */
    static String host(String url) {
        try {
            ParsedUrl u = Urls.parse(url.strip());
            return u.hostKind() == ParsedUrl.HostKind.DOMAIN ? DomainNames.normalise(u.host()) : u.host();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The raw Mac time when the record has it (exact), else the ISO text. */
    private static Instant time(Fields f) {
        Instant t = IosTime.macAbsolute(f.number("timestamp"));
        return t != null ? t : MvtTime.parse(f.string("isodate"));
    }
}
