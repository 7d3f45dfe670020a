package org.cotejo.forensics.evidence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.cotejo.forensics.module.FileLocator;

/**
 * One opened extraction: its files, how modules find their artifacts in it, the private work area for
 * copies, and the identifiers it carries (UDID, serial number, IMEI...). Closing it closes the tree and
 * removes the work area.
 */
public final class Extraction implements AutoCloseable {
    private final EvidenceKind kind;
    private final Path origin;
    private final FileTree tree;
    private final FileLocator locator;
    private final WorkArea work;
    private final Map<String, String> identifiers;
    private final Map<Class<?>, Object> services = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.List<Extraction> nested = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String via = "";
    private final java.util.List<String> openingProblems = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Extraction(EvidenceKind kind, Path origin, FileTree tree, FileLocator locator, WorkArea work,
                      Map<String, String> identifiers) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.tree = Objects.requireNonNull(tree, "tree");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.work = Objects.requireNonNull(work, "work");
        this.identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
    }

    public EvidenceKind kind() { return kind; }

    /** The path the analyst gave (folder or archive). */
    public Path origin() { return origin; }

    public FileTree tree() { return tree; }

    public FileLocator locator() { return locator; }

    public WorkArea work() { return work; }

    /** Identifiers read from the extraction itself, e.g. "udid", "serial_number", "imei", "product_type". */
    public Map<String, String> identifiers() { return identifiers; }

    /**
     * Kind-specific readers attached by the opener, e.g. the {@code BackupManifest} of a backup, which
     * the Manifest module lists.
     */
    public <T> java.util.Optional<T> service(Class<T> type) {
        return java.util.Optional.ofNullable(type.cast(services.get(type)));
    }

    /** Attaches a kind-specific reader (see {@link #service}); returns this extraction. */
    public <T> Extraction with(Class<T> type, T service) {
        services.put(type, Objects.requireNonNull(service, "service"));
        return this;
    }

    /**
     * Extractions found inside this one (an AndroidQF collection's {@code bugreport.zip}, {@code backup.ab}
     * and {@code intrusion_logs/}), in the order their modules run, after this extraction's own.
     */
    public java.util.List<Extraction> nested() { return java.util.List.copyOf(nested); }

    /**
     * Where this extraction sits inside the one that holds it ("bugreport.zip"), or "" for the
     * extraction the analyst gave. Provenance paths of nested files read {@code via::path}.
     */
    public String via() { return via; }

    /**
     * Attaches an extraction found inside this one, under the entry it was opened from; it is closed
     * with this one. Returns this extraction.
     */
    public Extraction withNested(Extraction inner, String entry) {
        Objects.requireNonNull(entry, "entry");
        inner.via = via.isEmpty() ? entry : via + "::" + entry;
        nested.add(inner);
        return this;
    }

    /**
     * What could not be opened inside this extraction, though the rest can be read: a malformed or
     * undecryptable nested backup, a nested archive refused by the guards. Each says what and where.
     */
    public java.util.List<String> openingProblems() { return java.util.List.copyOf(openingProblems); }

    /** Records a part of this extraction that could not be opened (see {@link #openingProblems()}). */
    public Extraction withOpeningProblem(String problem) {
        openingProblems.add(Objects.requireNonNull(problem, "problem"));
        return this;
    }

    /** The provenance path of an entry of this extraction's tree: the entry path, prefixed by {@link #via()}. */
    public String pathOf(String entryPath) {
        return via.isEmpty() ? entryPath : via + "::" + entryPath;
    }

    @Override
    public void close() throws IOException {
        for (Extraction inner : nested) {
            try {
                inner.close();
            } catch (IOException | RuntimeException e) {
                // a nested extraction lives in its own work area; closing the rest matters more
            }
        }
        for (Object s : services.values()) {
            if (s instanceof AutoCloseable c && s != tree) {
                try {
                    c.close();
                } catch (Exception e) {
                    // services are readers over the work area, which is removed next
                }
            }
        }
        try {
            tree.close();
        } finally {
            work.close();
        }
    }
}
