package org.cotejo.cli.cases;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `cotejo case`: cases, their evidence, scans and the custody ledger. */
@Command(name = "case",
        header = "Keep a case: devices, evidence with the hash of every file, pinned feeds, scans, and a signed custody ledger.",
        description = {
            "A case is a folder with an embedded database (or a PostgreSQL database for a team, --db at creation).",
            "Every action is appended to the case's custody ledger: hash-chained, signed with this installation's",
            "Ed25519 key, optionally time-stamped by an RFC 3161 authority. `cotejo case verify` checks it all."},
        subcommands = {CreateCase.class, AddDevice.class, AddEvidence.class, AddIocs.class, ScanCase.class, CaseStatus.class,
            ListDevices.class, ListDetections.class, VerifyCase.class, CaseLog.class, TimestampCase.class, ExportCase.class,
            ImportPackage.class},
        footer = {"", "Examples:",
            "  cotejo case create cases/es-2024 --agency CCN-CERT --reference 'JCI 4, DP 67/2024' --analyst 'Analyst 7'",
            "  cotejo case add-device -C cases/es-2024 --label ES-01 --platform ios --pseudonym 'Minister A'",
            "  cotejo case add-evidence -C cases/es-2024 --device ES-01 --copy ~/backups/00008030-001A",
            "  cotejo case add-iocs -C cases/es-2024 pegasus.stix2",
            "  cotejo case scan -C cases/es-2024",
            "  cotejo case verify -C cases/es-2024",
            "  cotejo case export -C cases/es-2024 --for ANSSI --tlp amber --out to-france/",
            "  cotejo case import-package received/fr-2024 --case cases/fr-received --expect-key 3fa2c41b09d7e8a1"},
        mixinStandardHelpOptions = true)
public final class CaseCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line as typed, for the ledger. */
    static List<String> commandLine(CommandSpec spec) {
        List<String> out = new ArrayList<>();
        out.add("cotejo");
        CommandSpec s = spec;
        List<String> names = new ArrayList<>();
        while (s != null && s.parent() != null) {
            names.add(0, s.name());
            s = s.parent();
        }
        out.addAll(names);
        for (String a : spec.commandLine().getParseResult().originalArgs()) {
            if (names.contains(a)) continue;
            out.add(a.isEmpty() || a.matches(".*[\\s'\"$`\\\\].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return out;
    }
}
