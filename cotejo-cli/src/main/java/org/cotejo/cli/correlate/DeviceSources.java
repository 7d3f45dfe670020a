package org.cotejo.cli.correlate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cotejo.cli.iocs.LoadedFeeds;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.traffic.TrafficEnrichment;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.sim.DeviceEvidenceJson;

/**
 * Finds the devices under a path given to `cotejo correlate --findings`: a device-evidence.json file,
 * a results folder (a `cotejo check --out` folder or an MVT results folder), or a folder whose
 * sub-folders are such (searched two levels down, in name order).
 */
public final class DeviceSources {
    public static final String DEVICE_EVIDENCE = "device-evidence.json";

    private DeviceSources() {}

    public static List<DeviceEvidence> load(String group, Path path, LoadedFeeds feeds, PrintWriter err) throws IOException {
        return load(group, path, feeds, err, new ArrayList<>());
    }

    /**
     * The devices under {@code path}; the traffic enrichment files that `cotejo check` wrote into their results
     * folders ({@link TrafficEnrichment#FOLDER}) are added to {@code traffic}.
     */
    public static List<DeviceEvidence> load(String group, Path path, LoadedFeeds feeds, PrintWriter err, List<Path> traffic) throws IOException {
        if (!Files.exists(path)) throw new CotejoException("no such file or folder: " + path);
        List<DeviceEvidence> out = new ArrayList<>();
        collect(group, path, feeds, err, out, 0, traffic);
        if (out.isEmpty()) {
            throw new CotejoException(path + " holds no device results (a check --out folder, an MVT results folder or a "
                    + DEVICE_EVIDENCE + ")");
        }
        return out;
    }

    private static void collect(String group, Path path, LoadedFeeds feeds, PrintWriter err, List<DeviceEvidence> out, int depth,
                                List<Path> traffic) throws IOException {
        if (Files.isRegularFile(path)) {
            out.add(regroup(DeviceEvidenceJson.read(path), group));
            return;
        }
        if (Files.isRegularFile(path.resolve(DEVICE_EVIDENCE))) {
            out.add(regroup(DeviceEvidenceJson.read(path.resolve(DEVICE_EVIDENCE)), group));
            return;
        }
        if (isResultsFolder(path)) {
            err.println("cotejo: reading " + path);
            err.flush();
            out.add(DeviceLoader.fromResultsFolder(group, path, feeds));
            traffic.addAll(TrafficEnrichment.filesIn(path));
            return;
        }
        if (depth >= 2) return;
        List<Path> children;
        try (Stream<Path> s = Files.list(path)) {
            children = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        for (Path c : children) collect(group, c, feeds, err, out, depth + 1, traffic);
    }

    /** A `cotejo check --out` folder has findings.json; an MVT results folder has info.json beside its module files. */
    public static boolean isResultsFolder(Path dir) {
        return Files.isRegularFile(dir.resolve("findings.json")) || Files.isRegularFile(dir.resolve("info.json"));
    }

    /** The group named on the command line wins over the one the file recorded. */
    private static DeviceEvidence regroup(DeviceEvidence e, String group) {
        if (group == null || group.isEmpty()) return e;
        DeviceRef d = e.device();
        return new DeviceEvidence(new DeviceRef(d.id(), d.label(), group.toUpperCase(java.util.Locale.ROOT), d.platform()),
                e.verdict(), e.sightings(), e.sources());
    }
}
