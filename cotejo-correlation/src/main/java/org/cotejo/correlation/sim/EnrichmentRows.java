package org.cotejo.correlation.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The infrastructure facts of a world as rows of the enrichment files (docs/enrichment.md), in the
 * order they are generated. {@link EnrichmentFiles} turns them into files and into the in-memory index.
 */
final class EnrichmentRows {
    record Resolution(String domain, String ip, Instant firstSeen, Instant lastSeen) {}

    record Whois(String domain, String registrar, LocalDate created, String registrantEmail, List<String> nameServers) {}

    record Tls(String host, String certSha256, String keySha256, String subject, Instant notBefore, Instant notAfter) {}

    record Asn(String prefix, long asn, String asName) {}

    final List<Resolution> resolutions = new ArrayList<>();
    final List<Whois> whois = new ArrayList<>();
    final List<Tls> tls = new ArrayList<>();
    final List<Asn> asn = new ArrayList<>();
}
