package org.cotejo.detection.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonBytesTest {
    private static final String[] TEXTS = {"", "plain", "with \"quotes\"", "back\\slash", "tab\tnew\nline\r", "\u0000\u0001\u001f\u007f",
        "ünïcode", "日本語", "emoji \uD83D\uDE00", "lone \uD800 surrogate", "/sdcard/Android/data/x/f.bin", "\u2028\u2029", "é".repeat(40_000),
        "a".repeat(70_000)};

    @Test
    void writesRecordsByteForByteAsJacksonsPrettyGenerator() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            Object value = randomValue(random, 0);
            assertThat(mine(value)).as("value %s", value).isEqualTo(jackson(value));
        }
        for (String t : TEXTS) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(t, t);
            assertThat(mine(m)).isEqualTo(jackson(m));
        }
    }

    @Test
    void writesStringsAndInstantsAsJacksonsCompactGeneratorAndIsoInstant() throws Exception {
        for (String t : TEXTS) {
            ByteArrayOutputStream a = new ByteArrayOutputStream();
            try (JsonBytes j = new JsonBytes(a)) {
                j.string(t);
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (JsonGenerator g = JsonOutput.compact(b)) {
                g.writeString(t);
            }
            assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        }
        Random random = new Random(11);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(253_402_300_799L, 999_999_999),
                Instant.ofEpochSecond(253_402_300_800L), Instant.ofEpochSecond(1_700_000_000L, 1_000_000), Instant.ofEpochSecond(1_700_000_000L, 1_000),
                Instant.ofEpochSecond(1_700_000_000L, 1), Instant.ofEpochSecond(951_782_400L)));
        for (int i = 0; i < 10_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(random.nextLong(0, 253_402_300_800L), nano));
        }
        for (Instant t : instants) {
            ByteArrayOutputStream a = new ByteArrayOutputStream();
            try (JsonBytes j = new JsonBytes(a)) {
                j.isoInstant(t);
            }
            assertThat(a.toString(StandardCharsets.UTF_8)).isEqualTo("\"" + DateTimeFormatter.ISO_INSTANT.format(t) + "\"");
        }
    }

    @Test
    void writesValuesCompactlyByteForByteAsJacksonsCompactGenerator() throws Exception {
        Random random = new Random(13);
        for (int i = 0; i < 2_000; i++) {
            Object value = randomValue(random, 0);
            ByteArrayOutputStream a = new ByteArrayOutputStream();
            try (JsonBytes j = new JsonBytes(a)) {
                j.compact(value);
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (JsonGenerator g = JsonOutput.compact(b)) {
                JsonOutput.write(g, value);
            }
            assertThat(a.toByteArray()).as("value %s", value).isEqualTo(b.toByteArray());
        }
    }

    private static Object randomValue(Random r, int depth) {
        int kind = r.nextInt(depth > 3 ? 8 : 10);
        return switch (kind) {
            case 0 -> null;
            case 1, 2 -> TEXTS[r.nextInt(TEXTS.length - 2)];
            case 3 -> r.nextLong();
            case 4 -> r.nextInt();
            case 5 -> switch (r.nextInt(4)) {
                case 0 -> Double.NaN;
                case 1 -> Double.POSITIVE_INFINITY;
                case 2 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
                default -> (double) r.nextInt(100);
            };
            case 6 -> new BigInteger(100, r);
            case 7 -> r.nextBoolean();
            case 8 -> {
                Map<String, Object> m = new LinkedHashMap<>();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) m.put(TEXTS[r.nextInt(TEXTS.length - 2)] + i, randomValue(r, depth + 1));
                yield m;
            }
            default -> {
                List<Object> l = new ArrayList<>();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) l.add(randomValue(r, depth + 1));
                yield l;
            }
        };
    }

    /** A one-record results file, as ModuleResultsWriter lays it out. */
    private static byte[] mine(Object value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonBytes j = new JsonBytes(out)) {
            j.raw('[');
            j.indent(1);
            j.pretty(value, 1);
            j.raw(',');
            j.indent(1);
            j.pretty(value, 1);
            j.indent(0);
            j.raw(']');
        }
        return out.toByteArray();
    }

    private static byte[] jackson(Object value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonOutput.pretty(out)) {
            g.writeStartArray();
            JsonOutput.write(g, value);
            JsonOutput.write(g, value);
            g.writeEndArray();
        }
        return out.toByteArray();
    }
}
