package org.cotejo.forensics.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.FsLocator;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.module.ModuleRunner;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.record.Record;

/** Runs modules in tests and keeps what they produce. */
public final class ModuleHarness {
    private ModuleHarness() {}

    /** What a run produced. */
    public record Result(List<Record> records, List<ModuleProblem> problems) {
        public List<Record> of(String slug) {
            return records.stream().filter(r -> r.module().equals(slug)).toList();
        }
    }

    /** A filesystem-dump extraction over a folder laid out like the phone's filesystem. */
    public static Extraction fsDump(Path root) throws IOException {
        FolderTree tree = new FolderTree(root);
        return new Extraction(EvidenceKind.IOS_FS, root, tree, new FsLocator(tree), WorkArea.create(), Map.of());
    }

    /** Runs the named modules (plus what they depend on) over the extraction, then closes it. */
    public static Result run(Extraction x, ModuleOptions options, String... moduleNames) throws IOException {
        List<ArtifactModule> modules = Modules.installed().select(x.kind(), List.of(moduleNames));
        return run(x, options, modules);
    }

    public static Result run(Extraction x, ModuleOptions options, List<ArtifactModule> modules) throws IOException {
        List<Record> records = new ArrayList<>();
        List<ModuleProblem> problems = new ArrayList<>();
        try (x) {
            new ModuleRunner(options).run(x, modules, new RunListener() {
                @Override public void record(Record r) { records.add(r); }
                @Override public void problem(ModuleProblem p) { problems.add(p); }
            });
        }
        return new Result(records, problems);
    }

    public static Result run(Extraction x, String... moduleNames) throws IOException {
        return run(x, ModuleOptions.DEFAULT, moduleNames);
    }
}
