package org.cotejo.report.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.IndicatedThreat;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.detection.Verdict;
import org.cotejo.indicators.feed.StixWriter;
import org.cotejo.report.SampleReports;
import org.cotejo.report.misp.MispEventWriter;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.Report;
import org.cotejo.report.model.ReportMeta;
import org.cotejo.report.timesketch.TimesketchWriter;
import org.junit.jupiter.api.Test;

class UnusualReportsTest {
    private static Report withTlp(Report r, String tlp) {
        ReportMeta m = r.meta();
        return new Report(new ReportMeta(m.reportId(), m.title(), m.agency(), m.generatedAt(), m.toolVersion(), m.language(),
                m.schemaVersion(), tlp), r.mandate(), r.sides(), r.devices(), r.feeds(), r.tools(), r.method(), r.comparison(), r.reproduce());
    }

    /** The sample report with every finding and every cluster removed. */
    private static Report nothingFound() {
        Report r = SampleReports.twoCountries();
        List<DeviceEntry> devices = r.devices().stream().map(d -> new DeviceEntry(d.ref(), Verdict.NOTHING_FOUND, d.rule(), d.reasons(), d.evidence(),
                List.of(), List.of())).toList();
        CorrelationResult c = r.comparison();
        CorrelationResult empty = new CorrelationResult(c.options(), c.devices(), c.enrichment(), List.of(), List.of(), List.of(), List.of(), List.of());
        return new Report(r.meta(), r.mandate(), r.sides(), devices, r.feeds(), r.tools(), r.method(), empty, r.reproduce());
    }

    @Test
    void aReportWithNothingFoundIsStillAValidBundleEventAndTimeline() {
        Report r = nothingFound();
        JsonNode bundle = new StixBundleWriter().bundle(r);
        assertThat(StixValidator.validate(bundle)).isEmpty();
        assertThat(bundle.path("objects")).extracting(o -> o.path("type").asText()).containsExactly("identity", "marking-definition");
        assertThat(new String(new MispEventWriter().toBytes(r), java.nio.charset.StandardCharsets.UTF_8)).contains("\"threat_level_id\" : \"4\"");
        assertThat(new TimesketchWriter().toBytes(r)).isEmpty();
    }

    @Test
    void aRedReportIsMarkedRedAndAnUnknownLevelIsRefusedInOneLine() {
        JsonNode bundle = new StixBundleWriter().bundle(withTlp(SampleReports.twoCountries(), "TLP:RED"));
        assertThat(StixValidator.validate(bundle)).isEmpty();
        assertThat(bundle.path("objects").get(1).path("id").asText()).isEqualTo(Tlp.RED.stixTlp2Id());
        assertThatThrownBy(() -> new StixBundleWriter().bundle(withTlp(SampleReports.twoCountries(), "purple")))
                .isInstanceOf(CotejoException.class).hasMessage("the report's TLP \"purple\" is not one of clear, green, amber, amber+strict, red");
    }

    @Test
    void theIndicatorsTypeComesFromItsShapeNotFromTheValueSeen() {
        assertThat(MatchedIndicator.indicatorType(finding("url", "https://a.evil.example/x", "evil.example"))).contains(ObservableType.DOMAIN);
        assertThat(MatchedIndicator.indicatorType(finding("url", "https://a.evil.example/x", "https://a.evil.example/x"))).contains(ObservableType.URL);
        assertThat(MatchedIndicator.indicatorType(finding("ipv4", "198.51.100.7", "198.51.100.0/24"))).contains(ObservableType.CIDR);
        assertThat(MatchedIndicator.indicatorType(finding("file-path", "/private/var/db/bh", "bh"))).contains(ObservableType.FILE_NAME);
        assertThat(MatchedIndicator.indicatorType(finding("email", "op@evil.example", "evil.example"))).contains(ObservableType.DOMAIN);
        assertThat(MatchedIndicator.indicatorType(finding("process", "bh", "bh"))).contains(ObservableType.PROCESS_NAME);
    }

    @Test
    void bundlesWrittenByIocsConvertAlsoPassTheValidator() {
        Collection c = new Collection("pegasus", "Pegasus", "", "pegasus.stix2", "ab".repeat(32), Tlp.GREEN,
                new IndicatedThreat("malware", "Pegasus"), null);
        List<Indicator> indicators = List.of(
                new Indicator("1", ObservableType.DOMAIN.normalise("evil.example"), c, "line 1"),
                new Indicator("2", ObservableType.PROCESS_NAME.normalise("bh"), c, "line 2"),
                new Indicator("3", ObservableType.FILE_PATH.normalise("/private/var/tmp/x"), c, "line 3"));
        byte[] bytes = new StixWriter(Instant.parse("2026-01-01T00:00:00Z")).toBytes(indicators);
        assertThat(StixValidator.validate(bytes)).isEmpty();
    }

    private static Finding finding(String type, String value, String indicator) {
        return new Finding("detection", "high", "evidence", "network", "M", type, value, indicator, "id", "C", "", "rule", "f", "", "1",
                null, "", "");
    }
}
