package org.cotejo.correlation.lr;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.cotejo.correlation.model.EvidenceLevel;

/**
 * One thing two devices share: a value seen on both, or an infrastructure feature linking a value of one
 * to a value of the other. It says what it rests on so that dependent items are counted once and a
 * reader can check every fact.
 *
 * @param kind      the kind of evidence
 * @param level     its evidence level (the value's resolved level, or the feature's)
 * @param values    the device values it rests on, as "type:value", sorted
 * @param facts     the enrichment facts it rests on: "file line N: what it says", sorted
 * @param basis     the underlying facts for dependence ("d:evil.com" registered domain, "ip:203.0.113.5",
 *                  "whois:evil.com", "tls:KEY"...): items whose bases overlap rest on the same thing
 * @param lr        its likelihood ratio (already weakened by the value's spread when it is common)
 * @param note      how the ratio was obtained and anything a reader must know ("confirmed pivot by …",
 *                  "seen on 3 of 800 background devices")
 * @param firstSeen earliest sighting of its values on the two devices, or null
 * @param lastSeen  latest sighting, or null
 */
public record EvidenceItem(FeatureKind kind, EvidenceLevel level, List<String> values, List<String> facts,
                           List<String> basis, double lr, String note, Instant firstSeen, Instant lastSeen) {
    /** Kind, then values, then facts: the order items are listed and combined in. */
    public static final Comparator<EvidenceItem> ORDER = Comparator.comparing(EvidenceItem::kind)
            .thenComparing(i -> String.join("\n", i.values()))
            .thenComparing(i -> String.join("\n", i.facts()));

    public EvidenceItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        values = sorted(values);
        facts = sorted(facts);
        basis = basis.size() < 2 ? List.copyOf(basis) : basis.stream().sorted().distinct().toList();
        note = note == null ? "" : note;
        if (lr < 1) throw new IllegalArgumentException("lr below 1: " + lr);
    }

    // Items are built per pair by the million: lists of one element (the usual case) skip the sort.
    private static List<String> sorted(List<String> l) {
        return l.size() < 2 ? List.copyOf(l) : l.stream().sorted().toList();
    }

    /** The item with its times set (values items are built once per value, then dated per pair). */
    public EvidenceItem dated(Instant first, Instant last) {
        return new EvidenceItem(kind, level, values, facts, basis, lr, note, first, last);
    }

    /** A stable identity for de-duplication: kind and what it rests on, not the times. */
    public String identity() {
        return kind.key() + "|" + String.join(",", values) + "|" + String.join(",", facts);
    }
}
