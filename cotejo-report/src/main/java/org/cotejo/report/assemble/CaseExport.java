package org.cotejo.report.assemble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.output.CorrelationOutputs;
import org.cotejo.report.exchange.DevicePayload;
import org.cotejo.report.exchange.PackageFile;
import org.cotejo.report.exchange.SharingFilter;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.Side;

/**
 * What `cotejo case export` puts in an exchange package besides the manifest and signature: the case as
 * the sharing rules let it leave (pseudonymous devices, matches kept, personal content out), the report
 * files written from that, each device's evidence and findings, and the feeds the case pinned.
 */
public final class CaseExport {
    private CaseExport() {}

    /**
     * The side as it may leave: each device's evidence and entry through the filter; the custody head kept
     * (the recipient may quote it) but not the ledger excerpt, whose command lines name the sender's paths.
     */
    public static SideMaterial shared(SideMaterial s, SharingFilter filter) {
        List<DeviceEvidence> devices = s.devices().stream().map(filter::evidence).toList();
        List<DeviceEntry> entries = s.entries().stream().map(filter::entry).toList();
        Side side = s.side();
        Side.Custody c = side.custody();
        Side kept = new Side(side.group(), side.origin(), "", side.caseId(), side.caseName(), side.agency(), side.reference(),
                side.legalBasis(), side.sender(), c == null ? null : new Side.Custody(c.entries(), c.headHash(), c.verified(), List.of()));
        return new SideMaterial(kept, devices, entries, s.feeds());
    }

    /**
     * The payload files.
     *
     * @param shared     the side as {@link #shared} gave it
     * @param reportDir  a folder holding the report files written from {@code shared} and the correlation's files
     * @param feedFiles  the case's pinned feed files
     */
    public static List<PackageFile> files(SideMaterial shared, Path reportDir, List<Path> feedFiles) throws IOException {
        List<PackageFile> out = new ArrayList<>();
        List<Path> written;
        try (var s = Files.list(reportDir)) {
            written = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        for (Path p : written) out.add(PackageFile.copyOf(p.getFileName().toString(), role(p.getFileName().toString()), p));
        for (DeviceEvidence d : shared.devices()) out.add(DevicePayload.evidence(d));
        for (DeviceEntry e : shared.entries()) out.add(DevicePayload.findings(e));
        Set<String> names = new HashSet<>();
        for (Path f : feedFiles) out.add(PackageFile.copyOf("feeds/" + unique(safe(f.getFileName().toString()), names), PackageFile.ROLE_FEED, f));
        return out;
    }

    /** The role of a report file, by its name. */
    static String role(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("report.json")) return PackageFile.ROLE_REPORT;
        if (n.endsWith(".html") || n.endsWith(".pdf")) return PackageFile.ROLE_REPORT_DOCUMENT;
        if (n.contains("stix")) return PackageFile.ROLE_STIX;
        if (n.contains("misp")) return PackageFile.ROLE_MISP;
        if (n.contains("timeline") || n.contains("timesketch")) return PackageFile.ROLE_TIMELINE;
        if (List.of(CorrelationOutputs.CLUSTERS, CorrelationOutputs.LINKS, CorrelationOutputs.PIVOTS).contains(name)) return "correlation";
        return "report-file";
    }

    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int k = 2; !used.add(n); k++) n = name + "-" + k;
        return n;
    }
}
