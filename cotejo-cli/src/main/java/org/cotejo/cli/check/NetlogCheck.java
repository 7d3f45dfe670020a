package org.cotejo.cli.check;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.network.netlog.NetlogFiles;
import org.cotejo.forensics.network.netlog.NetlogFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `cotejo check netlog`: a DNS-resolver or proxy log, with a documented column mapping. */
@Command(name = "netlog",
        header = "Check a DNS-resolver or proxy log (CSV with a header, JSON lines, or Squid's access.log).",
        description = {"Formats (docs/checking.md): dns-csv (columns time,client,query,type,answer), proxy-csv",
            "(time,client,method,url,status,dest_ip,user_agent[,host]), squid (native access.log) and json (JSON lines;",
            "name the fields with --map). --map role=column renames any column; roles: time, client, domain, url,",
            "dest_ip, user_agent, type, answer, method, status. Times: epoch seconds or milliseconds, or ISO-8601",
            "(UTC when it has no offset). Without --format, a cotejo-netlog.json beside the logs or the first line decides.",
            "A line with an unreadable time or broken syntax is skipped, counted and its first examples listed."},
        footer = {"", "Examples:",
            "  cotejo check netlog resolver-queries.csv --format dns-csv --iocs pegasus.stix2 --out results/",
            "  cotejo check netlog dns.jsonl --format json --map time=ts --map client=src_ip --map domain=qname --map answer=answers"},
        mixinStandardHelpOptions = true)
final class NetlogCheck implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..1", description = "The log file, or a folder of logs of one format (read in name order).")
    Path path;

    @Option(names = "--format", paramLabel = "FORMAT", description = "dns-csv, proxy-csv, squid or json.")
    String format;

    @Option(names = "--map", paramLabel = "ROLE=COLUMN", description = "Which column holds a role (repeatable); an empty column drops the role.")
    Map<String, String> map = new LinkedHashMap<>();

    @Mixin
    CheckOptions options;

    @Mixin
    DeviceOptions devices;

    @Override
    public Integer call() throws Exception {
        if (format == null && !map.isEmpty()) throw new org.cotejo.core.CotejoException("--map needs --format");
        NetlogFormat f = format == null ? null : NetlogFormat.of(format, map);
        return CheckRun.execute(spec, EvidenceKind.NETLOG, path, options, devices.attach(p -> NetlogFiles.open(p, f)), devices.source());
    }
}
