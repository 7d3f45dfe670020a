package org.cotejo.correlation.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.model.DeviceEvidence;

/**
 * Writes a world to a folder (layout in docs/simulator.md):
 * <pre>
 * truth.json                             the ground truth
 * published-feed.stix2.json              the published feed (STIX 2.1)
 * enrichment/passive-dns.csv, whois.csv, tls.csv, asn.csv
 * devices/&lt;label&gt;/device-evidence.json  one per extraction
 * devices/&lt;label&gt;/ios-backup/ or androidqf/   real-format extractions, small worlds only
 * </pre>
 * Everything written depends on the world only, so the same seed gives the same bytes.
 */
public final class WorldWriter {
    /** Real-format extractions take a second or so each; beyond this many phones they are not written. */
    public static final int MAX_DEVICES_WITH_EXTRACTIONS = 50;

    private WorldWriter() {}

    /** Writes the world, with real-format extractions when it has at most {@value #MAX_DEVICES_WITH_EXTRACTIONS} phones. */
    public static Path write(World world, Path folder) throws IOException {
        return write(world, folder, world.truth().devices().size() <= MAX_DEVICES_WITH_EXTRACTIONS);
    }

    public static Path write(World world, Path folder, boolean extractions) throws IOException {
        if (extractions && world.truth().devices().size() > MAX_DEVICES_WITH_EXTRACTIONS) {
            throw new CotejoException("real-format extractions are written for worlds of at most " + MAX_DEVICES_WITH_EXTRACTIONS
                    + " phones; this one has " + world.truth().devices().size() + " (write its device-evidence.json files only)");
        }
        if (Files.isRegularFile(folder)) throw new CotejoException(folder + " is a file; give a folder to write the world into");
        Path devices = Files.createDirectories(folder.resolve("devices"));
        Files.write(folder.resolve("truth.json"), TruthJson.toBytes(world));
        Files.write(folder.resolve(world.feed().fileName()), world.feed().stix());
        Path enrichment = Files.createDirectories(folder.resolve("enrichment"));
        for (World.EnrichmentFile f : world.enrichmentFiles()) Files.write(enrichment.resolve(f.fileName()), f.bytes());
        Map<String, DeviceTruth> truth = world.truth().byDevice();
        for (DeviceEvidence e : world.devices()) {
            Path dir = Files.createDirectories(devices.resolve(e.device().label()));
            DeviceEvidenceJson.write(e, dir.resolve("device-evidence.json"));
            if (extractions) ExtractionWriter.write(e, truth.get(e.device().id()), world.truth(), dir);
        }
        return folder;
    }
}
