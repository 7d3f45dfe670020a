package org.cotejo.cli.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.cotejo.detection.output.RunInfo;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FolderTree;

/**
 * SHA-256 of every file of an extraction, for info.json. A folder (or a single file on disk) is hashed on a background thread while
 * the modules read it (its tree is safe to share and remembers each hash, so a file is read for hashing
 * once); archives and encrypted backups are hashed before the modules start.
 */
final class InputHashes {
    private final CompletableFuture<List<RunInfo.FileHash>> hashes;

    private InputHashes(CompletableFuture<List<RunInfo.FileHash>> hashes) {
        this.hashes = hashes;
    }

    static InputHashes start(Extraction x) throws IOException {
        // a folder, or one file of a folder (a capture, an EVE log): hashed beside the modules' reading
        if (x.tree() instanceof FolderTree
                || (x.tree() instanceof org.cotejo.forensics.evidence.SingleFileTree s && s.base() instanceof FolderTree)) {
            CompletableFuture<List<RunInfo.FileHash>> f = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    f.complete(of(x));
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            }, "cotejo-hashing");
            t.setDaemon(true);
            t.start();
            return new InputHashes(f);
        }
        return new InputHashes(CompletableFuture.completedFuture(of(x)));
    }

    /** The hashes, waiting for the background thread if it has not finished. */
    List<RunInfo.FileHash> result() throws IOException {
        try {
            return hashes.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private static List<RunInfo.FileHash> of(Extraction x) throws IOException {
        List<FileEntry> files = new ArrayList<>();
        x.tree().walk(e -> {
            if (e.isFile()) files.add(e);
        });
        List<RunInfo.FileHash> out = new ArrayList<>(files.size());
        for (FileEntry e : files) out.add(new RunInfo.FileHash(e.path(), x.tree().sha256(e)));
        return out;
    }
}
