package org.cotejo.forensics.ios.sysdiagnose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Apple diagnostic report ({@code .ips}): a one-line JSON header ({@code bug_type}, {@code name} or
 * {@code app_name}, {@code timestamp}, {@code os_version}, {@code incident_id}), then a body that is JSON
 * (iOS 15 and later: the process path is {@code procPath}) or text (older reports: a {@code Path:} line).
 * The body is streamed, never held whole: stackshots and jetsam reports run to megabytes.
 *
 * @param header    the header object
 * @param procPath  the reporting process's executable path from the body, or null
 * @param procName  the process name from a JSON body, or null
 * @param bodyError why the body could not be read (the header is still good), or null
 */
record IpsReport(JsonNode header, String procPath, String procName, String bodyError) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final int MAX_HEADER = 1 << 20;
    private static final int MAX_TEXT_LINES = 400;
    /** "2023-03-15 10:22:33.00 +0100": the header's local time and its offset from UTC. */
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?\\s*(Z|[+-]\\d{2}:?\\d{2})?");

    /** Thrown when the first line is not a JSON object: the file is not a report Cotejo can read. */
    static final class NotAReport extends Exception {
        private static final long serialVersionUID = 1L;

        NotAReport(String message) {
            super(message);
        }
    }

    static IpsReport read(InputStream raw) throws IOException, NotAReport {
        PushbackInputStream in = new PushbackInputStream(new BufferedInputStream(raw, 1 << 16), 1);
        JsonNode header;
        try {
            header = JSON.readTree(firstLine(in));
        } catch (JsonParseException e) {
            throw new NotAReport("its first line is not a JSON header (" + e.getOriginalMessage() + ")");
        }
        if (header == null || !header.isObject()) throw new NotAReport("its first line is not a JSON object header");
        int first = skipBlank(in);
        if (first < 0) return new IpsReport(header, null, null, null);
        in.unread(first);
        if (first == '{') return jsonBody(header, in);
        return new IpsReport(header, textPath(in), null, null);
    }

    /** The header's {@code timestamp} as an instant (UTC when it has no offset), or null. */
    static Instant time(String text) {
        if (text == null) return null;
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) return null;
        try {
            LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2) + (m.group(3) == null ? "" : m.group(3)));
            String off = m.group(4);
            ZoneOffset offset = off == null || off.equals("Z") ? ZoneOffset.UTC
                    : ZoneOffset.of(off.length() == 5 ? off.substring(0, 3) + ":" + off.substring(3) : off);
            return local.toInstant(offset);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String firstLine(InputStream in) throws IOException, NotAReport {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() >= MAX_HEADER) throw new NotAReport("its first line runs past " + MAX_HEADER + " bytes without a line break");
            line.write(b);
        }
        if (line.size() == 0) throw new NotAReport("it is empty or starts with a blank line");
        return line.toString(StandardCharsets.UTF_8);
    }

    private static int skipBlank(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
        } while (b == ' ' || b == '\t' || b == '\r' || b == '\n');
        return b;
    }

    /** Reads the body's top-level fields, skipping nested values, until procPath and procName are found. */
    private static IpsReport jsonBody(JsonNode header, InputStream in) throws IOException {
        String path = null;
        String name = null;
        try (JsonParser p = FACTORY.createParser(in)) {
            p.nextToken();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME && (path == null || name == null)) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING && field.equals("procPath")) path = p.getText();
                else if (v == JsonToken.VALUE_STRING && field.equals("procName")) name = p.getText();
                else p.skipChildren();
            }
            return new IpsReport(header, path, name, null);
        } catch (JsonParseException e) {
            var at = e.getLocation();
            return new IpsReport(header, path, name, "its body is not valid JSON (body line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ": " + e.getOriginalMessage() + ")");
        }
    }

    /** The executable path of a text report ("Path:            /private/var/…/App"). */
    private static String textPath(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        for (int i = 0; i < MAX_TEXT_LINES && (line = r.readLine()) != null; i++) {
            if (line.startsWith("Path:")) {
                String path = line.substring("Path:".length()).strip();
                return path.isEmpty() ? null : path;
            }
        }
        return null;
    }
}
