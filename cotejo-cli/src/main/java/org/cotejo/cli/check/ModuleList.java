package org.cotejo.cli.check;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Modules;

/** `--list-modules`: the modules for one evidence kind, in run order, and the heuristics over them. */
final class ModuleList {
    private ModuleList() {}

    static void print(PrintWriter out, EvidenceKind kind, Modules installed, List<Heuristic> heuristics) {
        List<ArtifactModule> modules = kind == EvidenceKind.MVT_RESULTS
                ? installed.all().stream().filter(m -> !m.kinds().isEmpty()).toList()
                : installed.forKind(kind);
        out.println("Modules for " + kind.key() + " (run order; --module takes the name):");
        for (ArtifactModule m : modules) {
            out.printf(Locale.ROOT, "  %-30s %-21s %s%n", m.name(), m.trace().label(), m.description());
        }
        out.println();
        out.println("Heuristics (alerts without indicators):");
        for (Heuristic h : heuristics) {
            boolean relevant = modules.stream().anyMatch(m -> h.modules().contains(m.slug()));
            if (relevant) out.printf(Locale.ROOT, "  %-36s %s%n", h.id(), h.description());
        }
        out.flush();
    }
}
