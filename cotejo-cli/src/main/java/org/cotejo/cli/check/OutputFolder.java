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

    /**
     * Like {@link #prepare(Path, java.util.List)}, but with {@code replace} a folder that exists and is not empty
     * is accepted and replaced at {@link #commit} (never one that holds an input).
     */
    public static OutputFolder prepare(Path out, java.util.List<Path> inputs, boolean replace) throws IOException {
        if (!replace) return prepare(out, inputs, "input", false, "choose a new folder, or add --force to replace its contents");
        Path target = out.toAbsolutePath().normalize();
        for (Path in : inputs) {
            Path i = in.toAbsolutePath().normalize();
            Path iReal = Files.exists(i) ? i.toRealPath() : i;
            Path tReal = Files.exists(target) ? target.toRealPath() : target;
            if (i.startsWith(target) || iReal.startsWith(tReal)) {
                throw new CotejoException("--out " + out + " holds the input " + in + "; --force would delete it; choose another folder");
            }
        }
        return prepare(out, inputs, "input", true, "");
    }

    private static OutputFolder prepare(Path out, java.util.List<Path> inputs, String noun) throws IOException {
        return prepare(out, inputs, noun, false, "choose a new folder");
    }

    private static OutputFolder prepare(Path out, java.util.List<Path> inputs, String noun, boolean replace, String whenNotEmpty)
            throws IOException {
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
        if (Files.exists(target) && !replace) {
            if (!Files.isDirectory(target)) throw new CotejoException("--out " + out + " exists and is not a folder");
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent()) throw new CotejoException("--out " + out + " is not empty; " + whenNotEmpty);
            }
        }
        if (replace && Files.exists(target) && !Files.isDirectory(target)) throw new CotejoException("--out " + out + " exists and is not a folder");
        Path partial = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        return new OutputFolder(target, partial);
    }

    /** Where to write while the run goes on. */
    public Path writing() { return partial; }

    public Path target() { return target; }

    /** Moves the finished results into place. */
    public void commit() throws IOException {
        if (Files.exists(target)) {
            // A replaced folder is moved aside first, so the new results are in place before the old ones go.
            Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".replaced-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            move();
            org.cotejo.core.Folders.delete(old);
            return;
        }
        move();
    }

    private void move() throws IOException {
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
