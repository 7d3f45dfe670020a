package org.cotejo.cli.exchange;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cotejo.report.exchange.ExchangePackages;
import org.cotejo.report.exchange.Manifest;
import org.cotejo.report.exchange.PackageHeader;
import org.cotejo.report.exchange.PackageVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify",
        header = "Check an exchange package: its signature, every file's size and SHA-256, and that it holds nothing else.",
        description = {"Nothing is written. Exits 0 with a summary when the package verifies, 2 with one line naming the",
            "problem (and the file) when it does not. Pin the sender's key with --expect-key, using the key id the",
            "sender gave you through another channel: a package signed with another key is then refused."},
        footer = {"", "Example:", "  cotejo package verify received/fr-2024 --expect-key 3fa2c41b09d7e8a1"},
        mixinStandardHelpOptions = true)
final class VerifyPackage implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The package folder.")
    Path dir;

    @Option(names = "--expect-key", paramLabel = "KEYID",
            description = "The sender's key id (SHA-256 of its public key; at least the first 16 hex digits).")
    String expectKey;

    @Override
    public Integer call() {
        PackageVerifier.Verified v = ExchangePackages.verify(dir, expectKey);
        var out = spec.commandLine().getOut();
        Manifest m = v.manifest();
        PackageHeader h = m.header();
        out.println("Verified exchange package " + v.folder());
        out.println("  sender      " + h.sender());
        out.println("  recipient   " + h.recipient());
        out.println("  TLP         " + h.tlp().label());
        out.println("  created     " + h.createdAt() + " (UTC)");
        out.println("  case        " + h.caseName() + " (" + h.caseId() + "), reference " + h.reference());
        if (!h.instrument().isEmpty()) out.println("  instrument  " + h.instrument());
        out.println("  tool        Cotejo " + h.toolVersion());
        out.println("  key id      " + m.keyId() + (expectKey == null
                ? "  (not pinned: confirm it with the sender, then use --expect-key)" : "  (as expected)"));
        out.printf(Locale.ROOT, "  files       %d, %,d bytes, every SHA-256 checked%n", m.files().size(), v.bytes());
        out.println("  manifest    SHA-256 " + v.manifestSha256());
        out.flush();
        return 0;
    }
}
