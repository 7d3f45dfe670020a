package org.cotejo.cli.cases;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of every `cotejo case` command that works on an existing case. */
public final class CaseOptions {
    @Option(names = {"-C", "--case"}, paramLabel = "DIR", defaultValue = ".",
            description = "The case folder (default: the current folder).")
    Path caseDir;

    @Option(names = "--analyst", paramLabel = "NAME",
            description = "Who is acting, as recorded in the custody ledger (default: COTEJO_ANALYST, else the system user).")
    String analyst;

    String analyst() {
        if (analyst != null && !analyst.isBlank()) return analyst.strip();
        String env = System.getenv("COTEJO_ANALYST");
        return env != null && !env.isBlank() ? env.strip() : System.getProperty("user.name");
    }
}
