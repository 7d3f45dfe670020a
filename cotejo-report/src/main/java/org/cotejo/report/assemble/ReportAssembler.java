package org.cotejo.report.assemble;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cotejo.core.Hashing;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.DeviceSummary;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.EvidenceEntry;
import org.cotejo.report.model.FeedEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.Mandate;
import org.cotejo.report.model.Method;
import org.cotejo.report.model.Report;
import org.cotejo.report.model.ReportMeta;
import org.cotejo.report.model.Side;
import org.cotejo.report.model.ToolEntry;

/**
 * Builds the {@link Report} of one run from its sides and the correlation of their devices. Pure: the
 * same sides, result and request give the same report, so two runs on the same inputs can be diffed.
 */
public final class ReportAssembler {
    private ReportAssembler() {}

    /**
     * What the caller states about the run.
     *
     * @param agency      the authority issuing the report, or "" for the agency of the first local case
     * @param mandate     the mandate, or {@link Mandate#notStated()}
     * @param language    "es", "fr" or "en"
     * @param tlp         the report's TLP 2.0 marking
     * @param generatedAt when (UTC)
     * @param toolVersion Cotejo's version
     * @param tools       the software used, with versions
     * @param runFeeds    the feeds the run itself loaded (correlation's matching of folders), besides the sides' own
     * @param reproduce   the command line that reproduces the report
     */
    public record Request(String agency, Mandate mandate, String language, String tlp, Instant generatedAt, String toolVersion,
                          List<ToolEntry> tools, List<FeedEntry> runFeeds, String reproduce) {
        public Request {
            tools = List.copyOf(tools);
            runFeeds = List.copyOf(runFeeds);
        }
    }

    /** Every device the sides hold, for correlation, in side order. */
    public static List<DeviceEvidence> devices(List<SideMaterial> sides) {
        List<DeviceEvidence> out = new ArrayList<>();
        for (SideMaterial s : sides) out.addAll(s.devices());
        return out;
    }

    public static Report assemble(Request request, List<SideMaterial> sides, CorrelationResult result) {
        Map<String, List<DeviceEntry>> entries = new LinkedHashMap<>();
        for (SideMaterial s : sides) for (DeviceEntry e : s.entries()) entries.computeIfAbsent(e.ref().id(), k -> new ArrayList<>()).add(e);
        List<DeviceEntry> devices = new ArrayList<>();
        List<String> limitations = new ArrayList<>();
        int undated = 0;
        for (DeviceSummary d : result.devices()) {
            DeviceEntry e = merge(d, entries.getOrDefault(d.device().id(), List.of()));
            if (e.timeline().isEmpty() && !e.findings().isEmpty()) undated++;
            devices.add(e);
        }
        if (undated > 0) limitations.add(undated + " device(s) with findings have no dated finding and no timeline");
        Map<String, FeedEntry> feeds = new TreeMap<>();
        for (FeedEntry f : request.runFeeds()) feeds.putIfAbsent(f.sha256(), f);
        for (SideMaterial s : sides) for (FeedEntry f : s.feeds()) feeds.putIfAbsent(f.sha256(), f);
        List<FeedEntry> feedList = new ArrayList<>(feeds.values());
        feedList.sort(Comparator.comparing(FeedEntry::name).thenComparing(FeedEntry::sha256));
        List<Side> sideList = sides.stream().map(SideMaterial::side).toList();
        Method method = new Method(result.options().linkLog10(), result.calibration(), ValidationFigures.shipped(), limitations);
        String groups = String.join(", ", new TreeSet<>(sideList.stream().map(Side::group).toList()));
        String agency = !request.agency().isEmpty() ? request.agency()
                : sideList.stream().filter(s -> s.origin().equals("case")).map(Side::agency).filter(a -> !a.isEmpty()).findFirst().orElse("");
        ReportMeta meta = new ReportMeta(reportId(sideList, devices, feedList, result), "Single-source comparison: " + groups, agency,
                request.generatedAt(), request.toolVersion(), request.language(), Report.SCHEMA_VERSION, request.tlp());
        return new Report(meta, request.mandate(), sideList, devices, feedList, request.tools(), method, result, request.reproduce());
    }

    /** One device's entries (one per extraction or side) as one: items and findings together, the verdict correlation used. */
    private static DeviceEntry merge(DeviceSummary d, List<DeviceEntry> parts) {
        if (parts.isEmpty()) return new DeviceEntry(d.device(), d.verdict(), "", List.of(), List.of(), List.of(), List.of());
        DeviceEntry first = parts.stream().min(Comparator.comparing(DeviceEntry::verdict)).orElseThrow();
        List<EvidenceEntry> evidence = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (DeviceEntry p : parts) {
            for (EvidenceEntry x : p.evidence()) if (!evidence.contains(x)) evidence.add(x);
            for (Finding f : p.findings()) if (!findings.contains(f)) findings.add(f);
        }
        findings = DeviceFindings.sorted(findings);
        return new DeviceEntry(d.device(), d.verdict(), first.rule(), first.reasons(), evidence, findings, DeviceFindings.timeline(findings));
    }

    /** "R-" and 16 hex digits of the SHA-256 of what the report rests on: sides, evidence items, feeds, options. */
    static String reportId(List<Side> sides, List<DeviceEntry> devices, List<FeedEntry> feeds, CorrelationResult result) {
        StringBuilder b = new StringBuilder();
        for (Side s : sides) b.append("side ").append(s.group()).append(' ').append(s.origin()).append(' ').append(s.caseId()).append('\n');
        for (DeviceEntry d : devices) {
            b.append("device ").append(d.ref().id()).append('\n');
            for (EvidenceEntry e : d.evidence()) b.append("  item ").append(e.sha256()).append(' ').append(e.name()).append('\n');
        }
        for (FeedEntry f : feeds) b.append("feed ").append(f.sha256()).append('\n');
        b.append("threshold ").append(result.options().linkLog10()).append('\n');
        return "R-" + Hashing.sha256(b.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
