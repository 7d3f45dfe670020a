package org.cotejo.forensics.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A private temporary folder (mode 0700) for copies of evidence databases and decrypted bytes.
 * Removed on {@link #close()}, and by a shutdown hook when the process exits without closing it.
 * Nothing Cotejo derives from evidence is ever written beside the evidence itself.
 */
public final class WorkArea implements AutoCloseable {
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(org.cotejo.core.Folders::delete), "cotejo-work-cleanup"));
    }

    private final Path root;
    private final AtomicLong counter = new AtomicLong();

    private WorkArea(Path root) {
        this.root = root;
    }

    /** Creates a new work area under the system temporary folder. */
    public static WorkArea create() throws IOException {
        Path dir = Files.createTempDirectory("cotejo-work-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        OPEN.add(dir);
        return new WorkArea(dir);
    }

    public Path root() { return root; }

    /** A new, empty, private sub-folder whose name starts with {@code hint}. */
    public Path newFolder(String hint) throws IOException {
        Path dir = root.resolve(safe(hint) + "-" + counter.incrementAndGet());
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return dir;
    }

    private static String safe(String hint) {
        String s = hint.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.length() > 40 ? s.substring(s.length() - 40) : s;
    }

    @Override
    public void close() {
        if (OPEN.remove(root)) org.cotejo.core.Folders.delete(root);
    }
}
