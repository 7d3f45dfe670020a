package org.cotejo.detection.heuristic.ios.safari;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /**
     * What is kept of every visit: enough to be the destination of a redirect. The host is worked out
     * only for the few visits that take part in a redirect (parsing every URL would double the cost).
     */
    private record Visit(String url, Instant time) {
        String host() { return FastHttpRedirect.host(url); }
    }

    /** An http:// visit with a redirect destination, judged once all visits of its database are known. */
    private record Origin(String db, long destination, Visit visit, Record record) {}

    private final class Scan implements Session {
        /** Visits by database, then by visit id (a compact map: host and time only). */
        private final Map<String, Map<Long, Visit>> visits = new HashMap<>();
        private final List<Origin> origins = new ArrayList<>();

        @Override
        public void inspect(Record record, AlertSink out) {
            Fields f = record.fields();
            Long visitId = f.longValue("visit_id");
            if (visitId == null) return;
            String db = f.text("safari_history_db");
            String url = f.text("url");
            Visit visit = new Visit(url, time(f));
            visits.computeIfAbsent(db, k -> new HashMap<>()).put(visitId, visit);
            Long destination = f.longValue("redirect_destination");
            if (destination != null && url.toLowerCase(Locale.ROOT).startsWith("http://")) {
                origins.add(new Origin(db, destination, visit, record));
            }
        }

        @Override
        public void finish(AlertSink out) {
            for (Origin o : origins) {
                Visit to = visits.getOrDefault(o.db(), Map.of()).get(o.destination());
                if (to == null || o.visit().time() == null || to.time() == null) continue;
                String toHost = to.host();
                if (toHost.equals(o.visit().host())) continue;
                Duration took = Duration.between(o.visit().time(), to.time());
                if (took.isNegative() || took.compareTo(WITHIN) >= 0) continue;
                Fields f = o.record().fields();
                String message = "Safari visit to " + f.text("url") + " (plain HTTP) was redirected to "
                        + (toHost.isEmpty() ? "an unreadable address" : toHost) + " after "
                        + (took.toNanos() / 1_000_000.0) + " milliseconds (visit " + f.text("visit_id") + " to visit "
                        + o.destination() + " in " + o.db() + "); a redirect this fast to another domain"
                        + " is what network injection looks like";
                out.alert(new Alert(Level.MEDIUM, id(), message, o.visit().time(), o.record()));
            }
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
