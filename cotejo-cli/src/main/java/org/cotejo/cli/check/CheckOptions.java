package org.cotejo.cli.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.cli.iocs.FeedOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every `cotejo check` command takes. */
public final class CheckOptions {
    @Mixin
    FeedOptions feeds;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = {"Write results here (created; must be new or empty): <module>.json, <module>_detected.json,",
                "alerts.json, alerts_timeline.csv, timeline.csv and info.json as MVT writes them, plus",
                "findings.json and timeline.jsonl (Timesketch). Never inside the evidence."})
    Path out;

    @Option(names = "--fast", description = "Skip the slow filesystem-wide searches (missing process binaries, process names in paths).")
    boolean fast;

    @Option(names = {"-m", "--module"}, paramLabel = "NAME",
            description = "Run only this module (and what it depends on). Repeatable. See --list-modules.")
    List<String> modules = new ArrayList<>();

    @Option(names = "--records", paramLabel = "all|matched",
            description = {"Which records of traffic modules (Zeek, Suricata, netlog, capture DNS/TLS/HTTP/flows) go into",
                "<module>.json and the timeline: all, or only those that matched an indicator. Default: matched for",
                "zeek, suricata and netlog (an organisation's logs: millions of lines), all for everything else.",
                "Detections, alerts, findings.json and traffic-enrichment/ are the same either way."})
    String records;

    @Option(names = "--list-modules", description = "List the modules and heuristics for this evidence kind, then exit.")
    boolean listModules;
}
