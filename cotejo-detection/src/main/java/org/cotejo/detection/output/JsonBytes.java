package org.cotejo.detection.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * JSON written straight into a byte buffer, for the outputs that run to millions of records: compact
 * lines for timeline.jsonl, and {@link JsonOutput#pretty}'s layout for the records of a module. Text
 * that is printable ASCII without quote or backslash is copied as it is; any other text is escaped by
 * Jackson, so the bytes are those Jackson's generators write (JsonBytesTest compares the two).
 */
final class JsonBytes implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int at;
    private final ByteArrayBuilder escaped = new ByteArrayBuilder(256);
    private final JsonGenerator escaper;

    JsonBytes(OutputStream out) throws IOException {
        this.out = out;
        this.escaper = JsonOutput.compact(escaped);
        escaper.setRootValueSeparator(null);
    }

    void raw(String ascii) throws IOException {
        int n = ascii.length();
        if (n > buf.length) {
            bytes(ascii.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return;
        }
        room(n);
        for (int i = 0; i < n; i++) buf[at++] = (byte) ascii.charAt(i);
    }

    void raw(char c) throws IOException {
        room(1);
        buf[at++] = (byte) c;
    }

    /** A JSON string: quoted, escaped as Jackson escapes it. */
    void string(String s) throws IOException {
        int n = s.length();
        if (n + 2 <= buf.length) {
            room(n + 2);
            // Copied while checked; the first character that needs more than a copy sends it to Jackson.
            int p = at + 1;
            boolean plain = true;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    plain = false;
                    break;
                }
                buf[p++] = (byte) c;
            }
            if (plain) {
                buf[at] = '"';
                buf[p++] = '"';
                at = p;
                return;
            }
        }
        escaper.writeString(s);
        escaper.flush();
        bytes(escaped.toByteArray());
        escaped.reset();
    }

    void number(long v) throws IOException {
        raw(Long.toString(v));
    }

    /**
     * A JSON-like value (what {@code Fields} holds) as {@link JsonOutput#write} writes it to a
     * {@link JsonOutput#pretty} generator at nesting {@code level}: four spaces a level, " : " after a
     * name, "{ }" and "[ ]" when empty.
     */
    void pretty(Object v, int level) throws IOException {
        if (v == null) raw("null");
        else if (v instanceof String s) string(s);
        else if (v instanceof Long l) number(l);
        else if (v instanceof Integer i) number(i);
        else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) string(d.toString());
            else raw(Double.toString(d));
        } else if (v instanceof java.math.BigInteger b) raw(b.toString());
        else if (v instanceof Boolean b) raw(b ? "true" : "false");
        else if (v instanceof java.util.Map<?, ?> m) {
            raw('{');
            if (m.isEmpty()) {
                raw(" }");
                return;
            }
            boolean first = true;
            for (var e : m.entrySet()) {
                if (!first) raw(',');
                first = false;
                indent(level + 1);
                string(String.valueOf(e.getKey()));
                raw(" : ");
                pretty(e.getValue(), level + 1);
            }
            indent(level);
            raw('}');
        } else if (v instanceof java.util.List<?> list) {
            raw('[');
            if (list.isEmpty()) {
                raw(" ]");
                return;
            }
            boolean first = true;
            for (Object o : list) {
                if (!first) raw(',');
                first = false;
                indent(level + 1);
                pretty(o, level + 1);
            }
            indent(level);
            raw(']');
        } else string(String.valueOf(v));
    }

    /** A JSON-like value as {@link JsonOutput#write} writes it to a {@link JsonOutput#compact} generator: no spaces, no new lines. */
    void compact(Object v) throws IOException {
        if (v instanceof java.util.Map<?, ?> m) {
            raw('{');
            boolean first = true;
            for (var e : m.entrySet()) {
                if (!first) raw(',');
                first = false;
                string(String.valueOf(e.getKey()));
                raw(':');
                compact(e.getValue());
            }
            raw('}');
        } else if (v instanceof java.util.List<?> list) {
            raw('[');
            boolean first = true;
            for (Object o : list) {
                if (!first) raw(',');
                first = false;
                compact(o);
            }
            raw(']');
        } else {
            pretty(v, 0); // a scalar: the same text either way
        }
    }

    /** A new line indented to {@code level}, as Jackson's DefaultIndenter("    ", "\n") writes it. */
    void indent(int level) throws IOException {
        int n = 1 + 4 * level;
        room(n);
        buf[at++] = '\n';
        for (int i = 1; i < n; i++) buf[at++] = ' ';
    }

    /** An instant as {@link DateTimeFormatter#ISO_INSTANT} writes it, in quotes. */
    void isoInstant(Instant t) throws IOException {
        long secs = t.getEpochSecond();
        if (secs < 0 || secs >= 253_402_300_800L) {
            string(DateTimeFormatter.ISO_INSTANT.format(t));
            return;
        }
        // Years 1970-9999 by hand: a timeline formats millions of instants.
        room(32);
        long days = secs / 86_400L;
        int sod = (int) (secs % 86_400L);
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(days);
        buf[at++] = '"';
        digits(d.getYear(), 4);
        buf[at++] = '-';
        digits(d.getMonthValue(), 2);
        buf[at++] = '-';
        digits(d.getDayOfMonth(), 2);
        buf[at++] = 'T';
        digits(sod / 3600, 2);
        buf[at++] = ':';
        digits(sod / 60 % 60, 2);
        buf[at++] = ':';
        digits(sod % 60, 2);
        int nano = t.getNano();
        if (nano > 0) {
            // As ISO_INSTANT: the fraction in groups of three digits, as many as it needs.
            buf[at++] = '.';
            if (nano % 1_000_000 == 0) digits(nano / 1_000_000, 3);
            else if (nano % 1000 == 0) digits(nano / 1000, 6);
            else digits(nano, 9);
        }
        buf[at++] = 'Z';
        buf[at++] = '"';
    }

    private void digits(int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        at += width;
    }

    private void bytes(byte[] b) throws IOException {
        if (b.length > buf.length) {
            flushBuffer();
            out.write(b);
            return;
        }
        room(b.length);
        System.arraycopy(b, 0, buf, at, b.length);
        at += b.length;
    }

    private void room(int n) throws IOException {
        if (at + n > buf.length) {
            flushBuffer();
            if (n > buf.length) throw new IllegalArgumentException("text of " + n + " bytes written raw");
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, at);
        at = 0;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            flushBuffer();
        }
    }
}
