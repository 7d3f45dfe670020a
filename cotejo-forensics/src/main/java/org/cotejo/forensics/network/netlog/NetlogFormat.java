package org.cotejo.forensics.network.netlog;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cotejo.core.CotejoException;

/**
 * How a DNS-resolver or proxy log is laid out: its syntax and which column holds which {@link Role}.
 * Built-in formats name their columns (docs/checking.md); {@code --map role=column} renames any of them,
 * and is how a {@code json} log is described.
 *
 * @param name    "dns-csv", "proxy-csv", "squid" or "json"
 * @param syntax  CSV with a header row, JSON lines, or Squid's native whitespace-separated access log
 * @param columns for each role, the column (CSV header name, JSON field, dotted for nested objects) holding it
 */
public record NetlogFormat(String name, Syntax syntax, Map<Role, String> columns) {

    /** The syntax of a log's lines. */
    public enum Syntax { CSV, JSON, SQUID }

    /** What a column means; the key is what {@code --map} calls it. */
    public enum Role {
        TIME("time"), CLIENT("client"), DOMAIN("domain"), URL("url"), DEST_IP("dest_ip"), USER_AGENT("user_agent"),
        QUERY_TYPE("type"), ANSWER("answer"), METHOD("method"), STATUS("status");

        private final String key;

        Role(String key) {
            this.key = key;
        }

        public String key() { return key; }

        static Optional<Role> of(String key) {
            return Arrays.stream(values()).filter(r -> r.key.equals(key.strip().toLowerCase(Locale.ROOT))).findFirst();
        }
    }

    public NetlogFormat {
        columns = Map.copyOf(columns);
    }

    /** The built-in formats, by name. */
    public static final List<String> BUILT_IN = List.of("dns-csv", "proxy-csv", "squid", "json");

    /** A built-in format, with {@code map} ("role" → "column") renaming its columns. */
    public static NetlogFormat of(String name, Map<String, String> map) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        Map<Role, String> columns = new EnumMap<>(Role.class);
        Syntax syntax = switch (n) {
            case "dns-csv" -> {
                columns.putAll(Map.of(Role.TIME, "time", Role.CLIENT, "client", Role.DOMAIN, "query", Role.QUERY_TYPE, "type", Role.ANSWER, "answer"));
                yield Syntax.CSV;
            }
            case "proxy-csv" -> {
                columns.putAll(Map.of(Role.TIME, "time", Role.CLIENT, "client", Role.METHOD, "method", Role.URL, "url",
                        Role.STATUS, "status", Role.DEST_IP, "dest_ip", Role.USER_AGENT, "user_agent", Role.DOMAIN, "host"));
                yield Syntax.CSV;
            }
            case "squid" -> Syntax.SQUID;
            case "json" -> {
                for (Role r : Role.values()) columns.put(r, r.key());
                yield Syntax.JSON;
            }
            default -> throw new CotejoException("unknown netlog format '" + CotejoException.printable(n) + "'; use "
                    + String.join(", ", BUILT_IN) + " (see docs/checking.md)");
        };
        if (syntax == Syntax.SQUID && !map.isEmpty()) {
            throw new CotejoException("the squid format has fixed positions; --map applies to dns-csv, proxy-csv and json");
        }
        map.forEach((role, column) -> {
            Role r = Role.of(role).orElseThrow(() -> new CotejoException("--map " + role + "=" + column + ": unknown role '"
                    + CotejoException.printable(role) + "'; roles: " + String.join(", ", Arrays.stream(Role.values()).map(Role::key).toList())));
            if (column == null || column.isBlank()) columns.remove(r);
            else columns.put(r, column.strip());
        });
        if (syntax != Syntax.SQUID && !columns.containsKey(Role.DOMAIN) && !columns.containsKey(Role.URL)
                && !columns.containsKey(Role.DEST_IP) && !columns.containsKey(Role.ANSWER)) {
            throw new CotejoException("netlog format " + n + " maps no domain, url, dest_ip or answer column: nothing could be checked");
        }
        return new NetlogFormat(n, syntax, columns);
    }

    /** The column holding {@code role}, or null. */
    public String column(Role role) { return columns.get(role); }

    /** The format as the analyst would give it again: name and mapping, for findings.json and the report. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("format", name);
        for (Role r : Role.values()) if (columns.containsKey(r)) out.put(r.key(), columns.get(r));
        return out;
    }
}
