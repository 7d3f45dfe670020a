package org.cotejo.detection.heuristic.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cotejo.core.indicator.Match;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.AlertSink;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.network.traffic.TrafficRecords;
import org.cotejo.forensics.network.traffic.TrafficRecords.Certificate;
import org.cotejo.forensics.network.traffic.TrafficRecords.DnsAnswer;
import org.cotejo.forensics.network.traffic.TrafficRecords.TlsSession;
import org.cotejo.forensics.record.Record;
import org.cotejo.indicators.index.IndicatorIndex;

/**
 * Domains new to the indicators that share infrastructure with a detected one: a name no indicator lists
 * resolving to an address a listed name resolves to in the same traffic, or served with the same
 * certificate (SHA-256, from Zeek's ssl/x509 logs or pcap records). Operators host several names on one
 * server; the unlisted ones are the next indicators. "New" means unknown to the loaded feeds: Cotejo has
 * no history of earlier captures. One MEDIUM alert per new name and shared address or certificate, after
 * all records. Only names seen with a domain indicator loaded are kept; the unlisted side is capped at
 * {@value #MAX_NAMES} names (memory stays bounded on huge logs), and the alert says when the cap was reached.
 */
public final class SharedInfrastructure implements Heuristic {
    static final int MAX_NAMES = 20_000;
    /** Names kept per address or certificate: past this it is shared hosting, which links nothing. */
    static final int PER_INFRA = 64;

    /**
     * What is known of a name: the indicator that lists it, or where it was first seen when none does, and the
     * first few addresses and certificates it is already filed under (a name is seen with the same ones over
     * and over: those sightings need no second look-up).
     */
    private static final class Name {
        final Match match;
        final Record first;
        final String[] filed = new String[4];

        Name(Match match, Record first) {
            this.match = match;
            this.first = first;
        }

        boolean filedUnder(String infra) {
            for (String f : filed) {
                if (f == null) return false;
                if (f.equals(infra)) return true;
            }
            return false;
        }

        void file(String infra) {
            for (int i = 0; i < filed.length; i++) {
                if (filed[i] == null) {
                    filed[i] = infra;
                    return;
                }
            }
        }
    }

    @Override public String id() { return "network.shared-infrastructure"; }

    @Override
    public String description() {
        return "A domain no indicator lists that resolves to the same address, or presents the same certificate, as a domain an "
                + "indicator lists, in the same traffic: likely more of the operator's infrastructure.";
    }

    @Override
    public Set<String> modules() {
        Set<String> s = new TreeSet<>(TrafficRecords.DNS);
        s.addAll(TrafficRecords.TLS);
        s.addAll(TrafficRecords.CERTIFICATES);
        return s;
    }

    @Override
    public Session start(HeuristicContext context) {
        IndicatorIndex index = context.index();
        return new Session() {
            /** Address, and certificate SHA-256, → names on it, in order seen (at most {@value #PER_INFRA}). */
            private final Map<String, List<String>> namesOnAddress = new HashMap<>();
            private final Map<String, List<String>> namesOnCertificate = new HashMap<>();
            private final Map<String, Match> detected = new LinkedHashMap<>();
            /** Every name followed, listed or not: one look-up per sighting (there are millions in a large log). */
            private final Map<String, Name> names = new HashMap<>();
            private int unlisted;
            private boolean capped;
            /** Noted on an unlisted name seen past the cap: it is not followed, now or later (the feeds do not change in a run). */
            private final Object notFollowed = new Object();

            @Override
            public void inspect(Record record, AlertSink out) {
                if (index == null || index.size() == 0) return;
                DnsAnswer a = TrafficRecords.dns(record);
                Object noted = a == null || a.notes() == null ? null : a.notes().get(this);
                if (a != null && !a.addresses().isEmpty() && noted != notFollowed) {
                    Name known = (Name) noted;
                    for (String ip : a.addresses()) {
                        if (known != null && known.filedUnder(ip)) continue; // the usual case: nothing new
                        Name n = link(a.name(), namesOnAddress, ip, record);
                        if (a.notes() != null) a.notes().put(this, n != null ? n : notFollowed);
                        if (n == null) break; // past the cap: not followed
                    }
                }
                TlsSession s = TrafficRecords.tls(record);
                if (s != null && s.sni() != null) {
                    if (s.server() != null) link(s.sni(), namesOnAddress, s.server(), record);
                    if (s.certSha256() != null) link(s.sni(), namesOnCertificate, s.certSha256(), record);
                }
                Certificate c = TrafficRecords.certificate(record);
                if (c != null) for (String n : c.names()) link(n, namesOnCertificate, c.certSha256(), record);
            }

            /** Files {@code name} under {@code infra}; returns what is known of the name (null past the cap). */
            private Name link(String name, Map<String, List<String>> namesOn, String infra, Record record) {
                if (name == null) return null;
                Name known = names.get(name);
                if (known == null) {
                    Match m = Listed.domain(index, name);
                    if (m == null && unlisted >= MAX_NAMES) {
                        // past the cap an unlisted name is not kept (nor remembered): memory stays bounded
                        capped = true;
                        return null;
                    }
                    if (m != null) detected.put(name, m);
                    else unlisted++;
                    known = new Name(m, m == null ? record.located() : null);
                    names.put(name, known);
                }
                if (known.filedUnder(infra)) return known;
                List<String> on = namesOn.computeIfAbsent(infra, k -> new ArrayList<>(2));
                if (on.size() < PER_INFRA && !on.contains(name)) on.add(name);
                known.file(infra);
                return known;
            }

            @Override
            public void finish(AlertSink out) {
                finish(out, "address ", namesOnAddress);
                finish(out, "certificate ", namesOnCertificate);
            }

            /** Alerts for one kind of infrastructure, in the order of its values ("address …" before "certificate …"). */
            private void finish(AlertSink out, String kind, Map<String, List<String>> namesOn) {
                List<String> values = new ArrayList<>(namesOn.keySet());
                values.sort(null);
                for (String value : values) {
                    String infra = kind + value;
                    List<String> on = namesOn.get(value);
                    String bad = on.stream().filter(detected::containsKey).findFirst().orElse(null);
                    if (bad == null) continue;
                    for (String n : on) {
                        if (detected.containsKey(n)) continue;
                        Name state = names.get(n);
                        Record r = state == null ? null : state.first;
                        if (r == null) continue;
                        out.alert(new Alert(Level.MEDIUM, id(), n + " shares " + infra + " with " + bad + " (" + Listed.describe(detected.get(bad))
                                + "); no indicator lists " + n + ", first seen " + r.provenance().describe()
                                + (capped ? " (only the first " + MAX_NAMES + " unlisted names were followed)" : ""),
                                TrafficRecords.time(r), r));
                    }
                }
            }
        };
    }
}
