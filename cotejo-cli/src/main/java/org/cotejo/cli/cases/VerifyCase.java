package org.cotejo.cli.cases;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.cotejo.cases.EvidenceFile;
import org.cotejo.cases.EvidenceInfo;
import org.cotejo.cases.custody.CaseVerifier;
import org.cotejo.cases.custody.Discrepancy;
import org.cotejo.cases.custody.EvidenceSource;
import org.cotejo.cases.custody.LedgerAction;
import org.cotejo.cli.check.CheckRun;
import org.jdbi.v3.core.Handle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "verify",
        header = "Check the custody chain, every signature and time-stamp, every evidence file's hash and every stored result.",
        description = {"Lists each discrepancy with the exact ledger entry, file or scan. Exits 0 when everything checks,",
            "3 when anything does not. The verification itself is recorded in the ledger."},
        mixinStandardHelpOptions = true)
final class VerifyCase implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    /**
     * Each item's stored file list against the manifest hash recorded at intake (and in the ledger): a
     * file and its stored row changed together would pass the file check, not this one.
     */
    private static List<Discrepancy> manifests(OpenCase c, Handle h) {
        List<Discrepancy> out = new java.util.ArrayList<>();
        for (EvidenceInfo e : c.store.evidence(h, c.id())) {
            List<EvidenceFile> files = new java.util.ArrayList<>();
            c.store.files(h, c.id(), e.id(), files::add);
            files.sort(java.util.Comparator.comparing(EvidenceFile::path));
            String now = org.cotejo.cases.intake.EvidenceHasher.manifest(files);
            if (!now.equals(e.manifestSha256())) {
                out.add(new Discrepancy(Discrepancy.What.EVIDENCE, "evidence " + e.id(), "its stored file list no longer matches the"
                        + " manifest recorded at intake (" + e.manifestSha256() + "; now " + now + ")"));
            }
        }
        return out;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (OpenCase c = OpenCase.open(options, CaseCommand.commandLine(spec))) {
            EvidenceSource source = new EvidenceSource() {
                @Override
                public List<EvidenceInfo> evidence(Handle h, String caseId) {
                    return c.store.evidence(h, caseId);
                }

                @Override
                public void files(Handle h, String caseId, String evidenceId, Consumer<EvidenceFile> each) {
                    c.store.files(h, caseId, evidenceId, each);
                }

                @Override
                public Path location(EvidenceInfo item) {
                    return CaseScanning.location(c, item);
                }

                @Override
                public Path caseFile(String relative) {
                    return c.folder.resolve(relative);
                }

                @Override
                public java.util.Optional<org.cotejo.cases.ForeignPackage> received(Handle h, String caseId) {
                    return c.store.foreignPackage(h, caseId);
                }
            };
            CaseVerifier verifier = new CaseVerifier(source, c.store::resultHash);
            List<Discrepancy> found = new java.util.ArrayList<>(c.store.read(h -> verifier.verify(h, c.id())));
            found.addAll(c.store.read(h -> manifests(c, h)));
            for (Discrepancy d : found) out.println("  " + d);
            out.println(found.isEmpty() ? "Verified: the ledger chain, its signatures, every evidence file and every stored result check"
                    + (c.store.read(h -> c.store.foreignPackage(h, c.id())).isPresent() ? ", and so do the received package's files and signature." : ".")
                    : found.size() + " discrepanc" + (found.size() == 1 ? "y" : "ies") + " found.");
            c.store.transaction(h -> c.ledger.append(h, c.id(), LedgerAction.VERIFY, c.analyst, c.command, Map.of(),
                    Map.of("discrepancies", found.size())));
            out.flush();
            return found.isEmpty() ? 0 : CheckRun.FOUND_HIGH;
        }
    }
}
