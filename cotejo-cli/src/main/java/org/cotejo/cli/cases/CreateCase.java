package org.cotejo.cli.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.cotejo.cases.CaseInfo;
import org.cotejo.cases.LegalBasis;
import org.cotejo.cases.custody.LedgerAction;
import org.cotejo.cases.folder.CaseFolder;
import org.cotejo.cases.store.CaseStore;
import org.cotejo.cli.Version;
import org.cotejo.core.CotejoException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "create", header = "Create a case in a new folder.",
        footer = {"", "Examples:",
            "  cotejo case create cases/es-2024 --agency CCN-CERT --reference 'JCI 4, DP 67/2024' \\",
            "      --legal-basis 'European Investigation Order' --legal-basis-ref EIO-2024-118 \\",
            "      --requesting-authority 'Tribunal judiciaire de Paris' --executing-authority 'Juzgado Central de Instrucción 4'",
            "  COTEJO_DB_PASSWORD=... cotejo case create cases/team --agency ANSSI --reference X \\",
            "      --db jdbc:postgresql://db.lab:5432/cotejo --db-user cotejo"},
        mixinStandardHelpOptions = true)
final class CreateCase implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The new case folder (must not exist, or be empty).")
    Path dir;

    @Option(names = "--agency", required = true, description = "The agency that owns the case.")
    String agency;

    @Option(names = "--reference", required = true, description = "Court and proceedings number.")
    String reference;

    @Option(names = "--name", description = "Short name (default: the folder name).")
    String name;

    @Option(names = "--legal-basis", paramLabel = "TYPE", description = "e.g. 'European Investigation Order', 'court order'.")
    String legalType;

    @Option(names = "--legal-basis-ref", paramLabel = "REF", description = "Reference of the legal basis.")
    String legalRef;

    @Option(names = "--requesting-authority", paramLabel = "WHO")
    String requesting;

    @Option(names = "--executing-authority", paramLabel = "WHO")
    String executing;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "Keep the case in PostgreSQL (jdbc:postgresql://host:port/db); password from COTEJO_DB_PASSWORD.")
    String db;

    @Option(names = "--db-user", paramLabel = "USER")
    String dbUser;

    @Option(names = "--analyst", paramLabel = "NAME", description = "Who creates it (default: COTEJO_ANALYST, else the system user).")
    String analyst;

    @Override
    public Integer call() throws Exception {
        boolean existed = Files.exists(dir);
        String id = UUID.randomUUID().toString();
        CaseFolder folder = CaseFolder.create(dir, id, db, dbUser);
        try (CaseStore store = CaseStore.open(folder.jdbcUrl(), folder.user(), folder.password())) {
            CaseOptions o = new CaseOptions();
            o.analyst = analyst;
            String who = o.analyst();
            LegalBasis basis = legalType == null && legalRef == null ? null
                    : new LegalBasis(legalType, legalRef, requesting, executing, null);
            CaseInfo info = new CaseInfo(id, name != null ? name : folder.root().getFileName().toString(), agency, reference, basis,
                    Instant.now(), who, Version.current());
            var ledger = OpenCase.ledger();
            var entry = store.transaction(h -> {
                store.createCase(h, info);
                return ledger.append(h, id, LedgerAction.CREATE, who, String.join(" ", CaseCommand.commandLine(spec)),
                        Map.of("agency", agency, "reference", reference), Map.of("case_id", id, "database", store.describe()));
            });
            var out = spec.commandLine().getOut();
            out.println("Created case " + info.name() + " (" + id + ") in " + folder.root() + ", database " + store.describe());
            out.println("Ledger entry " + entry.seq() + " signed with key " + entry.keyId().substring(0, 16) + "…");
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            if (!existed) org.cotejo.core.Folders.delete(dir);
            else cleanOut(dir);
            if (e instanceof CotejoException) throw e;
            throw e;
        }
    }

    /** Removes what `create` put into a folder that existed (empty) before, leaving the folder itself. */
    private static void cleanOut(Path dir) {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) org.cotejo.core.Folders.delete(p);
        } catch (java.io.IOException e) {
            // nothing half-made is referenced anywhere; best effort
        }
    }
}
