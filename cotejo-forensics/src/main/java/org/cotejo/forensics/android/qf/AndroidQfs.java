package org.cotejo.forensics.android.qf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.android.artifacts.GetProp;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;
import org.cotejo.forensics.module.Location;

/**
 * Opens an AndroidQF collection: its output folder, or the {@code .zip} it was packed into (read in
 * place, with the archive guards). The tree is rooted at the collection itself; modules find each file
 * at the top or one folder down ({@link #file}), since collections are often zipped inside a folder
 * ({@code androidqfzip/getprop.txt}).
 *
 * <p>The opener reads {@code getprop.txt} for the device's identifiers and time zone ({@link DeviceZone})
 * and {@code acquisition.json} for the acquisition's start and host key ({@link AndroidQfAcquisition}).
 * It does not open the nested {@code bugreport.zip}, {@code backup.ab} or {@code intrusion_logs/}; the
 * helpers below name them for whoever does.
 */
public final class AndroidQfs {
    /** Identifier keys and the properties they come from, in order of preference. */
    private static final Map<String, List<String>> IDENTIFIERS = new LinkedHashMap<>();

    static {
        IDENTIFIERS.put("model", List.of("ro.product.model"));
        IDENTIFIERS.put("build_fingerprint", List.of("ro.build.fingerprint"));
        IDENTIFIERS.put("serial_number", List.of("ro.serialno", "ro.boot.serialno"));
        IDENTIFIERS.put("android_version", List.of("ro.build.version.release"));
        IDENTIFIERS.put("security_patch", List.of("ro.build.version.security_patch"));
    }

    /** Small files read whole by the opener; anything bigger is not what AndroidQF writes. */
    private static final long SMALL_FILE = 16L << 20;

    private AndroidQfs() {}

    /** Globs for a collection file at the top or one folder down: "getprop.txt", "*&#47;getprop.txt". */
    public static Location file(String name) {
        return Location.fs(name, "*/" + name);
    }

    public static Extraction open(Path path) throws IOException {
        if (!Files.exists(path)) throw new CotejoException("no such file or folder: " + path);
        WorkArea work = WorkArea.create();
        FileTree tree = null;
        try {
            tree = Files.isDirectory(path) ? new FolderTree(path) : ArchiveTree.open(path, work);
            if (tree instanceof ArchiveTree a && a.format() != ArchiveTree.Format.ZIP) {
                throw new CotejoException(path + " is a " + a.format().name().toLowerCase().replace('_', '.')
                        + " archive; an AndroidQF collection is a folder or a .zip");
            }
            FsLocator locator = new FsLocator(tree);
            List<GetProp.Property> props = properties(tree);
            Extraction x = new Extraction(EvidenceKind.ANDROIDQF, path, tree, locator, work, identifiers(props));
            x.with(DeviceZone.class, new DeviceZone(GetProp.timeZone(props)));
            acquisition(tree).ifPresent(a -> x.with(AndroidQfAcquisition.class, a));
            if (tree instanceof ArchiveTree archive) x.with(ArchiveTree.class, archive);
            return x;
        } catch (IOException | RuntimeException e) {
            if (tree != null) tree.close();
            work.close();
            throw e;
        }
    }

    /** The first file entry whose path ends with {@code suffix} ("bugreport.zip", "backup.ab"), in path order. */
    public static Optional<FileEntry> nestedEntry(FileTree tree, String suffix) throws IOException {
        List<FileEntry> found = new ArrayList<>(1);
        tree.walk(e -> {
            if (found.isEmpty() && e.isFile() && e.path().endsWith(suffix)) found.add(e);
        });
        return found.stream().findFirst();
    }

    /** The collection's nested bugreport ({@code bugreport.zip}), if any. */
    public static Optional<FileEntry> bugreport(FileTree tree) throws IOException {
        return nestedEntry(tree, "bugreport.zip");
    }

    /** The collection's nested Android backup ({@code backup.ab}), if any. */
    public static Optional<FileEntry> backup(FileTree tree) throws IOException {
        return nestedEntry(tree, "backup.ab");
    }

    /** The files under the collection's {@code intrusion_logs/} folder (at any depth), in path order. */
    public static List<FileEntry> intrusionLogs(FileTree tree) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        tree.walk(e -> {
            if (e.isFile() && (e.path().startsWith("intrusion_logs/") || e.path().contains("/intrusion_logs/"))) out.add(e);
        });
        return out;
    }

    /** The path of the first {@code intrusion_logs} folder that holds files, for a sub-tree rooted there. */
    public static Optional<String> intrusionLogsFolder(FileTree tree) throws IOException {
        return intrusionLogs(tree).stream().findFirst().map(e -> {
            String p = e.path();
            int at = p.startsWith("intrusion_logs/") ? 0 : p.indexOf("/intrusion_logs/") + 1;
            return p.substring(0, at + "intrusion_logs".length());
        });
    }

    private static Optional<FileEntry> first(FileTree tree, String name) throws IOException {
        for (String glob : file(name).fsGlobs()) {
            for (FileEntry e : tree.glob(glob)) if (e.isFile()) return Optional.of(e);
        }
        return Optional.empty();
    }

    /** getprop.txt's properties; none when it is missing or unreadable (AQFGetProp reports that). */
    private static List<GetProp.Property> properties(FileTree tree) throws IOException {
        Optional<FileEntry> getprop = first(tree, "getprop.txt");
        if (getprop.isEmpty() || getprop.get().size() > SMALL_FILE) return List.of();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(tree.open(getprop.get()), StandardCharsets.UTF_8))) {
            return GetProp.read(in);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Map<String, String> identifiers(List<GetProp.Property> props) {
        Map<String, String> out = new LinkedHashMap<>();
        IDENTIFIERS.forEach((key, names) -> {
            for (String name : names) {
                Optional<String> v = props.stream().filter(p -> p.name().equals(name)).map(GetProp.Property::value).findFirst();
                if (v.isPresent()) {
                    out.put(key, v.get());
                    return;
                }
            }
        });
        return out;
    }

    /** acquisition.json (and adb_host_key.pub); empty when neither is there. */
    private static Optional<AndroidQfAcquisition> acquisition(FileTree tree) throws IOException {
        Optional<FileEntry> json = first(tree, "acquisition.json");
        Optional<FileEntry> key = first(tree, "adb_host_key.pub");
        if (json.isEmpty() && key.isEmpty()) return Optional.empty();
        byte[] jsonBytes = json.isPresent() ? small(tree, json.get()) : null;
        byte[] keyBytes = key.isPresent() ? small(tree, key.get()) : null;
        try {
            return Optional.of(AndroidQfAcquisition.parse(jsonBytes, keyBytes));
        } catch (IOException e) {
            // A damaged acquisition.json must not hide the rest of the collection: keep the host key alone.
            return Optional.of(AndroidQfAcquisition.parse(null, keyBytes));
        }
    }

    private static byte[] small(FileTree tree, FileEntry e) throws IOException {
        if (e.size() > SMALL_FILE) return null;
        try (InputStream in = tree.open(e)) {
            return in.readNBytes((int) SMALL_FILE);
        }
    }
}
