package org.cotejo.forensics.android.intrusion;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;

/**
 * Streams the events of one type out of an intrusion-logging export: every {@code *.txt} file (nested
 * zips included), in path order, one JSON object per line whose keys are event types ({@code dns_event},
 * {@code connect_event}, {@code security_event}) and whose values are the events.
 *
 * <p>Each line is parsed on its own with Jackson's streaming parser; events of other types are skipped
 * unread, so a module holds one line at a time. An event identical to one already read (any file) is
 * dropped ({@link SeenEvents}). A line that is not UTF-8, not JSON, not an object or longer than
 * {@value #MAX_LINE} bytes is a problem naming file and line, and the next line is read.
 */
final class IntrusionLogReader {
    /** The event types Android 16's intrusion logging writes. */
    static final Set<String> KNOWN_TYPES = Set.of("dns_event", "connect_event", "security_event");
    private static final int MAX_LINE = 1 << 20;
    /** Broken lines reported one by one per file; past this, one count says how many more. */
    private static final int MAX_LINE_PROBLEMS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Receives each new event of the wanted type with the file and 1-based line it is on. */
    @FunctionalInterface
    interface Handler {
        void event(SourceFile file, long line, JsonNode event) throws IOException;
    }

    private final ModuleContext ctx;
    private final IntrusionLogExport export;
    private final String type;
    private final SeenEvents seen = new SeenEvents();
    private final TreeMap<String, Long> unknownTypes = new TreeMap<>();

    private IntrusionLogReader(ModuleContext ctx, String type) {
        this.ctx = ctx;
        this.type = type;
        this.export = export(ctx);
    }

    /** The export's shared record, attached to the extraction on first use when its opener did not. */
    static IntrusionLogExport export(ModuleContext ctx) {
        synchronized (ctx.extraction()) {
            return ctx.extraction().service(IntrusionLogExport.class).orElseGet(() -> {
                IntrusionLogExport e = IntrusionLogExport.unknown();
                ctx.extraction().with(IntrusionLogExport.class, e);
                return e;
            });
        }
    }

    /** Reads every event of {@code type} in the export, handing each new one to {@code handler}. */
    static void read(ModuleContext ctx, String type, Handler handler) throws IOException {
        new IntrusionLogReader(ctx, type).readAll(handler);
    }

    private void readAll(Handler handler) throws IOException {
        for (String s : export.skipped()) {
            if (export.firstTime("skipped\n" + s)) ctx.problem(null, s);
        }
        List<SourceFile> files = new ArrayList<>();
        ctx.extraction().tree().walk(e -> {
            if (e.isFile() && e.name().toLowerCase(Locale.ROOT).endsWith(".txt")) files.add(SourceFile.of(e));
        });
        for (SourceFile file : files) {
            try (InputStream in = new BufferedInputStream(ctx.open(file), 1 << 16)) {
                readFile(file, in, handler);
            } catch (IOException e) {
                once(file, "read", "not read to its end: " + e.getMessage());
            }
        }
        if (!unknownTypes.isEmpty()) {
            StringBuilder names = new StringBuilder();
            unknownTypes.forEach((name, n) -> names.append(names.length() == 0 ? "" : ", ").append(name).append(" (").append(n).append(")"));
            once(null, "unknown types", "Found unknown intrusion logging event type(s): " + names
                    + "; they stay in the export but no module reads them");
        }
    }

    private void readFile(SourceFile file, InputStream in, Handler handler) throws IOException {
        LineBuffer line = new LineBuffer();
        long number = 0;
        int broken = 0;
        while (line.next(in)) {
            number++;
            String why = line.tooLong() ? "is over " + MAX_LINE + " bytes" : null;
            List<JsonNode> events = new ArrayList<>(1);
            if (why == null && !line.isBlank()) why = parse(line, events);
            if (why != null) {
                if (++broken <= MAX_LINE_PROBLEMS) once(file, "line " + number, "line " + number + " " + why + "; skipped");
                continue;
            }
            for (JsonNode event : events) {
                if (seen.add(type, event)) handler.event(file, number, event);
            }
        }
        if (broken > MAX_LINE_PROBLEMS) {
            once(file, "more lines", (broken - MAX_LINE_PROBLEMS) + " more broken line(s) not listed one by one; skipped");
        }
    }

    /** Adds the line's events of the wanted type to {@code out}; returns why the line is unreadable, or null. */
    private String parse(LineBuffer line, List<JsonNode> out) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line.bytes(), 0, line.length())).toString();
        } catch (CharacterCodingException e) {
            return "is not UTF-8 text";
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1); // a byte-order mark some editors write
        try (JsonParser p = JSON.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return "is not a JSON object";
            List<String> unknown = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(type)) {
                    JsonNode event = p.readValueAsTree();
                    if (event == null || !event.isObject()) return "holds a " + type + " that is not an object";
                    out.add(event);
                } else {
                    if (!KNOWN_TYPES.contains(name)) unknown.add(name);
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) return "has text after its JSON object";
            for (String u : unknown) unknownTypes.merge(u.length() > 80 ? u.substring(0, 80) + "…" : u, 1L, Long::sum);
            return null;
        } catch (JsonProcessingException e) {
            out.clear();
            return "is not valid JSON (" + e.getOriginalMessage() + ")";
        } catch (IOException e) {
            out.clear();
            return "is not readable JSON (" + e.getMessage() + ")";
        }
    }

    private void once(SourceFile file, String key, String message) {
        String where = file == null ? "" : ctx.extraction().pathOf(file.entry().path());
        if (export.firstTime(where + "\n" + key)) ctx.problem(file, message);
    }

    /** One line of bytes, without its end; bytes past {@link #MAX_LINE} are dropped and the line marked too long. */
    private static final class LineBuffer {
        private byte[] buf = new byte[4096];
        private int length;
        private boolean tooLong;

        boolean next(InputStream in) throws IOException {
            length = 0;
            tooLong = false;
            int c = in.read();
            if (c < 0) return false;
            while (c >= 0 && c != '\n') {
                if (length >= MAX_LINE) {
                    tooLong = true;
                } else {
                    if (length == buf.length) buf = java.util.Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 2));
                    buf[length++] = (byte) c;
                }
                c = in.read();
            }
            if (length > 0 && buf[length - 1] == '\r') length--;
            return true;
        }

        byte[] bytes() { return buf; }
        int length() { return length; }
        boolean tooLong() { return tooLong; }

        boolean isBlank() {
            for (int i = 0; i < length; i++) if (buf[i] != ' ' && buf[i] != '\t') return false;
            return true;
        }
    }
}
