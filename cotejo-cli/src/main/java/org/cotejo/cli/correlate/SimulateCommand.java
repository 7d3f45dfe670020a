package org.cotejo.cli.correlate;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.sim.DeviceTruth;
import org.cotejo.correlation.sim.World;
import org.cotejo.correlation.sim.WorldGenerator;
import org.cotejo.correlation.sim.WorldSpec;
import org.cotejo.correlation.sim.WorldWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `cotejo simulate`: a world of spyware operators and their targets, with ground truth. */
@Command(name = "simulate",
        header = "Write a simulated world of spyware operators, their targets and ground truth.",
        description = {
            "Two vendors, several operators each with their own infrastructure (domains with naming themes,",
            "registration bursts, hosting shared across a vendor's operators, TLS keys, attacker accounts, lure",
            "SMS), tool-wide traces shared by all operators of a vendor, targets in several countries (one operator",
            "in two countries, two operators in one country) and noise (benign browsing, CDNs, journalists who only",
            "visited spyware domains, an app named like a spyware process, infections seen only through unknown",
            "domains, phones examined twice). Writes truth.json, the published feed (STIX 2.1), the enrichment files",
            "(passive DNS, WHOIS, TLS, prefix to ASN), one device-evidence.json per extraction and, for worlds of at",
            "most 50 phones, real-format extractions (iOS backups, AndroidQF collections). Same seed, same bytes."},
        footer = {"", "Examples:",
            "  cotejo simulate --seed 7 --devices 40 --out world/",
            "  cotejo simulate --seed 1 --devices 10000 --operators 6 --countries ES,FR,DE,MX --out big-world/"},
        mixinStandardHelpOptions = true)
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--devices", defaultValue = "40", description = "Phones (default ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--operators", defaultValue = "5", description = "Operators per vendor (default ${DEFAULT-VALUE}).")
    int operators;

    @Option(names = "--countries", split = ",", paramLabel = "CC", description = "Countries of the targets (default: ES,FR,MX,HU,MA,IN).")
    List<String> countries = new ArrayList<>();

    @Option(names = "--no-extractions", description = "Write only device-evidence.json files, even for a small world.")
    boolean noExtractions;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "A new or empty folder to write the world into.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && (!Files.isDirectory(out) || hasEntries(out))) {
            throw new CotejoException(out + " already exists and is not an empty folder; give a new folder for the world");
        }
        WorldSpec s = WorldSpec.hard(seed, devices).withOperatorsPerVendor(operators);
        if (!countries.isEmpty()) s = s.withCountries(countries.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).toList());
        World world;
        try {
            world = WorldGenerator.generate(s);
        } catch (IllegalArgumentException e) {
            throw new CotejoException("cannot simulate that world: " + e.getMessage());
        }
        boolean extractions = !noExtractions && world.truth().devices().size() <= WorldWriter.MAX_DEVICES_WITH_EXTRACTIONS;
        WorldWriter.write(world, out, extractions);
        PrintWriter w = spec.commandLine().getOut();
        long targeted = world.truth().devices().stream().filter(d -> d.kind() == DeviceTruth.Kind.TARGETED).count();
        w.printf(Locale.ROOT, "Simulated %d phones (%d extractions; %d targeted) of %d operators in %s, seed %d%n",
                world.truth().devices().size(), world.devices().size(), targeted, world.truth().operators().size(),
                String.join(", ", s.countries()), seed);
        w.printf("Wrote %s: truth.json, %s, enrichment/, devices/%s%n", out, world.feed().fileName(),
                extractions ? " (with real-format extractions)" : "");
        w.flush();
        return 0;
    }

    private static boolean hasEntries(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }
}
