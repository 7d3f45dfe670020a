package org.cotejo.forensics.android.intrusion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.SubTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;

/**
 * Opens Android 16 intrusion-logging exports (Advanced Protection): a folder or a {@code .zip} of
 * newline-delimited JSON files ({@code *.txt}), possibly holding further zips, which are opened too
 * (see {@link IntrusionLogTree}). Event times are epoch milliseconds or nanoseconds, so true UTC
 * instants whether or not the device's zone is known; the zone, when the caller has it (getprop's
 * {@code persist.sys.timezone}), only adds the device's local time to each record.
 */
public final class IntrusionLogs {
    private IntrusionLogs() {}

    /** Opens the export at {@code path} (folder or zip) without a device zone. */
    public static Extraction open(Path path) throws IOException {
        return open(path, null);
    }

    /** Opens the export at {@code path} (folder or zip); {@code zone} may be null. */
    public static Extraction open(Path path, ZoneId zone) throws IOException {
        if (!Files.exists(path)) throw new CotejoException("no such file or folder: " + path);
        WorkArea work = WorkArea.create();
        FileTree base = null;
        try {
            if (Files.isDirectory(path)) {
                base = new FolderTree(path);
            } else {
                if (ArchiveTree.formatOf(path).orElse(null) != ArchiveTree.Format.ZIP) {
                    throw new CotejoException(path + " is not an intrusion-logging export: give the folder or the .zip the device exported");
                }
                base = ArchiveTree.open(path, work);
            }
            Extraction x = build(path, base, true, work, zone);
            if (base instanceof ArchiveTree archive) x.with(ArchiveTree.class, archive);
            return x;
        } catch (IOException | RuntimeException e) {
            if (base != null) base.close();
            work.close();
            throw e;
        }
    }

    /**
     * The export inside another extraction, e.g. the {@code intrusion_logs/} folder of an AndroidQF
     * collection, as an extraction of its own to attach with {@link Extraction#withNested}. The outer tree
     * stays the caller's: closing the nested extraction closes only what it opened (nested zips, its own
     * work area).
     *
     * @param outer  the enclosing extraction's tree
     * @param folder the export's folder in {@code outer} ("intrusion_logs"), or "" for the whole tree
     * @param zone   the device's zone, or null
     */
    public static Extraction nested(FileTree outer, String folder, ZoneId zone) throws IOException {
        FileTree base = folder == null || folder.isEmpty() ? outer : new SubTree(outer, folder);
        WorkArea work = WorkArea.create();
        try {
            return build(Path.of(folder == null || folder.isEmpty() ? "." : folder), base, false, work, zone);
        } catch (IOException | RuntimeException e) {
            work.close();
            throw e;
        }
    }

    private static Extraction build(Path origin, FileTree base, boolean ownsBase, WorkArea work, ZoneId zone) throws IOException {
        IntrusionLogTree tree = IntrusionLogTree.open(base, ownsBase, work);
        Extraction x = new Extraction(EvidenceKind.INTRUSION_LOGS, origin, tree, new FsLocator(tree), work, Map.of());
        return x.with(IntrusionLogExport.class, new IntrusionLogExport(zone, tree.skipped()));
    }
}
