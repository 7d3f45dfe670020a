package org.cotejo.forensics.module;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;

/** Locates files in a filesystem dump or archive by the locations' globs. */
public final class FsLocator implements FileLocator {
    private final FileTree tree;

    public FsLocator(FileTree tree) {
        this.tree = tree;
    }

    @Override
    public List<SourceFile> locate(Location location) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        for (String glob : location.fsGlobs()) {
            for (FileEntry e : tree.glob(glob)) {
                if (e.isFile()) out.add(SourceFile.of(e));
            }
        }
        return out;
    }

    @Override
    public List<SourceFile> sideFiles(SourceFile database) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        for (String suffix : SIDE_FILE_SUFFIXES) {
            Optional<FileEntry> e = tree.entry(database.entry().path() + suffix);
            if (e.isPresent() && e.get().isFile()) out.add(SourceFile.of(e.get()));
        }
        return out;
    }
}
