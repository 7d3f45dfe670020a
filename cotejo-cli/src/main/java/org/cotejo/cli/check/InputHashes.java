package org.cotejo.cli.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.detection.output.RunInfo;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FolderTree;

/** SHA-256 of every file of an extraction, for info.json; folders are hashed on both cores. */
final class InputHashes {
    private InputHashes() {}

    static List<RunInfo.FileHash> of(Extraction x) throws IOException {
        List<FileEntry> files = new ArrayList<>();
        x.tree().walk(e -> {
            if (e.isFile()) files.add(e);
        });
        var stream = x.tree() instanceof FolderTree ? files.parallelStream() : files.stream();
        try {
            return stream.map(e -> {
                try {
                    return new RunInfo.FileHash(e.path(), x.tree().sha256(e));
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot hash " + e.path(), ex);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
