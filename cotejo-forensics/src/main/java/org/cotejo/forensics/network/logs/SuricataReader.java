package org.cotejo.forensics.network.logs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;

/**
 * Streams the events of one {@code event_type} out of an EVE JSON log, one line at a time: each line is
 * parsed on its own with Jackson (decimals exact), events of other types dropped. A line that is not
 * UTF-8, too long, not a JSON object or has no {@code event_type} is a problem naming file and line,
 * reported once however many modules read the log, and the next line is read.
 */
final class SuricataReader {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Receives each event of the wanted type with the file and 1-based line it is on. */
    @FunctionalInterface
    interface Handler {
        void event(SourceFile file, long line, Map<String, Object> event) throws IOException;
    }

    private SuricataReader() {}

    static void read(ModuleContext ctx, String eventType, Handler handler) throws IOException {
        SuricataEve.Reported reported;
        synchronized (ctx.extraction()) {
            reported = ctx.extraction().service(SuricataEve.Reported.class).orElseGet(() -> {
                SuricataEve.Reported r = new SuricataEve.Reported();
                ctx.extraction().with(SuricataEve.Reported.class, r);
                return r;
            });
        }
        List<SourceFile> files = new ArrayList<>();
        ctx.extraction().tree().walk(e -> {
            if (e.isFile()) files.add(SourceFile.of(e));
        });
        for (SourceFile file : files) {
            boolean report = reported.firstTime(file.path());
            LineProblems problems = new LineProblems(report ? ctx : null, file);
            try (InputStream in = new BufferedInputStream(ctx.open(file), 1 << 16)) {
                LogLines lines = new LogLines(in);
                while (lines.next()) {
                    long n = lines.number();
                    String why = null;
                    Map<String, Object> event = null;
                    if (lines.tooLong()) {
                        why = "is over " + LogLines.MAX_LINE + " bytes";
                    } else if (!lines.isBlank()) {
                        String text = lines.text();
                        if (text == null) why = "is not UTF-8 text";
                        else {
                            try {
                                event = parse(text);
                                Object type = event.get("event_type");
                                if (!(type instanceof String)) why = "has no event_type";
                                else if (!type.equals(eventType)) event = null;
                            } catch (BadLine e) {
                                why = e.getMessage();
                            }
                        }
                    }
                    if (why != null) problems.line(n, why);
                    else if (event != null) handler.event(file, n, event);
                }
            } catch (IOException e) {
                if (report) ctx.problem(file, "not read to its end: " + e.getMessage());
            }
            problems.finish();
        }
    }

    private static final class BadLine extends Exception {
        BadLine(String why) {
            super(why, null, false, false);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) throws BadLine {
        try (JsonParser p = JSON.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new BadLine("is not a JSON object");
            Map<String, Object> event = JSON.readValue(p, LinkedHashMap.class);
            if (p.nextToken() != null) throw new BadLine("has text after its JSON object");
            return event;
        } catch (JsonProcessingException e) {
            throw new BadLine("is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BadLine("is not readable JSON (" + e.getMessage() + ")");
        }
    }
}
