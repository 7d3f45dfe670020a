package org.cotejo.cli.exchange;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `cotejo package`: exchange packages between authorities. */
@Command(name = "package",
        header = "Exchange packages between authorities: signed folders of findings, indicators and reports.",
        description = {
            "A package is a folder: the payload files, manifest.json (sender, recipient, TLP, case, the sender's public key",
            "and the SHA-256 of every file) and manifest.sig (the sender's Ed25519 signature of manifest.json).",
            "`cotejo case export` writes one; `cotejo case import-package` loads one as a read-only foreign case."},
        subcommands = {VerifyPackage.class},
        footer = {"", "Examples:",
            "  cotejo package verify received/fr-2024",
            "  cotejo package verify received/fr-2024 --expect-key 3fa2c41b09d7e8a1"},
        mixinStandardHelpOptions = true)
public final class PackageCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
