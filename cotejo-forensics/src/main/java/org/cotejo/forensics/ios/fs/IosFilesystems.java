package org.cotejo.forensics.ios.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Opens iOS full filesystem dumps: a folder, or a .tar/.tar.gz/.zip read in place. The dump's root is
 * the folder holding {@code private/var}; acquisition tools often wrap it in one or two folders
 * ({@code dump/private/var/…}, {@code filesystem/private/var/…}), so the extraction is re-rooted there
 * and module globs apply as written.
 */
public final class IosFilesystems {
    /** How many wrapping folders are looked through for {@code private/var}. */
    static final int MAX_WRAPPERS = 3;

    private IosFilesystems() {}

    /**
     * Opens the dump at {@code path}. The extraction owns {@code work} (closing it removes it); pass
     * null to have a new work area created. An archive's refused entries are listed by the
     * {@link ArchiveTree} attached as a service ({@code extraction.service(ArchiveTree.class)}).
     */
    public static Extraction open(Path path, WorkArea work) throws IOException {
        if (!Files.exists(path)) throw new CotejoException("no such file or folder: " + path);
        WorkArea area = work != null ? work : WorkArea.create();
        FileTree base = null;
        try {
            base = Files.isDirectory(path) ? new FolderTree(path) : ArchiveTree.open(path, area);
            String root = root(base, path);
            FileTree tree = root.isEmpty() ? base : new SubTree(base, root);
            Extraction x = new Extraction(EvidenceKind.IOS_FS, path, tree, new FsLocator(tree), area,
                    DeviceIdentifiers.read(tree));
            if (base instanceof ArchiveTree archive) x.with(ArchiveTree.class, archive);
            return x;
        } catch (IOException | RuntimeException e) {
            if (base != null) base.close();
            area.close();
            throw e;
        }
    }

    /**
     * The folder of {@code tree} that holds {@code private/var} ("" for the root itself), looking
     * through up to {@link #MAX_WRAPPERS} wrapping folders; the shallowest wins. Several at the same
     * depth, or none, is a user error.
     */
    static String root(FileTree tree, Path shownAs) throws IOException {
        String wrappers = "";
        for (int depth = 0; depth <= MAX_WRAPPERS; depth++) {
            List<String> found = new ArrayList<>();
            for (FileEntry e : tree.glob(wrappers + "private/var")) {
                if (e.isDirectory()) found.add(e.path().substring(0, e.path().length() - "private/var".length()));
            }
            if (found.size() == 1) {
                String root = found.get(0);
                return root.isEmpty() ? "" : root.substring(0, root.length() - 1);
            }
            if (found.size() > 1) {
                throw new CotejoException(shownAs + " holds " + found.size() + " iOS filesystem dumps ("
                        + String.join(", ", found.stream().map(f -> f + "private/var").toList())
                        + "); give Cotejo one of them");
            }
            wrappers += "*/";
        }
        throw new CotejoException(shownAs + " does not look like an iOS filesystem dump (no private/var folder at its top or "
                + "inside up to " + MAX_WRAPPERS + " wrapping folders)");
    }
}
