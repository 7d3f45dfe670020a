package org.cotejo.forensics.android.intrusion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.Globs;
import org.cotejo.forensics.evidence.WorkArea;

/**
 * An intrusion-logging export with the zips inside it opened: the export's own entries, and the entries
 * of each {@code .zip} in it as {@code outer.zip::inner/x.txt} (the path MVT shows too). A nested zip is
 * copied into the private work area and read in place there by {@link ArchiveTree}, with the same guards
 * as any archive (no '..', absolute or backslash names, size and ratio caps). Zips one level deep are
 * opened; a zip inside a nested zip is listed, not opened.
 *
 * <p>An entry of the export whose own name holds {@value #SEPARATOR} is refused: it would read as a
 * nested entry.
 */
final class IntrusionLogTree implements FileTree {
    static final String SEPARATOR = "::";

    private final FileTree base;
    private final boolean ownsBase;
    /** Nested zips by their path in the base tree, in path order. */
    private final Map<String, ArchiveTree> nested = new TreeMap<>();
    private final List<String> skipped = new ArrayList<>();

    private IntrusionLogTree(FileTree base, boolean ownsBase) {
        this.base = base;
        this.ownsBase = ownsBase;
    }

    /**
     * Opens the zips of {@code base} into {@code work}. When {@code ownsBase} is false the base belongs to
     * an enclosing extraction and is left open on {@link #close()}.
     */
    static IntrusionLogTree open(FileTree base, boolean ownsBase, WorkArea work) throws IOException {
        IntrusionLogTree tree = new IntrusionLogTree(base, ownsBase);
        try {
            List<FileEntry> zips = new ArrayList<>();
            base.walk(e -> {
                if (e.path().contains(SEPARATOR)) {
                    tree.skipped.add("entry '" + e.path() + "' skipped: its name holds '" + SEPARATOR
                            + "', which Cotejo uses to name files inside nested zips");
                } else if (e.isFile() && e.name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    zips.add(e);
                }
            });
            for (FileEntry zip : zips) tree.openNested(zip, work);
            return tree;
        } catch (IOException | RuntimeException e) {
            tree.close();
            throw e;
        }
    }

    private void openNested(FileEntry zip, WorkArea work) throws IOException {
        Path copy = work.newFolder("nested-zip").resolve("archive.zip");
        try (InputStream in = base.open(zip)) {
            Files.copy(in, copy);
        }
        try {
            ArchiveTree inner = ArchiveTree.open(copy, work);
            nested.put(zip.path(), inner);
            for (String s : inner.skipped()) skipped.add(s.replace(copy.toString(), zip.path()));
        } catch (org.cotejo.core.CotejoException | IOException e) {
            skipped.add("nested zip '" + zip.path() + "' not opened: " + e.getMessage().replace(copy.toString(), zip.path()));
        }
    }

    /** What was not listed, and why: refused names, entries a nested zip's guards refused, nested zips that did not open. */
    List<String> skipped() { return List.copyOf(skipped); }

    @Override
    public String describe() { return base.describe() + (nested.isEmpty() ? "" : " with " + nested.size() + " nested zip(s)"); }

    @Override
    public Optional<FileEntry> entry(String path) throws IOException {
        int cut = path.indexOf(SEPARATOR);
        if (cut < 0) return base.entry(path);
        ArchiveTree inner = nested.get(path.substring(0, cut));
        if (inner == null) return Optional.empty();
        return inner.entry(path.substring(cut + SEPARATOR.length())).map(e -> outer(path.substring(0, cut), e));
    }

    @Override
    public void walk(Consumer<FileEntry> visitor) throws IOException {
        List<FileEntry> all = new ArrayList<>();
        base.walk(e -> {
            if (!e.path().contains(SEPARATOR)) all.add(e);
        });
        for (Map.Entry<String, ArchiveTree> n : nested.entrySet()) n.getValue().walk(e -> all.add(outer(n.getKey(), e)));
        all.sort(Comparator.comparing(FileEntry::path));
        all.forEach(visitor);
    }

    @Override
    public List<FileEntry> glob(String pattern) throws IOException {
        Pattern re = Globs.toRegex(pattern);
        List<FileEntry> out = new ArrayList<>();
        walk(e -> {
            if (re.matcher(e.path()).matches()) out.add(e);
        });
        return out;
    }

    @Override
    public InputStream open(FileEntry entry) throws IOException {
        Located l = locate(entry);
        return l.tree.open(l.entry);
    }

    @Override
    public String sha256(FileEntry entry) throws IOException {
        Located l = locate(entry);
        return l.tree.sha256(l.entry);
    }

    @Override
    public String freshSha256(FileEntry entry) throws IOException {
        Located l = locate(entry);
        return l.tree.freshSha256(l.entry);
    }

    @Override
    public void close() throws IOException {
        for (ArchiveTree t : nested.values()) {
            try {
                t.close();
            } catch (IOException e) {
                // the copies live in the work area, which is removed with the extraction
            }
        }
        if (ownsBase) base.close();
    }

    private record Located(FileTree tree, FileEntry entry) {}

    private Located locate(FileEntry entry) throws IOException {
        String path = entry.path();
        int cut = path.indexOf(SEPARATOR);
        if (cut < 0) return new Located(base, entry);
        ArchiveTree inner = nested.get(path.substring(0, cut));
        if (inner == null) throw new IOException("no nested zip " + path.substring(0, cut) + " in " + base.describe());
        return new Located(inner, new FileEntry(path.substring(cut + SEPARATOR.length()), entry.size(), entry.modified(), entry.type()));
    }

    private static FileEntry outer(String zip, FileEntry e) {
        return new FileEntry(zip + SEPARATOR + e.path(), e.size(), e.modified(), e.type());
    }
}
