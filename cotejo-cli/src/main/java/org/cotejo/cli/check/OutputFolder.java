package org.cotejo.cli.check;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;

/**
 * The --out folder of a check. Results are written into a hidden sibling folder and moved into place
 * at the end, so a failed run leaves no half-written output; the folder must be new or empty, and never
 * inside the evidence.
 */
public final class OutputFolder {
    private final Path target;
    private final Path partial;

    private OutputFolder(Path target, Path partial) {
        this.target = target;
        this.partial = partial;
    }

    static OutputFolder prepare(Path out, Path evidence) throws IOException {
        return prepare(out, java.util.List.of(evidence), "evidence");
    }

    /** A new or empty folder for results, refused when it lies inside any of {@code inputs}. */
    public static OutputFolder prepare(Path out, java.util.List<Path> inputs) throws IOException {
        return prepare(out, inputs, "input");
    }

    private static OutputFolder prepare(Path out, java.util.List<Path> inputs, String noun) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) throw new CotejoException("cannot write results to " + target);
        Files.createDirectories(parent);
        Path parentReal = parent.toRealPath();
        for (Path evidence : inputs) {
            Path ev = evidence.toAbsolutePath().normalize();
            Path evReal = Files.exists(ev) ? ev.toRealPath() : ev;
            if (target.startsWith(ev) || parentReal.resolve(target.getFileName()).startsWith(evReal)) {
                throw new CotejoException("--out " + out + " is inside the " + noun + " " + evidence + "; Cotejo never writes beside its " + noun
                        + (noun.equals("evidence") ? "" : "s"));
            }
        }
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) throw new CotejoException("--out " + out + " exists and is not a folder");
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent()) throw new CotejoException("--out " + out + " is not empty; choose a new folder");
            }
        }
        Path partial = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        return new OutputFolder(target, partial);
    }

    /** Where to write while the run goes on. */
    public Path writing() { return partial; }

    public Path target() { return target; }

    /** Moves the finished results into place. */
    public void commit() throws IOException {
        if (Files.exists(target)) Files.delete(target);
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target);
        }
    }

    /** Removes the partial results after a failure. */
    public void discard() {
        try {
            org.cotejo.core.Folders.delete(partial);
        } catch (java.io.UncheckedIOException e) {
            // best effort: the folder is hidden and named as partial
        }
    }
}
