package org.cotejo.cli.investigate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cotejo.cases.folder.CaseFolder;
import org.cotejo.cli.cases.EvidenceKinds;
import org.cotejo.cli.correlate.DeviceSources;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;

/**
 * What a path given to `cotejo investigate --case GROUP=PATH` is: a case folder, an exchange package, or a
 * folder of device material (results folders and extractions, found up to two levels down).
 */
final class InputKinds {
    /** The file every exchange package has at its top, beside the files it lists. */
    static final String PACKAGE_MANIFEST = "manifest.json";

    enum Kind { CASE, PACKAGE, MATERIAL }

    /** One extraction found under a material folder, with the name its device goes by. */
    record FoundExtraction(Path path, EvidenceKind kind, String name) {}

    /** Results folders (check outputs, MVT results, device-evidence.json) and extractions found under a path. */
    record Material(List<Path> results, List<FoundExtraction> extractions) {}

    private InputKinds() {}

    static Kind of(Path path) {
        if (!Files.exists(path)) throw new CotejoException("no such file or folder: " + path);
        if (Files.isRegularFile(path.resolve(CaseFolder.DESCRIPTOR))) return Kind.CASE;
        if (Files.isRegularFile(path.resolve(PACKAGE_MANIFEST)) && !Files.isRegularFile(path.resolve("findings.json"))) return Kind.PACKAGE;
        return Kind.MATERIAL;
    }

    /** Searches a material path; refuses one that holds nothing Cotejo can read. */
    static Material material(Path path) throws IOException {
        List<Path> results = new ArrayList<>();
        List<FoundExtraction> extractions = new ArrayList<>();
        collect(path, path, results, extractions, 0);
        if (results.isEmpty() && extractions.isEmpty()) {
            throw new CotejoException(path + " holds no case, package, results folder or extraction Cotejo recognises"
                    + " (iOS backup or filesystem dump, AndroidQF, bugreport, Android backup, MVT results, `cotejo check` output)");
        }
        return new Material(results, extractions);
    }

    private static void collect(Path root, Path p, List<Path> results, List<FoundExtraction> extractions, int depth) throws IOException {
        if (Files.isRegularFile(p)) {
            if (p.getFileName().toString().equals(DeviceSources.DEVICE_EVIDENCE)) results.add(p);
            else extraction(root, p).ifPresent(extractions::add);
            return;
        }
        if (DeviceSources.isResultsFolder(p) || Files.isRegularFile(p.resolve(DeviceSources.DEVICE_EVIDENCE))) {
            results.add(p);
            return;
        }
        var x = extraction(root, p);
        if (x.isPresent()) {
            extractions.add(x.get());
            return;
        }
        if (depth >= 2) return;
        List<Path> children;
        try (Stream<Path> s = Files.list(p)) {
            children = s.filter(c -> !c.getFileName().toString().startsWith(".")).sorted().toList();
        }
        for (Path c : children) collect(root, c, results, extractions, depth + 1);
    }

    /**
     * An extraction whose kind its layout shows. A folder that is none of the known layouts is not taken for
     * an iOS filesystem dump unless it has {@code private/var}; a file must be an archive or capture of a known kind.
     */
    private static java.util.Optional<FoundExtraction> extraction(Path root, Path p) {
        EvidenceKind kind;
        try {
            kind = EvidenceKinds.of(p, null);
        } catch (IOException | CotejoException e) {
            return java.util.Optional.empty();
        }
        if (kind == EvidenceKind.IOS_FS && Files.isDirectory(p) && !Files.isDirectory(p.resolve("private").resolve("var"))) {
            return java.util.Optional.empty();
        }
        if (kind == EvidenceKind.MVT_RESULTS) return java.util.Optional.empty();
        Path rel = root.relativize(p);
        String name = rel.getNameCount() == 0 || rel.toString().isEmpty() ? String.valueOf(root.getFileName()) : rel.getName(0).toString();
        return java.util.Optional.of(new FoundExtraction(p, kind, name));
    }
}
