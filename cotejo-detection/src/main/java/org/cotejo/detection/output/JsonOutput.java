package org.cotejo.detection.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** The JSON layout of every file Cotejo writes for a check: 4-space indents like MVT's, UTF-8, keys in insertion order. */
public final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOutput() {}

    public static JsonGenerator pretty(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"));
        g.setPrettyPrinter(pp);
        return g;
    }

    public static JsonGenerator compact(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /** Writes a JSON-like value (what {@code Fields} holds). */
    public static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof String s) g.writeString(s);
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof Integer i) g.writeNumber(i);
        else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) g.writeString(d.toString());
            else g.writeNumber(d);
        } else if (v instanceof BigInteger b) g.writeNumber(b);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (var e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) write(g, o);
            g.writeEndArray();
        } else g.writeString(String.valueOf(v));
    }
}
