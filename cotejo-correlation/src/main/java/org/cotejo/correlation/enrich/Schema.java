package org.cotejo.correlation.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.enrich.EnrichmentSource.Kind;

/**
 * The columns of each kind of enrichment file, in the order the writer puts them. The same names are
 * the CSV header and the JSON Lines field names. Required columns must be present (the fact means
 * nothing without them); the others may be absent or empty.
 */
final class Schema {
    private Schema() {}

    static List<String> fields(Kind kind) {
        return switch (kind) {
            case PASSIVE_DNS -> List.of("domain", "ip", "first_seen", "last_seen");
            case WHOIS -> List.of("domain", "registrar", "created", "registrant_email", "name_servers");
            case TLS -> List.of("host", "cert_sha256", "key_sha256", "subject", "not_before", "not_after");
            case ASN -> List.of("prefix", "asn", "as_name");
        };
    }

    static List<String> required(Kind kind) {
        return switch (kind) {
            case PASSIVE_DNS -> List.of("domain", "ip");
            case WHOIS -> List.of("domain");
            case TLS -> List.of("host", "cert_sha256");
            case ASN -> List.of("prefix", "asn");
        };
    }

    /** A kind by its key ("passive-dns", "whois", "tls", "asn"), case-insensitive. */
    static Optional<Kind> kindOf(String key) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Kind kind : Kind.values()) if (kind.key().equals(k)) return Optional.of(kind);
        return Optional.empty();
    }

    static String keys() {
        List<String> keys = new ArrayList<>();
        for (Kind k : Kind.values()) keys.add(k.key());
        return String.join(", ", keys);
    }

    /**
     * The kind whose columns these are: the one that has every column and is missing no required one.
     * {@code stated} (from the file's metadata or the caller), when not null, must be such a kind.
     *
     * @param where "file x.csv, line 3" for messages
     */
    static Kind kindFor(List<String> columns, Kind stated, String where) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.indexOf(columns.get(i)) != i) throw new CotejoException(where + ": column '" + columns.get(i) + "' appears twice");
        }
        if (stated != null) {
            check(stated, columns, where);
            return stated;
        }
        List<Kind> fits = new ArrayList<>();
        for (Kind k : Kind.values()) if (fields(k).containsAll(columns) && columns.containsAll(required(k))) fits.add(k);
        if (fits.size() == 1) return fits.get(0);
        // No two of today's kinds can both fit (their required columns differ); this guards a fifth kind.
        if (fits.size() > 1) {
            throw new CotejoException(where + ": columns " + columns + " fit several kinds (" + fits.stream().map(Kind::key).toList()
                    + "); state the kind with a '# kind: …' line, a cotejo_enrichment header object, or on the command line");
        }
        StringBuilder expected = new StringBuilder();
        for (Kind k : Kind.values()) expected.append(expected.isEmpty() ? "" : "; ").append(k.key()).append(": ").append(String.join(",", fields(k)));
        throw new CotejoException(where + ": columns " + columns + " are not those of any enrichment file (" + expected
                + "; see docs/enrichment.md)");
    }

    private static void check(Kind kind, List<String> columns, String where) {
        for (String c : columns) {
            if (!fields(kind).contains(c)) {
                throw new CotejoException(where + ": column '" + CotejoException.printable(c) + "' is not a " + kind.key()
                        + " column; expected " + String.join(",", fields(kind)));
            }
        }
        for (String r : required(kind)) {
            if (!columns.contains(r)) throw new CotejoException(where + ": a " + kind.key() + " file needs a '" + r + "' column");
        }
    }
}
