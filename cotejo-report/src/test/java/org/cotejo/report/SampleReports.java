package org.cotejo.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.Correlator;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.correlation.sim.World;
import org.cotejo.correlation.sim.WorldGenerator;
import org.cotejo.correlation.sim.WorldSpec;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.EvidenceEntry;
import org.cotejo.report.model.FeedEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.Mandate;
import org.cotejo.report.model.Method;
import org.cotejo.report.model.Report;
import org.cotejo.report.model.ReportMeta;
import org.cotejo.report.model.Side;
import org.cotejo.report.model.TimelinePoint;
import org.cotejo.report.model.ToolEntry;

/**
 * Reports for renderer tests, made from a small simulated two-country world (ES and FR) correlated by
 * the real correlator: the clusters, links and pivots are the ones Cotejo computes, and the world's
 * truth says what they should be.
 */
public final class SampleReports {
    private SampleReports() {}

    public static final Instant GENERATED = Instant.parse("2026-11-28T10:00:00Z");

    /** The simulated world behind {@link #twoCountries}. */
    public static World world(long seed, int devices) {
        WorldSpec spec = WorldSpec.hard(seed, devices).withOperatorsPerVendor(2).withCountries(List.of("ES", "FR"));
        return WorldGenerator.generate(spec);
    }

    /** A report on a 40-device two-country world. */
    public static Report twoCountries() {
        return of(world(7, 40), "en");
    }

    public static Report of(World world, String language) {
        CorrelationResult result = Correlator.correlate(world.devices(), world.enrichment(), CorrelationOptions.defaults());
        Map<String, DeviceEvidence> evidence = world.devices().stream()
                .collect(Collectors.toMap(d -> d.device().id(), Function.identity(), (a, b) -> a));
        List<DeviceEntry> devices = new ArrayList<>();
        for (var summary : result.devices()) {
            DeviceEvidence e = evidence.get(summary.device().id());
            List<Finding> findings = new ArrayList<>();
            List<TimelinePoint> points = new ArrayList<>();
            if (e != null) {
                for (Sighting s : e.sightings()) {
                    for (MatchRef m : s.matches()) {
                        findings.add(new Finding("detection", "high", m.disposition().label(), s.trace().label(), "SimulatedModule",
                                s.value().type().key(), s.value().value(), s.value().value(), m.indicatorId(), m.collection(),
                                m.feedSha256(), "exact", "sim/" + summary.device().label() + ".db", "", "row 1", s.firstSeen(),
                                "\"" + s.value().value() + "\" matches " + m.collection(), m.threat()));
                        if (s.firstSeen() != null) {
                            points.add(new TimelinePoint(s.firstSeen(), "high", s.trace().label(), s.value().type().key() + " " + s.value().value()));
                        }
                    }
                }
            }
            points.sort(Comparator.comparing(TimelinePoint::time));
            devices.add(new DeviceEntry(summary.device(), summary.verdict(), "sample-rule", List.of("simulated"),
                    List.of(new EvidenceEntry("ev-" + summary.device().label(), summary.device().platform().equals("android") ? "androidqf" : "ios-backup",
                            summary.device().label() + ".zip", "00".repeat(32), 12, 123_456, "Analyst", GENERATED.minusSeconds(86_400),
                            "logical acquisition", "sample 1.0")),
                    findings, points));
        }
        var meta = new ReportMeta("sample-report", "Sample comparison", "Sample Agency", GENERATED, "0.1.0-test", language,
                Report.SCHEMA_VERSION, "amber");
        var mandate = new Mandate("Juzgado Central de Instrucción nº 4", "DP 0000/2026", "European Investigation Order 2026/0001",
                "Audiencia Nacional", "Sample Laboratory", Instant.parse("2026-10-01T00:00:00Z"),
                List.of("Do the infections of the Spanish and French devices share a single source?"));
        var sides = List.of(
                new Side("ES", "case", "cases/es", "case-es", "Ministers", "CCN-CERT", "ES-1", "court order DP 0000/2026", "",
                        new Side.Custody(3, "ab".repeat(32), true, List.of(
                                new Side.LedgerLine(1, "2026-10-02T09:00:00Z", "create-case", "analyst", "cotejo case create", "cd".repeat(32))))),
                new Side("FR", "package", "packages/fr", "case-fr", "Journalists", "ANSSI", "EIO 2026/0001", "", "key ef…: verified", null));
        var feed = world.feed();
        var feeds = List.of(new FeedEntry("published.stix2", "12".repeat(32), "stix2", "simulated", GENERATED, 10, "by type"));
        var tools = List.of(new ToolEntry("Cotejo", "0.1.0-test", "analysis"), new ToolEntry("Java", Runtime.version().toString(), "runtime"));
        var method = new Method(result.options().linkLog10(), result.calibration(),
                new Method.Validation("sample", List.of(new Method.ValidationRow(1000, "confirmed", 0.977, 1.0, 0.95, 0.0))), List.of());
        assert feed != null;
        return new Report(meta, mandate, sides, devices, feeds, tools, method, result, "cotejo investigate --case ES=cases/es --case FR=packages/fr --out report");
    }
}
