package org.cotejo.correlation.enrich;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A WHOIS record of a registered domain.
 *
 * @param domain          normalised registered domain
 * @param registrar       registrar name, or ""
 * @param created         creation date, or null
 * @param registrantEmail registrant e-mail, normalised, or "" (also "" when privacy-protected: a proxy
 *                        service's address says nothing about who registered the domain)
 * @param nameServers     normalised name servers, sorted
 * @param from            where it was read
 */
public record WhoisRecord(String domain, String registrar, LocalDate created, String registrantEmail,
                          List<String> nameServers, Fact from) {
    public WhoisRecord {
        Objects.requireNonNull(domain, "domain");
        registrar = registrar == null ? "" : registrar;
        registrantEmail = registrantEmail == null ? "" : registrantEmail;
        nameServers = List.copyOf(nameServers);
        Objects.requireNonNull(from, "from");
    }
}
