package org.cotejo.correlation.infra;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing enrichment says about one device value, keyed so that two devices can be joined on it:
 * "res:203.0.113.5" (the value resolved to that address), "p24:203.0.113.0/24", "asn:64500",
 * "reg:someone@example.org" (WHOIS registrant), "ns:ns1.example.org", "burst:Registrar Inc",
 * "tls:KEY", "subj:CN=…", "rd:evil.com" (registered domain), "host:…" (an address of shared hosting).
 *
 * @param key     the join key
 * @param value   the device value (its id in the value index) the fact is about
 * @param from    start of the time window it held (passive DNS), or null when not known
 * @param to      end of that window, or null
 * @param created the domain's creation date (for registration bursts), or null
 * @param basis   what it rests on, for dependence: "ip:…", "whois:…", "tls:…", "d:…"
 * @param fact    "file line N: what the line says", or "" when the fact is the value itself
 */
public record InfraFact(String key, int value, Instant from, Instant to, LocalDate created, String basis, String fact) {
    public static final Comparator<InfraFact> ORDER = Comparator.comparing(InfraFact::key).thenComparingInt(InfraFact::value)
            .thenComparing(InfraFact::fact);

    public InfraFact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(basis, "basis");
        fact = fact == null ? "" : fact;
    }

    /** The key's family: "res", "p24", "reg", … */
    public String family() {
        return key.substring(0, key.indexOf(':'));
    }

    /** Whether two devices sharing this key are worth comparing (weak and tool-level keys never create a pair). */
    public boolean createsCandidates() {
        return switch (family()) {
            case "res", "rd", "reg", "ns", "tls" -> true;
            default -> false;
        };
    }

    /** Whether the time windows of two facts overlap; an unknown window is taken to overlap (and said so). */
    public boolean overlaps(InfraFact o) {
        if (from == null || to == null || o.from == null || o.to == null) return true;
        return !from.isAfter(o.to) && !o.from.isAfter(to);
    }

    public boolean windowKnown() {
        return from != null && to != null;
    }
}
