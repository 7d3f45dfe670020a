package org.cotejo.cases.custody;

import org.cotejo.core.Hashing;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import org.cotejo.cases.EvidenceFile;
import org.cotejo.cases.EvidenceInfo;
import org.cotejo.cases.custody.Discrepancy.What;
import org.jdbi.v3.core.Handle;

/**
 * The evidence half of verification: every file of every item re-hashed (streaming SHA-256, files in
 * parallel) and compared with the manifest taken at intake; files missing, changed or added since.
 */
final class EvidenceCheck {
    private static final Comparator<Discrepancy> BY_PLACE =
            Comparator.comparing(Discrepancy::where).thenComparing(Discrepancy::message);

    private final ExecutorService pool;
    private final int inFlight;

    /** @param pool hashes files; {@code threads} is its size, which bounds how many manifest rows wait in memory */
    EvidenceCheck(ExecutorService pool, int threads) {
        this.pool = pool;
        this.inFlight = threads * 4;
    }

    List<Discrepancy> check(Handle h, String caseId, EvidenceSource source) {
        List<Discrepancy> all = new ArrayList<>();
        for (EvidenceInfo item : source.evidence(h, caseId)) {
            all.addAll(item(h, caseId, source, item));
        }
        return all;
    }

    private List<Discrepancy> item(Handle h, String caseId, EvidenceSource source, EvidenceInfo item) {
        Path root = source.location(item).toAbsolutePath().normalize();
        List<Discrepancy> found = Collections.synchronizedList(new ArrayList<>());
        if (!Files.exists(root)) {
            long[] files = {0};
            source.files(h, caseId, item.id(), f -> files[0]++);
            found.add(new Discrepancy(What.EVIDENCE, root.toString(), "evidence " + item.id() + " is missing: none of its "
                    + files[0] + " files can be checked; restore it, or mount the volume it is on"));
            return found;
        }
        boolean singleFile = Files.isRegularFile(root);
        Set<String> listed = new HashSet<>(); // the walk below needs the manifest's paths; each is a short string
        Semaphore slots = new Semaphore(inFlight);
        source.files(h, caseId, item.id(), file -> {
            listed.add(file.path());
            Path path = singleFile ? root : root.resolve(file.path()).normalize();
            if (!path.startsWith(root)) {
                found.add(new Discrepancy(What.EVIDENCE, path.toString(), "evidence " + item.id() + ": the manifest path '"
                        + file.path() + "' leads out of the evidence folder: the manifest was changed"));
                return;
            }
            slots.acquireUninterruptibly(); // hashing keeps pace with the manifest stream instead of queueing all of it
            pool.execute(() -> {
                try {
                    file(path, file, item.id(), found);
                } finally {
                    slots.release();
                }
            });
        });
        slots.acquireUninterruptibly(inFlight); // every file hashed
        slots.release(inFlight);
        if (!singleFile) added(root, listed, item.id(), found);
        List<Discrepancy> sorted = new ArrayList<>(found);
        sorted.sort(BY_PLACE);
        return sorted;
    }

    private static void file(Path path, EvidenceFile expected, String evidenceId, List<Discrepancy> found) {
        String where = path.toString();
        try {
            if (!Files.exists(path)) {
                found.add(new Discrepancy(What.EVIDENCE, where, "evidence " + evidenceId + ": missing since intake (it had "
                        + expected.size() + " bytes, SHA-256 " + expected.sha256() + ")"));
                return;
            }
            if (!Files.isRegularFile(path)) {
                found.add(new Discrepancy(What.EVIDENCE, where, "evidence " + evidenceId + ": no longer a regular file"));
                return;
            }
            long size = Files.size(path);
            if (size != expected.size()) {
                found.add(new Discrepancy(What.EVIDENCE, where, "evidence " + evidenceId + ": changed since intake: "
                        + size + " bytes, the manifest says " + expected.size()));
                return;
            }
            String sha256 = Hashing.sha256(path);
            if (!sha256.equals(expected.sha256())) {
                found.add(new Discrepancy(What.EVIDENCE, where, "evidence " + evidenceId + ": changed since intake: SHA-256 "
                        + sha256 + ", the manifest says " + expected.sha256()));
            }
        } catch (IOException | RuntimeException e) {
            found.add(new Discrepancy(What.EVIDENCE, where, "evidence " + evidenceId + ": cannot be read: " + e));
        }
    }

    /** Regular files under the folder that the manifest does not list (links are not followed, as at intake). */
    private static void added(Path root, Set<String> listed, String evidenceId, List<Discrepancy> found) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !listed.contains(manifestPath(root, file))) {
                        found.add(new Discrepancy(What.EVIDENCE, file.toString(), "evidence " + evidenceId + ": added since intake ("
                                + attrs.size() + " bytes): the manifest does not list it"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    found.add(new Discrepancy(What.EVIDENCE, file.toString(), "evidence " + evidenceId + ": cannot be listed: " + e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            found.add(new Discrepancy(What.EVIDENCE, root.toString(), "evidence " + evidenceId + ": cannot be listed: " + e));
        }
    }

    private static String manifestPath(Path root, Path file) {
        StringBuilder b = new StringBuilder();
        for (Path name : root.relativize(file)) {
            if (b.length() > 0) b.append('/');
            b.append(name);
        }
        return b.toString();
    }
}
