package org.cotejo.forensics.android.qf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.cotejo.forensics.record.Fields;

/**
 * The rows of an AndroidQF JSON file, streamed: a JSON array (each element one row), or NDJSON (one
 * JSON value per line), which AndroidQF writes for big listings such as {@code files.json}. A whole
 * {@code files.json} of half a million entries is never held in memory.
 *
 * <p>Damage is reported, never hidden: in an array, the first syntax error ends the file (a parser cannot
 * find the next element reliably) and the problem names its line; in NDJSON a broken line is reported
 * by number and skipped, and the lines after it are still read.
 */
final class JsonRows {
    /**
     * One row: an object as {@link Fields} (built while parsing: a file listing has half a million of
     * them), any other value as Jackson reads it (List, String, Number, Boolean or null).
     */
    interface Row {
        void accept(Object value, long line, long index);
    }

    /** Where the reader says what it could not read. */
    interface Problems {
        void problem(String message);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A longer NDJSON line is not a file entry: it is skipped rather than buffered. */
    private static final int MAX_LINE = 4 << 20;
    /** Past this many broken lines the rest are counted, not listed one by one. */
    private static final int LISTED_PROBLEMS = 20;

    private JsonRows() {}

    static void read(InputStream raw, Row row, Problems problems) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        int first = firstSignificant(in);
        if (first < 0) return;
        if (first == '[') array(in, row, problems);
        else lines(in, row, problems);
    }

    private static void array(InputStream in, Row row, Problems problems) throws IOException {
        long index = 0;
        try (JsonParser p = JSON.getFactory().createParser(in)) {
            p.nextToken();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    problems.problem("ends at line " + p.currentLocation().getLineNr() + " before the closing ']' (cut short?); "
                            + index + " entries read");
                    return;
                }
                long line = p.currentLocation().getLineNr();
                row.accept(value(p), line, index++);
            }
        } catch (JsonProcessingException e) {
            problems.problem("line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": not valid JSON ("
                    + e.getOriginalMessage() + "); the rest of the file is not read, " + index + " entries read before it");
        }
    }

    private static void lines(InputStream in, Row row, Problems problems) throws IOException {
        NdjsonState st = new NdjsonState(row, problems);
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] != '\n') continue;
                st.append(buf, from, i - from);
                st.endLine();
                from = i + 1;
            }
            st.append(buf, from, n - from);
        }
        if (st.line.size() > 0 || st.tooLong) st.endLine();
        if (st.broken > LISTED_PROBLEMS) {
            problems.problem(st.broken + " broken lines in all (the first " + LISTED_PROBLEMS + " are listed); "
                    + st.index + " entries read");
        }
    }

    /** The line being gathered and the counts so far. */
    private static final class NdjsonState {
        final Row row;
        final Problems problems;
        final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        long number;
        long index;
        long broken;
        boolean tooLong;

        NdjsonState(Row row, Problems problems) {
            this.row = row;
            this.problems = problems;
        }

        void append(byte[] b, int off, int len) {
            if (len <= 0) return;
            if (line.size() + len > MAX_LINE) tooLong = true;
            else line.write(b, off, len);
        }

        void endLine() {
            number++;
            byte[] bytes = line.toByteArray();
            line.reset();
            if (number == 1 && bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
                bytes = java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
            }
            if (tooLong) {
                tooLong = false;
                if (++broken <= LISTED_PROBLEMS) problems.problem("line " + number + ": longer than " + MAX_LINE + " bytes; skipped");
                return;
            }
            if (blank(bytes)) return;
            Object value;
            try (JsonParser p = JSON.getFactory().createParser(bytes)) {
                p.nextToken();
                value = value(p);
            } catch (IOException e) {
                if (++broken <= LISTED_PROBLEMS) {
                    String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                    problems.problem("line " + number + ": not valid JSON (" + why + "); line skipped");
                }
                return;
            }
            row.accept(value, number, index++);
        }
    }

    /**
     * The value at the parser's current token. An object's members go straight into {@link Fields}, with
     * the values Jackson's untyped reading gives (Integer, Long or BigInteger for integers, Double for
     * fractions; nested objects and arrays read by Jackson), so the record is what Fields.of would make
     * of Jackson's map, without building that map first.
     */
    private static Object value(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) return JSON.readValue(p, Object.class);
        Fields.Builder b = Fields.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            b.put(name, switch (t) {
                case VALUE_STRING -> p.getText();
                case VALUE_NUMBER_INT -> p.getNumberValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> JSON.readValue(p, Object.class);
            });
        }
        return b.build();
    }

    /**
     * The first byte that is not white space or part of a UTF-8 byte-order mark, peeked (the stream is
     * left at its start, so line numbers count from the first line); -1 for an empty file.
     */
    private static int firstSignificant(BufferedInputStream in) throws IOException {
        int limit = 1 << 15;
        in.mark(limit + 1);
        try {
            for (int i = 0; i < limit; i++) {
                int c = in.read();
                if (c < 0) return -1;
                boolean skip = c == ' ' || c == '\t' || c == '\r' || c == '\n' || (i < 3 && (c == 0xEF || c == 0xBB || c == 0xBF));
                if (!skip) return c;
            }
            return ' ';
        } finally {
            in.reset();
        }
    }

    private static boolean blank(byte[] b) {
        for (byte x : b) if (x != ' ' && x != '\t' && x != '\r') return false;
        return true;
    }
}
