package org.cotejo.correlation.enrich;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.cotejo.correlation.enrich.EnrichmentSource.Kind;

/**
 * Turns one record's values (in {@link Schema#fields} order, "" when absent) into a fact. A record
 * with any bad value is refused whole: loading it without the bad value would turn "unreadable" into
 * "unknown", and a fact with a silently missing last-seen time or registrant says something the file
 * does not.
 */
final class Rows {
    private Rows() {}

    /** A value that cannot be read, with the column it stands in. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message, null, false, false);
        }
    }

    /** The fact, or a {@link BadValue}; {@code privacy} is told when a registrant e-mail was dropped as a privacy service. */
    static Object fact(Kind kind, String[] v, Fact from, Runnable privacy) throws BadValue {
        return switch (kind) {
            case PASSIVE_DNS -> {
                String domain = required(v[0], "domain", Values::domain);
                String ip = required(v[1], "ip", Values::ip);
                Instant first = optional(v[2], "first_seen", Values::instant);
                Instant last = optional(v[3], "last_seen", Values::instant);
                if (first != null && last != null && last.isBefore(first)) {
                    throw new BadValue("last_seen " + last + " is before first_seen " + first);
                }
                yield new DnsResolution(domain, ip, first, last, from);
            }
            case WHOIS -> {
                String domain = required(v[0], "domain", Values::domain);
                LocalDate created = optional(v[2], "created", Values::date);
                List<String> nameServers = nameServers(v[4]);
                String email = "";
                if (!v[3].isEmpty()) {
                    // Checked before reading it as an e-mail: redaction texts ("REDACTED FOR PRIVACY") are not addresses at all.
                    if (PrivacyServices.isPrivacyService(v[3])) privacy.run();
                    else email = optional(v[3], "registrant_email", Values::email);
                }
                yield new WhoisRecord(domain, v[1], created, email, nameServers, from);
            }
            case TLS -> {
                String host = required(v[0], "host", Values::host);
                String cert = required(v[1], "cert_sha256", Values::sha256);
                String key = v[2].isEmpty() ? "" : optional(v[2], "key_sha256", Values::sha256);
                Instant notBefore = optional(v[4], "not_before", Values::instant);
                Instant notAfter = optional(v[5], "not_after", Values::instant);
                if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
                    throw new BadValue("not_after " + notAfter + " is before not_before " + notBefore);
                }
                yield new TlsCertificate(host, cert, key, v[3], notBefore, notAfter, from);
            }
            case ASN -> {
                String prefix = required(v[0], "prefix", Values::cidr);
                long asn = required(v[1], "asn", Values::asn);
                yield new AsnPrefix(prefix, asn, v[2], from);
            }
        };
    }

    /** Name servers separated by ';', normalised, sorted and without repeats (their order in WHOIS output means nothing). */
    private static List<String> nameServers(String raw) throws BadValue {
        TreeSet<String> out = new TreeSet<>();
        for (String ns : raw.split(";")) {
            String s = ns.strip();
            if (!s.isEmpty()) out.add(optional(s, "name_servers", Values::domain));
        }
        return List.copyOf(out);
    }

    private static <T> T required(String raw, String column, Function<String, T> read) throws BadValue {
        if (raw.isEmpty()) throw new BadValue("no " + column + " (a required column)");
        return optional(raw, column, read);
    }

    private static <T> T optional(String raw, String column, Function<String, T> read) throws BadValue {
        try {
            return read.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new BadValue(column + ": " + e.getMessage());
        }
    }
}
