package org.cotejo.correlation.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.InvalidObservableException;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.detection.Disposition;
import org.cotejo.detection.Verdict;
import org.cotejo.forensics.record.TraceClass;

/**
 * {@code device-evidence.json}: one {@link DeviceEvidence} as JSON, format {@value #FORMAT} version
 * {@value #VERSION} (schema in docs/simulator.md). Complete: the device, its verdict, its sources and every
 * sighting with its matches, so reading a written file gives back an equal DeviceEvidence. Enum values
 * are written as lower-case names ("nothing_found", "delivery", "name_collision"); the writer's bytes
 * depend on the evidence only (fixed key order, "\n" line ends).
 */
public final class DeviceEvidenceJson {
    public static final String FORMAT = "cotejo-device-evidence";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private DeviceEvidenceJson() {}

    public static byte[] toBytes(DeviceEvidence e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(PRETTY);
            write(e, g);
        } catch (IOException x) {
            throw new UncheckedIOException("writing to memory cannot fail", x);
        }
        out.write('\n');
        return out.toByteArray();
    }

    public static void write(DeviceEvidence e, Path file) throws IOException {
        Files.write(file, toBytes(e));
    }

    private static void write(DeviceEvidence e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeObjectFieldStart("device");
        g.writeStringField("id", e.device().id());
        g.writeStringField("label", e.device().label());
        g.writeStringField("group", e.device().group());
        g.writeStringField("platform", e.device().platform());
        g.writeEndObject();
        g.writeStringField("verdict", key(e.verdict()));
        g.writeArrayFieldStart("sources");
        for (String s : e.sources()) g.writeString(s);
        g.writeEndArray();
        g.writeArrayFieldStart("sightings");
        for (Sighting s : e.sightings()) {
            g.writeStartObject();
            g.writeStringField("type", s.value().type().key());
            g.writeStringField("value", s.value().value());
            if (!s.value().raw().equals(s.value().value())) g.writeStringField("raw", s.value().raw());
            g.writeStringField("trace", key(s.trace()));
            g.writeNumberField("count", s.count());
            if (s.firstSeen() != null) g.writeStringField("first_seen", s.firstSeen().toString());
            if (s.lastSeen() != null) g.writeStringField("last_seen", s.lastSeen().toString());
            if (!s.example().isEmpty()) g.writeStringField("example", s.example());
            g.writeArrayFieldStart("matches");
            for (MatchRef m : s.matches()) {
                g.writeStartObject();
                g.writeStringField("indicator_id", m.indicatorId());
                g.writeStringField("collection", m.collection());
                g.writeStringField("feed_sha256", m.feedSha256());
                if (!m.threat().isEmpty()) g.writeStringField("threat", m.threat());
                if (m.levelHint().isPresent()) g.writeStringField("level", m.levelHint().get().key());
                g.writeStringField("disposition", key(m.disposition()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String key(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a file written by {@link #write}; a file that is not one, or is broken, is a
     * {@link CotejoException} naming the file and the field.
     */
    public static DeviceEvidence read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (NoSuchFileException e) {
            throw new CotejoException("device evidence " + file + " does not exist");
        } catch (JsonProcessingException e) {
            throw new CotejoException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            if (!Files.exists(file)) throw new CotejoException("device evidence " + file + " does not exist");
            throw new CotejoException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Reader(file).evidence(root);
    }

    private record Reader(Path file) {
        DeviceEvidence evidence(JsonNode root) {
            if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
                throw fail("format", "is not a \"" + FORMAT + "\" file (the \"format\" field must say so)");
            }
            if (root.path("version").asInt(-1) != VERSION) {
                throw fail("version", "has version " + root.path("version") + "; this Cotejo reads version " + VERSION);
            }
            JsonNode d = root.path("device");
            DeviceRef device = new DeviceRef(text(d, "device.id"), text(d, "device.label"), d.path("group").asText(""),
                    d.path("platform").asText(""));
            Verdict verdict = constant(Verdict.class, text(root, "verdict"), "verdict");
            List<String> sources = new ArrayList<>();
            root.path("sources").forEach(s -> sources.add(s.asText()));
            List<Sighting> sightings = new ArrayList<>();
            JsonNode array = root.path("sightings");
            if (!array.isArray()) throw fail("sightings", "is missing or not an array");
            for (int i = 0; i < array.size(); i++) sightings.add(sighting(array.get(i), "sightings[" + i + "]"));
            return new DeviceEvidence(device, verdict, sightings, sources);
        }

        private Sighting sighting(JsonNode s, String at) {
            String typeKey = text(s, at + ".type");
            ObservableType type = ObservableType.fromKey(typeKey)
                    .orElseThrow(() -> fail(at + ".type", "names no observable type: '" + CotejoException.printable(typeKey) + "'"));
            String value = text(s, at + ".value");
            Observable o;
            try {
                Observable normalised = type.normalise(value);
                o = new Observable(type, normalised.value(), s.has("raw") ? s.get("raw").asText() : value);
            } catch (InvalidObservableException e) {
                throw fail(at + ".value", "is not a valid " + type.label() + ": " + e.getMessage());
            }
            TraceClass trace = constant(TraceClass.class, text(s, at + ".trace"), at + ".trace");
            long count = s.path("count").asLong(0);
            if (count < 1) throw fail(at + ".count", "must be a whole number of at least 1");
            List<MatchRef> matches = new ArrayList<>();
            JsonNode ms = s.path("matches");
            for (int j = 0; j < ms.size(); j++) {
                JsonNode m = ms.get(j);
                String mat = at + ".matches[" + j + "]";
                Optional<EvidenceLevel> level = m.has("level") ? Optional.of(EvidenceLevel.fromKey(m.get("level").asText())
                        .orElseThrow(() -> fail(mat + ".level", "must be tool, operator or weak-infrastructure"))) : Optional.empty();
                matches.add(new MatchRef(text(m, mat + ".indicator_id"), text(m, mat + ".collection"),
                        text(m, mat + ".feed_sha256"), m.path("threat").asText(""), level,
                        constant(Disposition.class, text(m, mat + ".disposition"), mat + ".disposition")));
            }
            return new Sighting(o, trace, count, time(s, "first_seen", at), time(s, "last_seen", at), s.path("example").asText(""),
                    matches);
        }

        private Instant time(JsonNode s, String field, String at) {
            if (!s.hasNonNull(field)) return null;
            try {
                return Instant.parse(s.get(field).asText());
            } catch (DateTimeParseException e) {
                throw fail(at + "." + field, "is not a UTC time such as 2024-06-01T10:00:00Z");
            }
        }

        private String text(JsonNode n, String path) {
            JsonNode v = n.get(path.substring(path.lastIndexOf('.') + 1));
            if (v == null || !v.isTextual()) throw fail(path, "is missing or not a string");
            return v.asText();
        }

        private <E extends Enum<E>> E constant(Class<E> type, String text, String path) {
            String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (E e : type.getEnumConstants()) if (e.name().equals(name)) return e;
            List<String> allowed = new ArrayList<>();
            for (E e : type.getEnumConstants()) allowed.add(key(e));
            throw fail(path, "is '" + CotejoException.printable(text) + "'; expected one of " + String.join(", ", allowed));
        }

        private CotejoException fail(String path, String what) {
            return new CotejoException(file + ": " + path + " " + what);
        }
    }
}
