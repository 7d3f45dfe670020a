package org.cotejo.cli.cases;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cotejo.cases.EvidenceInfo;
import org.cotejo.cases.ScanSummary;
import org.cotejo.cases.custody.Ledger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", header = "What a case holds: devices, evidence (scanned or not), feeds, scans and the ledger head.",
        mixinStandardHelpOptions = true)
final class CaseStatus implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (OpenCase c = OpenCase.open(options, CaseCommand.commandLine(spec))) {
            c.store.read(h -> {
                var i = c.info;
                out.println("Case " + i.name() + " (" + i.id() + ")");
                out.println("  agency " + i.agency() + ", reference " + i.reference());
                if (i.legalBasis() != null) {
                    var b = i.legalBasis();
                    out.println("  legal basis: " + nz(b.type()) + " " + nz(b.reference())
                            + (b.requestingAuthority() == null ? "" : ", requested by " + b.requestingAuthority())
                            + (b.executingAuthority() == null ? "" : ", executed by " + b.executingAuthority()));
                }
                out.println("  created " + i.createdAt() + " by " + i.createdBy() + " with Cotejo " + i.toolVersion());
                out.println("  database " + c.store.describe() + " (schema " + c.store.schemaVersion() + ")");
                c.store.foreignPackage(h, c.id()).ifPresent(p -> {
                    out.println("  foreign case (read-only), imported " + p.importedAt() + " from " + p.sender() + "'s exchange package for "
                            + p.recipient() + ", TLP:" + p.tlp().toUpperCase(Locale.ROOT) + ", made " + p.createdAt());
                    out.println("    sender's case " + p.senderCaseName() + " (" + p.senderCaseId() + "), reference " + p.senderReference());
                    out.println("    manifest SHA-256 " + p.manifestSha256() + ", signed with key " + p.keyId());
                    out.println("    kept in " + p.vaultPath() + " (" + p.files().size() + " files)");
                });
                var devices = c.store.devices(h, c.id());
                List<EvidenceInfo> evidence = c.store.evidence(h, c.id());
                List<ScanSummary> scans = c.store.scans(h, c.id());
                var feeds = c.store.feeds(h, c.id());
                out.printf(Locale.ROOT, "Devices: %d; evidence items: %d (%d scanned at least once); feeds: %d; scans: %d%n",
                        devices.size(), evidence.size(), evidence.stream().filter(e -> scans.stream().anyMatch(s -> s.evidenceId().equals(e.id()))).count(),
                        feeds.size(), scans.size());
                for (var f : feeds) out.println("  feed " + f.fileName() + " " + f.sha256() + " (" + f.indicators() + " indicators)");
                Ledger.head(h, c.id()).ifPresent(e -> out.println("Ledger: " + e.seq() + " entries; head " + e.entryHash()
                        + (e.tsaToken() == null ? "" : " (time-stamped)")));
                return null;
            });
            out.flush();
            return 0;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
