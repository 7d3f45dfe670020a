package org.cotejo.report.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.core.Hashing;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.EvidenceEntry;
import org.cotejo.report.model.FeedEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.Side;

/**
 * Devices read from folders as one side of a report: `cotejo check` output folders (their findings.json
 * gives the findings with provenance, their info.json the SHA-256 of every input file), MVT results
 * folders and device-evidence.json files (findings restated from the indicator matches).
 */
public final class FolderSide {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FolderSide() {}

    /**
     * @param group   the side's group
     * @param source  the path given on the command line
     * @param devices the devices read from it; each one's first source is the folder or file it was read from
     */
    public static SideMaterial of(String group, String source, List<DeviceEvidence> devices) throws IOException {
        List<DeviceEntry> entries = new ArrayList<>();
        Map<String, FeedEntry> feeds = new LinkedHashMap<>();
        for (DeviceEvidence e : devices) entries.add(entry(e, feeds));
        Side side = new Side(group, "folder", source, "", "", "", "", "", "", null);
        return new SideMaterial(side, devices, entries, List.copyOf(feeds.values()));
    }

    private static DeviceEntry entry(DeviceEvidence e, Map<String, FeedEntry> feeds) throws IOException {
        Path folder = e.sources().isEmpty() ? null : Path.of(e.sources().get(0));
        Path findingsFile = folder == null ? null : folder.resolve("findings.json");
        if (findingsFile == null || !Files.isRegularFile(findingsFile)) {
            String name = folder == null ? e.device().label() : String.valueOf(folder.getFileName());
            // An MVT results folder records its input hashes in info.json as `cotejo check` does; a device-evidence.json has none.
            boolean mvt = folder != null && Files.isRegularFile(folder.resolve("info.json"));
            EvidenceEntry item = new EvidenceEntry(name, mvt ? "mvt-results" : "device-evidence", name,
                    mvt ? inputManifest(folder.resolve("info.json")) : "", 0, 0, "", null, "", "");
            List<Finding> findings = DeviceFindings.fromSightings(e);
            return new DeviceEntry(e.device(), e.verdict(), "", List.of(), List.of(item), findings, DeviceFindings.timeline(findings));
        }
        JsonNode root;
        try {
            root = JSON.readTree(findingsFile.toFile());
        } catch (IOException x) {
            throw new CotejoException(findingsFile + " is not valid JSON: " + x.getMessage());
        }
        for (JsonNode f : root.path("feeds")) {
            String sha = f.path("sha256").asText();
            feeds.putIfAbsent(sha, new FeedEntry(Path.of(f.path("file").asText()).getFileName().toString(), sha, f.path("format").asText(),
                    "used by " + folder.getFileName(), null, f.path("indicators").asLong(), null));
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode d : root.path("detections")) findings.add(detection(d));
        for (JsonNode a : root.path("alerts")) findings.add(alert(a));
        findings = DeviceFindings.sorted(findings);
        JsonNode v = root.path("verdict");
        List<String> reasons = new ArrayList<>();
        v.path("reasons").forEach(r -> reasons.add(r.asText()));
        JsonNode ev = root.path("evidence");
        Path target = Path.of(ev.path("path").asText(folder.toString()));
        long files = ev.path("files").asLong();
        EvidenceEntry item = new EvidenceEntry(String.valueOf(folder.getFileName()), ev.path("kind").asText(),
                String.valueOf(target.getFileName()), inputManifest(folder.resolve("info.json")), files, 0, "", null, "",
                "Cotejo " + root.path("tool").path("version").asText());
        return new DeviceEntry(e.device(), e.verdict(), v.path("rule").asText(), reasons, List.of(item), findings,
                DeviceFindings.timeline(findings));
    }

    /**
     * SHA-256 over the sorted "sha256  path" lines of the input hashes `cotejo check` recorded in info.json:
     * one value that fixes every file of the extraction, like a case's intake manifest (which also has sizes).
     */
    static String inputManifest(Path info) throws IOException {
        if (!Files.isRegularFile(info)) return "";
        List<String> lines = new ArrayList<>();
        for (JsonNode h : JSON.readTree(info.toFile()).path("hashes")) lines.add(h.path("sha256").asText() + "  " + h.path("file_path").asText());
        if (lines.isEmpty()) return "";
        lines.sort(null);
        return Hashing.sha256((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Finding detection(JsonNode d) {
        JsonNode obs = d.path("observable");
        JsonNode ind = d.path("indicator");
        JsonNode src = d.path("source");
        return new Finding("detection", DeviceFindings.level(d.path("level").asText()), d.path("disposition").asText(), d.path("trace").asText(),
                d.path("module").asText(), obs.path("type").asText(), obs.path("raw").asText(obs.path("value").asText()), ind.path("value").asText(),
                ind.path("id").asText(), ind.path("collection").path("name").asText(), ind.path("feed_sha256").asText(), d.path("rule").asText(),
                src.path("file").asText(), src.path("sha256").asText(), src.path("locator").asText(), time(d.path("time")), d.path("message").asText(),
                ind.path("collection").path("indicates").asText());
    }

    private static Finding alert(JsonNode a) {
        JsonNode src = a.path("source");
        return new Finding("alert", DeviceFindings.level(a.path("level").asText()), "", "", a.path("module").asText(), "", "", "", "", "", "",
                a.path("heuristic").asText(), src.path("file").asText(), src.path("sha256").asText(), src.path("locator").asText(),
                time(a.path("time")), a.path("message").asText(), "");
    }

    private static Instant time(JsonNode n) {
        if (n == null || n.isNull() || n.asText().isEmpty()) return null;
        try {
            return Instant.parse(n.asText());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
