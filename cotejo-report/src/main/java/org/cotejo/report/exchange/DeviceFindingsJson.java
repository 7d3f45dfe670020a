package org.cotejo.report.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.detection.Verdict;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.EvidenceEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.TimelinePoint;

/**
 * {@code <pseudonym>.findings.json}: one device's inventory and findings ({@link DeviceEntry}) as a
 * package carries them, format {@value #FORMAT} version {@value #VERSION}. Field names are the record
 * components' in snake case; times are UTC ISO-8601; absent times are omitted. Reading a written file
 * gives back an equal entry; the bytes depend on the entry only.
 */
public final class DeviceFindingsJson {
    public static final String FORMAT = "cotejo-device-findings";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private DeviceFindingsJson() {}

    public static byte[] toBytes(DeviceEntry d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode device = root.putObject("device");
        device.put("id", d.ref().id());
        device.put("label", d.ref().label());
        device.put("group", d.ref().group());
        device.put("platform", d.ref().platform());
        root.put("verdict", d.verdict().name().toLowerCase(Locale.ROOT));
        root.put("rule", d.rule());
        ArrayNode reasons = root.putArray("reasons");
        d.reasons().forEach(reasons::add);
        ArrayNode evidence = root.putArray("evidence");
        for (EvidenceEntry e : d.evidence()) {
            ObjectNode n = evidence.addObject();
            n.put("id", e.id()).put("kind", e.kind()).put("name", e.name()).put("sha256", e.sha256()).put("files", e.files())
                    .put("bytes", e.bytes()).put("acquired_by", e.acquiredBy());
            time(n, "acquired_at", e.acquiredAt());
            n.put("method", e.method()).put("tool", e.tool());
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : d.findings()) {
            ObjectNode n = findings.addObject();
            n.put("kind", f.kind()).put("level", f.level()).put("disposition", f.disposition()).put("trace", f.trace())
                    .put("module", f.module()).put("type", f.type()).put("value", f.value()).put("indicator", f.indicator())
                    .put("indicator_id", f.indicatorId()).put("collection", f.collection()).put("feed_sha256", f.feedSha256())
                    .put("rule", f.rule()).put("source_file", f.sourceFile()).put("source_sha256", f.sourceSha256())
                    .put("locator", f.locator());
            time(n, "time", f.time());
            n.put("message", f.message());
            n.put("threat", f.threat());
        }
        ArrayNode timeline = root.putArray("timeline");
        for (TimelinePoint p : d.timeline()) {
            ObjectNode n = timeline.addObject();
            time(n, "time", p.time());
            n.put("level", p.level()).put("trace", p.trace()).put("label", p.label());
        }
        try {
            return (MAPPER.writer(PRETTY).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of text and numbers always serialises", e);
        }
    }

    /** Reads a file written by {@link #toBytes}; anything else is a {@link CotejoException} naming the file and field. */
    public static DeviceEntry read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new CotejoException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CotejoException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String where = file.toString();
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new CotejoException(where + " is not a \"" + FORMAT + "\" file");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new CotejoException(where + " has version " + root.path("version") + "; this Cotejo reads version " + VERSION);
        }
        JsonNode d = root.path("device");
        DeviceRef ref = new DeviceRef(text(d, "id", where), text(d, "label", where), d.path("group").asText(""), d.path("platform").asText(""));
        Verdict verdict = verdict(text(root, "verdict", where), where);
        List<String> reasons = new ArrayList<>();
        root.path("reasons").forEach(r -> reasons.add(r.asText()));
        List<EvidenceEntry> evidence = new ArrayList<>();
        for (JsonNode n : root.path("evidence")) {
            evidence.add(new EvidenceEntry(n.path("id").asText(""), n.path("kind").asText(""), n.path("name").asText(""),
                    n.path("sha256").asText(""), n.path("files").asLong(), n.path("bytes").asLong(), n.path("acquired_by").asText(""),
                    time(n, "acquired_at", where), n.path("method").asText(""), n.path("tool").asText("")));
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode n : root.path("findings")) {
            findings.add(new Finding(n.path("kind").asText(""), n.path("level").asText(""), n.path("disposition").asText(""),
                    n.path("trace").asText(""), n.path("module").asText(""), n.path("type").asText(""), n.path("value").asText(""),
                    n.path("indicator").asText(""), n.path("indicator_id").asText(""), n.path("collection").asText(""),
                    n.path("feed_sha256").asText(""), n.path("rule").asText(""), n.path("source_file").asText(""),
                    n.path("source_sha256").asText(""), n.path("locator").asText(""), time(n, "time", where), n.path("message").asText(""),
                    n.path("threat").asText("")));
        }
        List<TimelinePoint> timeline = new ArrayList<>();
        for (JsonNode n : root.path("timeline")) {
            timeline.add(new TimelinePoint(time(n, "time", where), n.path("level").asText(""), n.path("trace").asText(""),
                    n.path("label").asText("")));
        }
        return new DeviceEntry(ref, verdict, root.path("rule").asText(""), reasons, evidence, findings, timeline);
    }

    private static void time(ObjectNode n, String field, Instant t) {
        if (t != null) n.put(field, t.toString());
    }

    private static Instant time(JsonNode n, String field, String where) {
        if (!n.hasNonNull(field)) return null;
        try {
            return Instant.parse(n.get(field).asText());
        } catch (DateTimeParseException e) {
            throw new CotejoException(where + ": " + field + " '" + CotejoException.printable(n.get(field).asText())
                    + "' is not a UTC time such as 2024-06-01T10:00:00Z");
        }
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new CotejoException(where + ": " + field + " is missing or not a string");
        return v.asText();
    }

    private static Verdict verdict(String text, String where) {
        for (Verdict v : Verdict.values()) if (v.name().toLowerCase(Locale.ROOT).equals(text)) return v;
        throw new CotejoException(where + ": verdict '" + CotejoException.printable(text) + "' is not infected, attempted, inconclusive or nothing_found");
    }
}
