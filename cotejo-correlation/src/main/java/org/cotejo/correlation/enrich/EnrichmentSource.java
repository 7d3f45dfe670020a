package org.cotejo.correlation.enrich;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One enrichment file as registered: what it holds, where it came from and when, and its hash, so every
 * infrastructure fact in a result traces to the file and line it was read from. Enrichment is evidence
 * supplied as files; correlation never looks anything up on the network.
 *
 * @param kind    passive DNS, WHOIS, TLS certificates or prefix-to-ASN
 * @param file    the file as given
 * @param sha256  SHA-256 of its bytes
 * @param source  who produced it ("DomainTools export", "CIRCL passive DNS"), as the file or the analyst states
 * @param date    when it was produced or retrieved, or null when nobody said
 * @param records facts read from it
 */
public record EnrichmentSource(Kind kind, String file, String sha256, String source, LocalDate date, long records) {
    public EnrichmentSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        source = source == null ? "" : source;
    }

    /** The kinds of enrichment file, by the name used in headers and on the command line. */
    public enum Kind {
        PASSIVE_DNS("passive-dns"), WHOIS("whois"), TLS("tls"), ASN("asn");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() { return key; }
    }
}
