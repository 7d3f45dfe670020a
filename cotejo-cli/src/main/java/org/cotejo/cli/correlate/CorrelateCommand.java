package org.cotejo.cli.correlate;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cotejo.cli.check.OutputFolder;
import org.cotejo.cli.iocs.FeedOptions;
import org.cotejo.cli.iocs.LoadedFeeds;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.Correlator;
import org.cotejo.correlation.enrich.Enrichment;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.output.CorrelationOutputs;
import org.cotejo.correlation.output.Summary;
import org.cotejo.report.assemble.CaseDevices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `cotejo correlate`: which of the examined infections share a single source. */
@Command(name = "correlate",
        header = "Group infections into single-source hypotheses, with evidence and calibrated likelihood ratios.",
        description = {
            "Reads the devices (case folders; check output folders, MVT results folders, device-evidence.json files;",
            "prefix a path with GROUP= to say which case or country it belongs to), matches results folders' records",
            "against the feeds (cases keep the matches of their pinned feeds),",
            "and weighs, for each pair of targeted devices, the evidence for 'the same operator targeted both'",
            "against 'different operators of the same tool': operator-level items (delivery domains, attacker",
            "accounts, dedicated servers) raise it, tool-level items (process names, implant paths) never do, shared",
            "hosting counts weakly, values seen everywhere or on warning lists not at all. Offline enrichment files",
            "(passive DNS, WHOIS, TLS, prefix to ASN) add infrastructure links. Writes clusters.json, links.json and",
            "pivots.json (see docs/correlation.md) and prints a summary. Nothing is looked up on the network."},
        footer = {"", "Examples:",
            "  cotejo correlate --case ES=/cases/es-2024-001 --case FR=/cases/fr-eio-17 --out comparison/",
            "  cotejo correlate --findings ES=es/minister-1 --findings ES=es/minister-2 --findings FR=fr/ --out comparison/",
            "  cotejo correlate --findings world/devices --enrichment world/enrichment --iocs world/published-feed.stix2.json --out out/",
            "  cotejo correlate --findings results/ --level 'v4_validation_domains.txt=operator' --decisions pivots-reviewed.json --out out/"},
        mixinStandardHelpOptions = true)
public final class CorrelateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--case", paramLabel = "[GROUP=]DIR",
            description = {"A case folder (`cotejo case create`): its scanned devices, their stored observations, detections",
                "and verdicts. The group defaults to the case's reference. Repeatable."})
    List<String> cases = new ArrayList<>();

    @Option(names = "--findings", paramLabel = "[GROUP=]PATH",
            description = {"A device's results (a `cotejo check --out` folder, an MVT results folder, a device-evidence.json),",
                "or a folder of them. Repeatable."})
    List<String> findings = new ArrayList<>();

    @Mixin
    FeedOptions feeds;

    @Option(names = "--enrichment", paramLabel = "FILE|DIR", description = "Passive DNS, WHOIS, TLS or prefix-to-ASN files (CSV or JSON Lines; see docs/enrichment.md). Repeatable.")
    List<Path> enrichment = new ArrayList<>();

    @Mixin
    CorrelationFlags correlation;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Write clusters.json, links.json and pivots.json here (a new or empty folder).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter w = spec.commandLine().getOut();
        CorrelationOptions options = correlation.options();
        List<Path> inputs = new ArrayList<>();
        if (findings.isEmpty() && cases.isEmpty()) throw new CotejoException("give the devices to compare: --case DIR and/or --findings PATH");
        for (String f : findings) inputs.add(Grouped.parse(f).path());
        for (String c : cases) inputs.add(Grouped.parse(c).path());
        inputs.addAll(enrichment);
        OutputFolder folder = out == null ? null : OutputFolder.prepare(out, inputs);
        try {
            LoadedFeeds loaded = LoadedFeeds.load(feeds);
            List<DeviceEvidence> devices = new ArrayList<>();
            for (String c : cases) {
                Grouped g = Grouped.parse(c);
                devices.addAll(CaseDevices.load(g.group(), g.path(), err));
            }
            List<Path> traffic = new ArrayList<>();
            for (String f : findings) {
                Grouped g = Grouped.parse(f);
                devices.addAll(DeviceSources.load(g.group(), g.path(), loaded, err, traffic));
            }
            if (devices.isEmpty()) throw new CotejoException("no scanned devices or device results found in the cases and folders given");
            Enrichment facts = EnrichmentInput.load(enrichment, traffic, err);
            CorrelationResult result = Correlator.correlate(devices, facts, options);
            if (folder != null) {
                CorrelationOutputs.write(folder.writing(), result);
                folder.commit();
            }
            w.print(Summary.text(result));
            if (!traffic.isEmpty()) {
                w.println("Traffic enrichment: " + traffic.size() + " file" + (traffic.size() == 1 ? "" : "s")
                        + " of DNS answers and certificates seen in network evidence, read from the results folders ("
                        + org.cotejo.correlation.traffic.TrafficEnrichment.FOLDER + "/)");
            }
            if (folder != null) w.println("Results: " + folder.target());
            w.flush();
            return 0;
        } catch (Exception | Error e) {
            if (folder != null) folder.discard();
            throw e;
        }
    }

    /** "ES=path" or "path"; the prefix is a group only when it has no path separator. */
    public record Grouped(String group, Path path) {
        public static Grouped parse(String arg) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                String g = arg.substring(0, eq);
                if (!g.contains("/") && !g.contains("\\") && !Files.exists(Path.of(arg))) return new Grouped(g, Path.of(arg.substring(eq + 1)));
            }
            return new Grouped("", Path.of(arg));
        }
    }
}
