package org.cotejo.forensics.network.pirogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;
import org.cotejo.forensics.network.logs.SuricataEve;
import org.cotejo.forensics.network.pcap.Captures;

/**
 * Opens a PiRogue capture session folder as one extraction of kind {@link EvidenceKind#PIROGUE}. The
 * layout is the one PiRogue's capture tools write (PiRogue Tool Suite, {@code pirogue-cli}):
 * {@code traffic.pcap} (the phone's traffic), {@code sslkeylog.txt} (TLS secrets in the SSLKEYLOGFILE
 * format), {@code experiment.json} (capture start times and the files of the session),
 * {@code device.json} (the phone's properties), and Suricata's {@code eve.json} when the analyst kept
 * it. The captures (any {@code *.pcap}/{@code *.pcapng}) and the EVE log are opened as nested
 * extractions, so the pcap and Suricata modules read them and provenance reads
 * {@code traffic.pcap::…}; the session's own module records the key log and metadata. A part that
 * cannot be opened is an opening problem; the rest is still checked.
 */
public final class PirogueSessions {
    static final String EXPERIMENT = "experiment.json";
    static final String DEVICE = "device.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PirogueSessions() {}

    /** Whether {@code dir} looks like a PiRogue session: a capture beside a key log or an experiment.json. */
    public static boolean looksLikeSession(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        List<Path> files = files(dir);
        boolean capture = files.stream().anyMatch(PirogueSessions::isCapture);
        boolean marker = files.stream().anyMatch(p -> isKeyLog(p) || p.getFileName().toString().equals(EXPERIMENT));
        return capture && marker;
    }

    public static Extraction open(Path dir) throws IOException {
        if (!Files.exists(dir)) throw new CotejoException("no such folder: " + dir);
        if (!Files.isDirectory(dir)) throw new CotejoException(dir + " is not a folder: give the PiRogue session folder (traffic.pcap, sslkeylog.txt...)");
        Path abs = dir.toAbsolutePath().normalize();
        List<Path> files = files(abs);
        if (files.stream().noneMatch(PirogueSessions::isCapture) && files.stream().noneMatch(PirogueSessions::isEve)) {
            throw new CotejoException(dir + " holds no capture (traffic.pcap) and no eve.json: not a PiRogue session folder");
        }
        FolderTree tree = new FolderTree(abs);
        WorkArea work = WorkArea.create();
        Extraction x;
        try {
            x = new Extraction(EvidenceKind.PIROGUE, abs, tree, new FsLocator(tree), work, identifiers(abs.resolve(DEVICE)));
        } catch (RuntimeException e) {
            tree.close();
            work.close();
            throw e;
        }
        try {
            for (Path f : files) {
                String entry = abs.relativize(f).toString().replace('\\', '/');
                if (isCapture(f)) nest(x, entry, () -> Captures.open(f));
                else if (isEve(f)) nest(x, entry, () -> SuricataEve.open(f));
            }
            return x;
        } catch (IOException | RuntimeException e) {
            x.close();
            throw e;
        }
    }

    private interface Opener {
        Extraction open() throws IOException;
    }

    private static void nest(Extraction outer, String entry, Opener opener) throws IOException {
        try {
            outer.withNested(opener.open(), entry);
        } catch (CotejoException e) {
            outer.withOpeningProblem(entry + " could not be opened, so its modules did not run: " + e.getMessage());
        }
    }

    /** The session's files, in path order (one level of sub-folders is enough for what PiRogue writes). */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir, 2)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    static boolean isCapture(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".pcap") || n.endsWith(".pcapng");
    }

    static boolean isEve(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.startsWith("eve") && n.endsWith(".json");
    }

    /** SSLKEYLOGFILE files: PiRogue's sslkeylog.txt, or any file whose name says key log. */
    static boolean isKeyLog(Path p) {
        return isKeyLogName(p.getFileName().toString());
    }

    static boolean isKeyLogName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return n.contains("keylog") || n.equals("sslkeys.txt");
    }

    /** The phone's identifiers from device.json (Android properties, as PiRogue saves them), when present. */
    private static Map<String, String> identifiers(Path deviceJson) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(deviceJson)) return out;
        try {
            JsonNode n = JSON.readTree(deviceJson.toFile());
            put(out, "serial_number", n, "ro.serialno", "ro.boot.serialno");
            put(out, "model", n, "ro.product.model");
            put(out, "manufacturer", n, "ro.product.manufacturer");
            put(out, "android_version", n, "ro.build.version.release");
        } catch (IOException e) {
            // an unreadable device.json costs the identifiers only; the session module reports it
        }
        return out;
    }

    private static void put(Map<String, String> out, String key, JsonNode n, String... props) {
        for (String p : props) {
            JsonNode v = n.get(p);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                out.put(key, v.asText().strip());
                return;
            }
        }
    }
}
