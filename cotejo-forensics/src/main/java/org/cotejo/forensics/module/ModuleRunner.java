package org.cotejo.forensics.module;

import com.dd.plist.NSObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.plist.Plists;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.sqlite.EvidenceDatabase;

/**
 * Runs artifact modules over one extraction, one after the other, handing records to a listener as
 * they are read. A module that fails is reported and skipped; the others still run.
 */
public final class ModuleRunner {
    private final ModuleOptions options;

    public ModuleRunner(ModuleOptions options) {
        this.options = options;
    }

    /**
     * Runs {@code modules} (already in run order) over {@code extraction}: those that read its kind, then,
     * for every nested extraction in turn, those that read the nested one's kind.
     */
    public void run(Extraction extraction, List<ArtifactModule> modules, RunListener listener) {
        runOwn(extraction, modules.stream().filter(m -> m.kinds().contains(extraction.kind())).toList(), listener);
        for (Extraction inner : extraction.nested()) run(inner, modules, listener);
    }

    private void runOwn(Extraction extraction, List<ArtifactModule> modules, RunListener listener) {
        Set<String> kept = new java.util.HashSet<>();
        for (ArtifactModule m : modules) kept.addAll(m.dependsOn());
        Map<String, List<Fields>> results = new HashMap<>();
        for (ArtifactModule module : modules) {
            long start = System.nanoTime();
            listener.moduleStarted(module);
            List<Fields> keep = kept.contains(module.name()) ? new ArrayList<>() : null;
            Context ctx = new Context(extraction, module, listener, keep, results);
            try {
                module.extract(ctx);
            } catch (CotejoException e) {
                listener.problem(new ModuleProblem(module.name(), ctx.currentFile, e.getMessage(), true));
            } catch (Exception | StackOverflowError e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                listener.problem(new ModuleProblem(module.name(), ctx.currentFile, "stopped: " + why, true));
            }
            if (keep != null) results.put(module.name(), List.copyOf(keep));
            listener.moduleFinished(module, ctx.count, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private final class Context implements ModuleContext {
        private final Extraction extraction;
        private final ArtifactModule module;
        private final RunListener listener;
        private final List<Fields> keep;
        private final Map<String, List<Fields>> results;
        private final Map<String, String> hashes = new LinkedHashMap<>();
        long count;
        String currentFile = "";

        Context(Extraction extraction, ArtifactModule module, RunListener listener, List<Fields> keep,
                Map<String, List<Fields>> results) {
            this.extraction = extraction;
            this.module = module;
            this.listener = listener;
            this.keep = keep;
            this.results = results;
        }

        @Override
        public Extraction extraction() { return extraction; }

        @Override
        public ModuleOptions options() { return options; }

        @Override
        public List<SourceFile> locate(Location... where) throws IOException {
            Map<String, SourceFile> out = new LinkedHashMap<>();
            for (Location l : where) {
                for (SourceFile f : extraction.locator().locate(l)) out.putIfAbsent(f.entry().path(), f);
            }
            return new ArrayList<>(out.values());
        }

        @Override
        public InputStream open(SourceFile file) throws IOException {
            currentFile = extraction.pathOf(file.entry().path());
            return extraction.tree().open(file.entry());
        }

        @Override
        public byte[] readAll(SourceFile file, long maxBytes) throws IOException {
            if (file.entry().size() > maxBytes) {
                throw new CotejoException(file.logical() + " is " + file.entry().size() + " bytes, over the "
                        + maxBytes + "-byte limit for this artifact");
            }
            try (InputStream in = open(file)) {
                byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (b.length > maxBytes) throw new CotejoException(file.logical() + " is over the " + maxBytes + "-byte limit for this artifact");
                return b;
            }
        }

        @Override
        public EvidenceDatabase database(SourceFile file) throws IOException {
            currentFile = extraction.pathOf(file.entry().path());
            Path folder = extraction.work().newFolder(module.slug());
            return EvidenceDatabase.open(extraction.tree(), file, extraction.locator().sideFiles(file), folder,
                    (f, to) -> {
                        try (InputStream in = extraction.tree().open(f.entry());
                             OutputStream out = Files.newOutputStream(to)) {
                            in.transferTo(out);
                        }
                    });
        }

        @Override
        public NSObject plist(SourceFile file) throws IOException {
            return Plists.parse(readAll(file, 256L << 20), file.logical());
        }

        @Override
        public Provenance provenance(SourceFile file, String locator) {
            String h = hashes.get(file.entry().path());
            if (h == null) {
                try {
                    h = extraction.tree().sha256(file.entry());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot hash " + file.entry().path(), e);
                }
                hashes.put(file.entry().path(), h);
            }
            return new Provenance(extraction.pathOf(file.entry().path()), file.logical(), h, locator);
        }

        @Override
        public void emit(Fields fields, Provenance where) {
            emit(fields, where, null);
        }

        @Override
        public void emit(Fields fields, Provenance where, List<ObservedValue> observed) {
            count++;
            if (keep != null) keep.add(fields);
            listener.record(observed == null ? Records.of(module, fields, where) : Records.of(module, fields, where, observed));
        }

        @Override
        public void problem(SourceFile file, String message) {
            listener.problem(new ModuleProblem(module.name(), file == null ? "" : extraction.pathOf(file.entry().path()), message, false));
        }

        @Override
        public List<Fields> resultsOf(String moduleName) {
            if (!module.dependsOn().contains(moduleName)) {
                throw new IllegalStateException(module.name() + " reads " + moduleName + " without declaring it");
            }
            return results.getOrDefault(moduleName, List.of());
        }
    }
}
