package org.cotejo.forensics.network.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Zeek logs as Zeek does: the tab-separated format with its headers ({@code #separator \x09},
 * {@code #set_separator}, {@code #empty_field}, {@code #unset_field}, {@code #path}, {@code #open},
 * {@code #fields}, {@code #types}, {@code #close}), or JSON lines with unset fields left out.
 */
final class ZeekWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringBuilder text = new StringBuilder();

    /** Starts a TSV log of {@code path} ("dns") with its preamble. */
    static ZeekWriter tsv(String path) {
        ZeekWriter w = new ZeekWriter();
        w.text.append("#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\t").append(path)
                .append("\n#open\t2025-01-01-12-00-00\n");
        return w;
    }

    /** Starts a JSON-lines log. */
    static ZeekWriter json() {
        return new ZeekWriter();
    }

    /** A {@code #fields} line and its {@code #types}, given as "name:type" pairs. */
    ZeekWriter columns(String... nameTypes) {
        StringBuilder f = new StringBuilder("#fields");
        StringBuilder t = new StringBuilder("#types");
        for (String nt : nameTypes) {
            int cut = nt.lastIndexOf(':');
            f.append('\t').append(nt, 0, cut);
            t.append('\t').append(nt.substring(cut + 1));
        }
        text.append(f).append('\n').append(t).append('\n');
        return this;
    }

    /** A TSV data row; values are written as given (use "-" for unset, "(empty)" for empty). */
    ZeekWriter row(String... values) {
        text.append(String.join("\t", values)).append('\n');
        return this;
    }

    /** A JSON row from key, value pairs; null values are left out, as Zeek does. */
    ZeekWriter object(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) if (keyValues[i + 1] != null) m.put((String) keyValues[i], keyValues[i + 1]);
        try {
            text.append(JSON.writeValueAsString(m)).append('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Any line, as is (to write broken ones). */
    ZeekWriter raw(String line) {
        text.append(line).append('\n');
        return this;
    }

    ZeekWriter close() {
        text.append("#close\t2025-01-01-13-00-00\n");
        return this;
    }

    String text() { return text.toString(); }

    Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The preamble and headers {@link #dnsRows} writes before its first row. */
    static String dnsHeader() {
        return tsv("dns").columns(DNS_COLUMNS).text();
    }

    /**
     * Row {@code i} of a generated dns.log, fixed-width (every row has the same length): numbers are
     * zero-padded, so a reader's position in the file is known from the row number.
     */
    static String dnsRow(long i) {
        String n = String.format(java.util.Locale.ROOT, "%07d", i);
        return String.join("\t", dnsRow(String.format(java.util.Locale.ROOT, "%d.%06d", 1_735_732_800L + i / 1000, i % 1000),
                "C" + n, "host" + n + ".example.com", "198.51." + String.format(java.util.Locale.ROOT, "%03d", i % 256) + ".7", "60.000000")) + "\n";
    }

    /** A generated dns.log of {@code rows} rows, written as it goes (never held whole). */
    static Path dnsRows(Path file, long rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (java.io.Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(dnsHeader());
            for (long i = 0; i < rows; i++) w.write(dnsRow(i));
        }
        return file;
    }

    /** The same log as a stream generated on the fly, counting the bytes read from it. */
    static final class GeneratedDnsLog extends java.io.InputStream {
        private final long rows;
        private long next;
        private byte[] chunk = dnsHeader().getBytes(StandardCharsets.UTF_8);
        private int at;
        long consumed;

        GeneratedDnsLog(long rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            while (at == chunk.length) {
                if (next == rows) return -1;
                chunk = dnsRow(next++).getBytes(StandardCharsets.UTF_8);
                at = 0;
            }
            int n = Math.min(len, chunk.length - at);
            System.arraycopy(chunk, at, b, off, n);
            at += n;
            consumed += n;
            return n;
        }
    }

    static final String[] DNS_COLUMNS = {"ts:time", "uid:string", "id.orig_h:addr", "id.orig_p:port", "id.resp_h:addr",
            "id.resp_p:port", "proto:enum", "query:string", "qtype_name:string", "rcode_name:string", "AA:bool",
            "answers:vector[string]", "TTLs:vector[interval]"};

    static List<String> dnsRow(String ts, String uid, String query, String answers, String ttls) {
        return List.of(ts, uid, "10.0.0.5", "53211", "10.0.0.1", "53", "udp", query, "A", "NOERROR", "F", answers, ttls);
    }
}
