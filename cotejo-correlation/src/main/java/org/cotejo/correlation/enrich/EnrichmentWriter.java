package org.cotejo.correlation.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cotejo.core.time.IsoInstants;
import org.cotejo.correlation.enrich.EnrichmentSource.Kind;

/**
 * Writes enrichment files in the formats {@link EnrichmentFiles} reads (docs/enrichment.md): the kind,
 * source and date in the file's own header, then one record per line. Values are written as given, so
 * facts that are already normalised read back identically. The same calls give the same bytes.
 *
 * <pre>{@code
 * try (EnrichmentWriter w = EnrichmentWriter.open(dir.resolve("pdns.csv"), Kind.PASSIVE_DNS, Format.CSV, "simulator", day)) {
 *     w.resolution("evil.example", "203.0.113.7", first, last);
 * }
 * }</pre>
 */
public final class EnrichmentWriter implements Closeable {
    /** CSV with a header row, or JSON Lines. */
    public enum Format { CSV, JSON_LINES }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;
    private final Kind kind;
    private final Format format;
    private final List<String> fields;

    private EnrichmentWriter(Writer out, Kind kind, Format format, String source, LocalDate date) {
        this.out = out;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.format = Objects.requireNonNull(format, "format");
        this.fields = Schema.fields(kind);
        if (source != null && (source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("a source cannot hold a line break");
        }
        if (format == Format.CSV) {
            line("# kind: " + kind.key());
            if (source != null && !source.isEmpty()) line("# source: " + source);
            if (date != null) line("# date: " + date);
            line(String.join(",", fields));
        } else {
            ObjectNode meta = JSON.createObjectNode();
            meta.put("kind", kind.key());
            if (source != null && !source.isEmpty()) meta.put("source", source);
            if (date != null) meta.put("date", date.toString());
            ObjectNode header = JSON.createObjectNode();
            header.set("cotejo_enrichment", meta);
            line(json(header));
        }
    }

    /** A new file (replacing one already there), UTF-8. */
    public static EnrichmentWriter open(Path file, Kind kind, Format format, String source, LocalDate date) throws IOException {
        return new EnrichmentWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), kind, format, source, date);
    }

    /** Onto a writer the caller owns; {@link #close()} closes it. */
    public static EnrichmentWriter to(Writer out, Kind kind, Format format, String source, LocalDate date) {
        return new EnrichmentWriter(out instanceof BufferedWriter ? out : new BufferedWriter(out), kind, format, source, date);
    }

    public EnrichmentWriter resolution(String domain, String ip, Instant firstSeen, Instant lastSeen) {
        return record(Kind.PASSIVE_DNS, domain, ip, firstSeen, lastSeen);
    }

    public EnrichmentWriter whois(String domain, String registrar, LocalDate created, String registrantEmail, List<String> nameServers) {
        return record(Kind.WHOIS, domain, registrar, created, registrantEmail, nameServers == null ? List.of() : nameServers);
    }

    public EnrichmentWriter certificate(String host, String certSha256, String keySha256, String subject, Instant notBefore, Instant notAfter) {
        return record(Kind.TLS, host, certSha256, keySha256, subject, notBefore, notAfter);
    }

    public EnrichmentWriter prefix(String prefix, long asn, String asName) {
        return record(Kind.ASN, prefix, asn, asName);
    }

    public EnrichmentWriter write(DnsResolution r) {
        return resolution(r.domain(), r.ip(), r.firstSeen(), r.lastSeen());
    }

    public EnrichmentWriter write(WhoisRecord w) {
        return whois(w.domain(), w.registrar(), w.created(), w.registrantEmail(), w.nameServers());
    }

    public EnrichmentWriter write(TlsCertificate c) {
        return certificate(c.host(), c.certSha256(), c.keySha256(), c.subject(), c.notBefore(), c.notAfter());
    }

    public EnrichmentWriter write(AsnPrefix p) {
        return prefix(p.prefix(), p.asn(), p.asName());
    }

    private EnrichmentWriter record(Kind of, Object... values) {
        if (of != kind) throw new IllegalStateException("this is a " + kind.key() + " file; a " + of.key() + " record cannot go in it");
        if (format == Format.CSV) {
            List<String> cells = new ArrayList<>();
            for (Object v : values) cells.add(CsvLine.quote(cell(v)));
            line(String.join(",", cells));
        } else {
            ObjectNode o = JSON.createObjectNode();
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                String f = fields.get(i);
                if (v == null) o.putNull(f);
                else if (v instanceof Long n) o.put(f, n);
                else if (v instanceof List<?> l) {
                    var array = o.putArray(f);
                    for (Object e : l) array.add(String.valueOf(e));
                } else o.put(f, v instanceof Instant t ? IsoInstants.text(t) : v.toString());
            }
            line(json(o));
        }
        return this;
    }

    private static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof List<?> l) return String.join(";", l.stream().map(String::valueOf).toList());
        if (v instanceof Instant t) return IsoInstants.text(t);
        return v.toString();
    }

    private static String json(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing JSON to memory cannot fail", e);
        }
    }

    private void line(String text) {
        try {
            out.write(text);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
