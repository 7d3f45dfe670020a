package org.cotejo.forensics.ios.sysdiagnose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.SubTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;

/**
 * Opens iOS sysdiagnose archives ({@code sysdiagnose_<date>_<device>.tar.gz}, read in place) and
 * folders. An archive holds exactly one top-level folder, the sysdiagnose itself, and the extraction is
 * re-rooted into it, so module globs read {@code crashes_and_spins/*.ips}. A folder is taken as the
 * sysdiagnose, unless all it holds is one {@code sysdiagnose_*} folder (an archive extracted as is),
 * which is then the root.
 */
public final class Sysdiagnoses {
    private Sysdiagnoses() {}

    public static Extraction open(Path path) throws IOException {
        if (!Files.exists(path)) throw new CotejoException("no such file or folder: " + path);
        WorkArea work = WorkArea.create();
        FileTree base = null;
        try {
            boolean folder = Files.isDirectory(path);
            base = folder ? new FolderTree(path) : ArchiveTree.open(path, work);
            String root = folder ? wrappedFolder(base) : topFolder(base, path);
            FileTree tree = root == null ? base : new SubTree(base, root);
            Extraction x = new Extraction(EvidenceKind.SYSDIAGNOSE, path, tree, new FsLocator(tree), work, Map.of());
            if (base instanceof ArchiveTree archive) x.with(ArchiveTree.class, archive);
            return x;
        } catch (IOException | RuntimeException e) {
            if (base != null) base.close();
            work.close();
            throw e;
        }
    }

    /** The archive's single top-level folder; anything else at the top is a user error naming what was found. */
    private static String topFolder(FileTree tree, Path shownAs) throws IOException {
        List<FileEntry> top = tree.glob("*");
        List<String> folders = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (FileEntry e : top) (e.isDirectory() ? folders : others).add(e.path());
        if (folders.size() == 1 && others.isEmpty()) return folders.get(0);
        throw new CotejoException(shownAs + " is not a sysdiagnose archive: it should hold exactly one top-level folder, "
                + "but holds " + folders.size() + " folder(s)" + (others.isEmpty() ? "" : " and " + others.size() + " other entries")
                + (top.isEmpty() ? "" : " (" + String.join(", ", top.stream().limit(5).map(FileEntry::path).toList())
                + (top.size() > 5 ? ", …" : "") + ")"));
    }

    /** The one sysdiagnose_* folder a folder holds when it holds nothing else, else null (the folder is the sysdiagnose). */
    private static String wrappedFolder(FileTree tree) throws IOException {
        List<FileEntry> top = tree.glob("*");
        boolean wraps = top.size() == 1 && top.get(0).isDirectory() && top.get(0).name().startsWith("sysdiagnose_");
        return wraps ? top.get(0).path() : null;
    }
}
