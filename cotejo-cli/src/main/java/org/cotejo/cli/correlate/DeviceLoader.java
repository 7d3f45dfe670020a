package org.cotejo.cli.correlate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cotejo.cli.check.CheckRun;
import org.cotejo.cli.check.ExtractionScan;
import org.cotejo.cli.check.Progress;
import org.cotejo.cli.iocs.LoadedFeeds;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.intake.SightingCollector;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.detection.heuristic.Heuristics;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.mvt.MvtResults;
import org.cotejo.report.assemble.DeviceIdentity;

/**
 * Reads one device's evidence for correlation from a results folder: the output folder of `cotejo
 * check` or an MVT results folder. Its records are read back from the {@code <module>.json} files by
 * the module of the same name and matched again against the feeds of the correlation run, so every
 * device of a comparison is judged with the same indicators.
 */
final class DeviceLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeviceLoader() {}

    static DeviceEvidence fromResultsFolder(String group, Path folder, LoadedFeeds feeds) throws IOException {
        if (!Files.isDirectory(folder)) throw new CotejoException("no such results folder: " + folder);
        Modules installed = Modules.installed();
        SightingCollector collector = new SightingCollector();
        Progress quiet = new Progress(new PrintWriter(Writer.nullWriter()), false, installed.all().size());
        try (Extraction x = MvtResults.open(folder)) {
            ExtractionScan.Outcome outcome = ExtractionScan.run(x, EvidenceKind.MVT_RESULTS, installed.all(), CheckRun.MVT_RESULTS,
                    feeds, Heuristics.installed(), new ModuleOptions(false), quiet, collector::accept);
            DeviceRef ref = identify(group, folder);
            return collector.finish(ref, outcome.findings(), List.of(folder.toAbsolutePath().normalize().toString()));
        }
    }

    /**
     * The device's identity: the extraction's own identifier as `cotejo check` recorded it in
     * findings.json, else the folder (two folders without identifiers are two devices).
     */
    static DeviceRef identify(String group, Path folder) throws IOException {
        String label = folder.toAbsolutePath().normalize().getFileName().toString();
        String id = null;
        String platform = "";
        Path findings = folder.resolve("findings.json");
        if (Files.isRegularFile(findings)) {
            JsonNode evidence = JSON.readTree(findings.toFile()).path("evidence");
            JsonNode ids = evidence.path("identifiers");
            java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
            ids.fields().forEachRemaining(e -> given.put(e.getKey(), e.getValue().asText()));
            id = DeviceIdentity.of(given).orElse(null);
            String kind = evidence.path("kind").asText("");
            // network evidence does not say which platform the phone runs
            platform = EvidenceKind.fromKey(kind).map(k -> k.android() ? "android" : k == EvidenceKind.MVT_RESULTS || k.network() ? "" : "ios").orElse("");
        }
        if (id == null) id = "folder:" + label;
        return new DeviceRef(id, label, group == null ? "" : group.toUpperCase(Locale.ROOT), platform);
    }
}
