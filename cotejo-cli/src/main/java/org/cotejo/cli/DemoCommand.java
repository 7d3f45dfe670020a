package org.cotejo.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.cotejo.cases.custody.InstallationKey;
import org.cotejo.cli.check.CheckRun;
import org.cotejo.cli.investigate.InvestigateCommand;
import org.cotejo.cli.investigate.Investigation;
import org.cotejo.cli.investigate.InvestigationSummary;
import org.cotejo.cli.iocs.FeedOptions;
import org.cotejo.core.CotejoException;
import org.cotejo.core.Folders;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.sim.DemoWorld;
import org.cotejo.correlation.sim.World;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.cotejo.indicators.update.DataDirectory;
import org.cotejo.report.model.Mandate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `cotejo demo`: a whole investigation on bundled sample data. The data is a small simulated world
 * ({@link DemoWorld}) written as real extractions. Each country's phones become a case (created, evidence
 * added, feed pinned); France scans its case and exports it for Spain as a signed exchange package; the
 * investigation scans the Spanish case and verifies and reads the French package: the whole flow between
 * two authorities, played by this one installation.
 */
@Command(name = "demo",
        header = "Run a whole investigation on a small simulated two-country world and write its report.",
        description = {"Writes a simulated world of a dozen phones (two operators of spyware, one of them active in Spain and",
            "France, a journalist who only visited a spyware site, clean phones) as real iPhone backups and AndroidQF",
            "collections, with the world's published indicator feed and enrichment files; makes each country's phones a",
            "case; has France scan its case and export it for Spain (`cotejo case export`, a signed exchange package);",
            "then runs `cotejo investigate` on the Spanish case and the French package. Everything goes into the",
            "output folder (input/ holds the sample data); nothing is opened and nothing is fetched. Prints where the report is."},
        footer = {"", "Examples:", "  ./cotejo demo", "  ./cotejo demo --out /tmp/demo --lang es"},
        mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {
    static final String SPAIN = "Demo national cryptology centre (ES)";
    static final String FRANCE = "Demo national cybersecurity agency (FR)";

    /** A file only the demo writes, so a rerun may replace its own earlier output without --force. */
    static final String MARKER = "input/world/truth.json";

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "cotejo-demo", description = "Where to write (default: ./${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "Language of the report: es, fr or en (default ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--force", description = "Replace --out when it exists, is not empty and is not an earlier demo's output.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String language = InvestigateCommand.checkedLanguage(lang);
        Path target = out.toAbsolutePath().normalize();
        clear(target);
        long started = System.nanoTime();
        try {
            Path input = Files.createDirectories(target.resolve("input"));
            err.println("Writing the demo world (seed " + DemoWorld.SEED + ", " + DemoWorld.DEVICES + " phones) as real extractions into " + input);
            err.flush();
            World world = DemoWorld.generate();
            Path worldDir = DemoWorld.write(world, input.resolve("world"));
            Path feed = worldDir.resolve(world.feed().fileName());
            Path fr = input.resolve("packages").resolve("FR-for-ES");
            // The two authorities work side by side: France builds, scans and exports its case while Spain builds its own.
            // The installation key is made first, so the two do not both create it.
            InstallationKey.open(DataDirectory.resolve().resolve("keys"));
            err.println("ES and FR: building the two cases; FR scans its case and exports it for Spain (input/packages/FR-for-ES)");
            err.flush();
            CompletableFuture<Void> france = CompletableFuture.runAsync(() -> {
                Path frCase = localCase(world, worldDir, input.resolve("cases").resolve("FR"), feed, "FR", FRANCE, "DEMO-FR EIO-1/2026");
                run("case", "scan", "-C", frCase.toString(), "--analyst", "Demo analyst (FR)");
                run("case", "export", "-C", frCase.toString(), "--for", SPAIN, "--tlp", "amber", "--out", fr.toString(), "--analyst",
                        "Demo analyst (FR)");
            });
            Path es = localCase(world, worldDir, input.resolve("cases").resolve("ES"), feed, "ES", SPAIN, "DEMO-ES DP 1/2026");
            try {
                france.join();
            } catch (java.util.concurrent.CompletionException x) {
                if (x.getCause() instanceof RuntimeException r) throw r;
                throw x;
            }
            List<Investigation.Input> inputs = List.of(new Investigation.Input("ES", es, "input/cases/ES"),
                    new Investigation.Input("FR", fr, "input/packages/FR-for-ES"));
            List<String> command = List.of("cotejo", "investigate", "--case", "ES=input/cases/ES", "--case", "FR=input/packages/FR-for-ES", "--iocs",
                    "input/world/" + world.feed().fileName(), "--enrichment", "input/world/enrichment", "--mandate", "(the demo's)",
                    "--agency", "'" + SPAIN + "'", "--lang", language, "--out", ".");
            var settings = new Investigation.Settings(inputs, FeedOptions.of(List.of(feed)), List.of(worldDir.resolve("enrichment")),
                    CorrelationOptions.defaults(), SPAIN, mandate(), language, "amber", "Demo analyst", command,
                    PasswordSource.none());
            Path writing = Files.createTempDirectory(target, ".report.partial-");
            Investigation.Outcome o = Investigation.run(settings, writing, target, err);
            try (Stream<Path> s = Files.list(writing)) {
                for (Path p : s.sorted().toList()) Files.move(p, target.resolve(p.getFileName()));
            }
            Files.delete(writing);
            InvestigationSummary.print(w, o.report(), target);
            w.printf(Locale.ROOT, "Demo done in %.1f s; the sample data is in %s%n", (System.nanoTime() - started) / 1e9, input);
            w.flush();
            return 0;
        } catch (Exception | Error e) {
            Folders.delete(target);
            throw e;
        }
    }

    /** Refuses a folder with other content unless --force; an earlier demo's output is replaced. */
    private void clear(Path target) throws IOException {
        if (!Files.exists(target)) return;
        if (!Files.isDirectory(target)) throw new CotejoException("--out " + out + " exists and is not a folder");
        boolean empty;
        try (Stream<Path> s = Files.list(target)) {
            empty = s.findAny().isEmpty();
        }
        if (empty) return;
        if (!force && !Files.isRegularFile(target.resolve(MARKER))) {
            throw new CotejoException("--out " + out + " is not empty and holds no earlier demo; choose a new folder or give --force");
        }
        Folders.delete(target);
    }

    /** One country's phones as a case: created, each phone a device with its extraction as evidence, the world's feed pinned. */
    private static Path localCase(World world, Path worldDir, Path dir, Path feed, String country, String agency, String reference) {
        String analyst = "Demo analyst (" + country + ")";
        run("case", "create", dir.toString(), "--agency", agency, "--reference", reference, "--name", country + " demo",
                "--legal-basis", "court order", "--legal-basis-ref", reference, "--analyst", analyst);
        int n = 1;
        for (DeviceEvidence d : world.devices()) {
            if (!d.device().group().equals(country)) continue;
            String label = d.device().label();
            run("case", "add-device", "-C", dir.toString(), "--label", label, "--platform", d.device().platform(),
                    "--pseudonym", String.format(Locale.ROOT, "%s person %02d", country, n++), "--analyst", analyst);
            run("case", "add-evidence", "-C", dir.toString(), "--device", label, extraction(worldDir, d).toString(),
                    "--acquired-by", analyst, "--acquired-at", "2024-06-30T10:00:00+02:00", "--method",
                    d.device().platform().equals("ios") ? "logical backup (simulated)" : "AndroidQF collection (simulated)",
                    "--analyst", analyst);
        }
        run("case", "add-iocs", "-C", dir.toString(), feed.toString(), "--analyst", analyst);
        return dir;
    }

    private static Path extraction(Path worldDir, DeviceEvidence d) {
        return worldDir.resolve("devices").resolve(d.device().label()).resolve(d.device().platform().equals("ios") ? "ios-backup" : "androidqf");
    }

    private static Mandate mandate() {
        return new Mandate("Demo court of first instance no. 1", "DP 1/2026 (demo)", "European Investigation Order EIO-DEMO-1 (simulated)",
                "Demo investigating judge", "Demo national cryptology centre, forensic laboratory", Instant.parse("2026-01-15T00:00:00Z"),
                List.of("Were the Spanish and French devices infected with spyware?",
                        "Do the infections share a single source (the same operator)?"));
    }

    /** One step of preparing the sample cases, through the same commands a user types; a failure stops the demo with its message. */
    private static void run(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(sink, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8));
        // `case scan` exits 3 when it finds something serious: in a demo about spyware, it does.
        if (code != 0 && code != CheckRun.FOUND_HIGH) {
            String said = errors.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("cotejo: "))
                    .map(l -> l.substring("cotejo: ".length())).reduce((a, b) -> b).orElse("exit code " + code);
            throw new CotejoException("the demo failed at `cotejo " + String.join(" ", new ArrayList<>(List.of(args)).subList(0, 2))
                    + "`: " + said);
        }
    }
}
