package org.cotejo.correlation.infra;

import java.util.List;
import java.util.Objects;

/**
 * An infrastructure feature two devices share through DIFFERENT values: device A's domain and device B's
 * domain resolved to one address at overlapping times, have one registrant, one TLS key, one registered
 * domain… It names the values on each side and the enrichment facts (file and line) it rests on.
 *
 * @param family  the key family: "res" (co-resolution), "host" (shared hosting), "p24", "asn", "reg",
 *                "ns", "burst", "tls", "subj", "rd" (same registered domain)
 * @param key     the shared key ("res:203.0.113.5")
 * @param valuesA value ids on the first device, ascending
 * @param valuesB value ids on the second device, ascending
 * @param facts   "file line N: …" lines, sorted and distinct
 * @param basis   what it rests on, for dependence
 * @param note    what a reader must know ("time windows not known", "registered 2 days apart")
 */
public record InfraFeature(String family, String key, int[] valuesA, int[] valuesB, List<String> facts, List<String> basis,
                           String note) {
    public InfraFeature {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(key, "key");
        facts = facts.stream().filter(f -> !f.isEmpty()).sorted().distinct().toList();
        basis = basis.stream().sorted().distinct().toList();
        note = note == null ? "" : note;
    }
}
