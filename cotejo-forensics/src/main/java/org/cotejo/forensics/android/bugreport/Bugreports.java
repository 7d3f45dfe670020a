package org.cotejo.forensics.android.bugreport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.SingleFileTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;

/**
 * Opens Android bugreports ({@code adb bugreport} zips, read in place, or their unpacked folders) as
 * {@link EvidenceKind#BUGREPORT} extractions with a {@link Dumpstate} attached. The dumpstate text is
 * found as MVT finds it: the entry {@code main_entry.txt} names; else the first {@code dumpState_*.log};
 * else the first {@code dumpsys.txt} inside a folder, or a top-level one. A bugreport without one still
 * opens (its file timestamps and tombstones are still read) and the dumpsys modules say it is missing.
 */
public final class Bugreports {
    static final String MAIN_ENTRY = "main_entry.txt";
    private static final Pattern DUMPSTATE_LOG = Pattern.compile("dumpState_.*\\.log");
    private static final Pattern NESTED_DUMPSYS = Pattern.compile(".+/dumpsys\\.txt");

    private Bugreports() {}

    /** Opens a bugreport zip or folder; a file that is not a zip is a user error naming it. */
    public static Extraction open(Path path) throws IOException {
        if (!Files.exists(path)) throw new CotejoException("no such file or folder: " + path);
        WorkArea work = WorkArea.create();
        FileTree tree = null;
        try {
            if (Files.isDirectory(path)) {
                tree = new FolderTree(path);
            } else {
                if (ArchiveTree.formatOf(path).orElse(null) != ArchiveTree.Format.ZIP) {
                    throw new CotejoException(path + " is not a bugreport archive: not a zip file (a bugreport is the .zip adb bugreport writes, or its unpacked folder)");
                }
                try {
                    tree = ArchiveTree.open(path, work);
                } catch (IOException | CotejoException e) {
                    throw new CotejoException(path + " is not a bugreport archive: " + e.getMessage());
                }
            }
            List<String> notes = new ArrayList<>();
            FileEntry dumpstate = findDumpstate(tree, notes);
            Extraction x = new Extraction(EvidenceKind.BUGREPORT, path, tree, new FsLocator(tree), work, Map.of());
            x.with(Dumpstate.class, new Dumpstate(tree, dumpstate, work, String.join("; ", notes)));
            if (tree instanceof ArchiveTree archive) x.with(ArchiveTree.class, archive);
            return x;
        } catch (IOException | RuntimeException e) {
            if (tree != null) tree.close();
            work.close();
            throw e;
        }
    }

    /**
     * A bugreport extraction whose dumpstate is one file of another extraction's tree, such as the
     * top-level {@code dumpsys.txt} of an AndroidQF collection, to be attached with
     * {@link Extraction#withNested}. It has its own work area; closing it leaves {@code tree} open.
     */
    public static Extraction ofDumpsys(FileTree tree, String entryPath, Path origin) throws IOException {
        FileEntry entry = tree.entry(entryPath).filter(FileEntry::isFile)
                .orElseThrow(() -> new CotejoException(tree.describe() + " has no file " + entryPath));
        WorkArea work = WorkArea.create();
        SingleFileTree single = SingleFileTree.within(tree, entry);
        Extraction x = new Extraction(EvidenceKind.BUGREPORT, origin, single, new FsLocator(single), work, Map.of());
        return x.with(Dumpstate.class, new Dumpstate(single, entry, work, ""));
    }

    /** The dumpstate entry by MVT's rules, or null; {@code notes} says why a named entry was not used. */
    static FileEntry findDumpstate(FileTree tree, List<String> notes) throws IOException {
        Optional<FileEntry> main = tree.entry(MAIN_ENTRY).filter(FileEntry::isFile);
        if (main.isPresent()) {
            String named;
            try (InputStream in = tree.open(main.get())) {
                named = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
            }
            Optional<FileEntry> e = named.isEmpty() ? Optional.empty() : tree.entry(named).filter(FileEntry::isFile);
            if (e.isPresent()) return e.get();
            notes.add(MAIN_ENTRY + " names '" + CotejoException.printable(named) + "', which the bugreport does not hold");
        }
        List<FileEntry> logs = new ArrayList<>();
        List<FileEntry> nested = new ArrayList<>();
        tree.walk(e -> {
            if (!e.isFile()) return;
            if (DUMPSTATE_LOG.matcher(e.path()).matches()) logs.add(e);
            else if (NESTED_DUMPSYS.matcher(e.path()).matches()) nested.add(e);
        });
        if (!logs.isEmpty()) return logs.get(0);
        if (!nested.isEmpty()) return nested.get(0);
        return tree.entry("dumpsys.txt").filter(FileEntry::isFile).orElse(null);
    }
}
