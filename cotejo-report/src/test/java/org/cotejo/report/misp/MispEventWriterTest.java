package org.cotejo.report.misp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.indicators.feed.Feed;
import org.cotejo.indicators.feed.FeedReader;
import org.cotejo.report.SampleReports;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.Report;
import org.cotejo.report.stix.HypothesisConfidence;
import org.cotejo.report.stix.MatchedIndicator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MispEventWriterTest {
    private static Report report;
    private static byte[] bytes;
    private static JsonNode event;

    @BeforeAll
    static void write() throws Exception {
        report = SampleReports.twoCountries();
        bytes = new MispEventWriter().toBytes(report);
        event = new ObjectMapper().readTree(bytes).path("Event");
    }

    /** Every attribute of the event, loose or inside an object. */
    private static List<JsonNode> attributes() {
        List<JsonNode> out = new ArrayList<>();
        event.path("Attribute").forEach(out::add);
        for (JsonNode o : event.path("Object")) o.path("Attribute").forEach(out::add);
        return out;
    }

    @Test
    void cotejosOwnReaderReadsBackEveryMatchedIndicatorUnderTheReportsTlp() {
        Feed feed = FeedReader.defaults().read("report.misp.json", bytes);
        Set<String> read = new TreeSet<>();
        feed.indicators().forEach(i -> read.add(i.value().type().key() + ":" + i.value().value()));
        Set<String> matched = new TreeSet<>();
        MatchedIndicator.of(report).forEach(m -> matched.add(m.type().key() + ":" + m.value()));
        assertThat(matched).isNotEmpty();
        assertThat(read).isEqualTo(matched);
        assertThat(feed.collections()).singleElement().satisfies(c -> {
            assertThat(c.tlp()).isEqualTo(Tlp.AMBER);
            assertThat(c.name()).isEqualTo("Sample comparison");
        });
    }

    @Test
    void theSameReportGivesTheSameBytes() {
        assertThat(new MispEventWriter().toBytes(SampleReports.twoCountries())).isEqualTo(bytes);
    }

    @Test
    void theEventStatesDateThreatLevelAnalysisAndTheDistributionOfItsTlp() {
        assertThat(event.path("date").asText()).isEqualTo("2026-11-28");
        assertThat(event.path("analysis").asText()).isEqualTo("2");
        assertThat(event.path("distribution").asText()).isEqualTo("1");
        assertThat(event.path("threat_level_id").asText()).isEqualTo(MispEventWriter.threatLevel(report));
        assertThat(event.path("Tag")).extracting(t -> t.path("name").asText()).contains("tlp:amber");
        assertThat(event.path("Orgc").path("name").asText()).isEqualTo("Sample Agency");
        assertThat(MispEventWriter.distribution(Tlp.RED)).isEqualTo("0");
        assertThat(MispEventWriter.distribution(Tlp.CLEAR)).isEqualTo("3");
    }

    @Test
    void eachIndicatorCarriesItsProvenanceAndItsSightingsOnPseudonymisedDevices() {
        List<JsonNode> indicators = attributes().stream().filter(a -> a.path("to_ids").asBoolean()).toList();
        assertThat(indicators).hasSize(MatchedIndicator.of(report).size());
        Set<String> pseudonyms = new TreeSet<>();
        report.devices().forEach(d -> pseudonyms.add(d.ref().group() + " " + d.pseudonym()));
        for (JsonNode a : indicators) {
            assertThat(a.path("comment").asText()).startsWith("Indicator ").contains("SHA-256 ").contains("; seen on ");
            assertThat(a.path("Sighting")).isNotEmpty().allSatisfy(s -> {
                assertThat(s.path("type").asText()).isEqualTo("0");
                assertThat(pseudonyms).contains(s.path("source").asText());
            });
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (DeviceEntry d : report.devices()) {
            if (!d.ref().id().equals(d.pseudonym())) assertThat(text).doesNotContain("\"" + d.ref().id() + "\"");
        }
    }

    @Test
    void eachHypothesisIsAnObjectWithItsDevicesAndConfidence() {
        List<JsonNode> hypotheses = new ArrayList<>();
        event.path("Object").forEach(o -> { if (o.path("name").asText().equals(MispHypotheses.OBJECT_NAME)) hypotheses.add(o); });
        List<Cluster> clusters = report.comparison().clusters();
        assertThat(hypotheses).hasSize(clusters.size());
        for (int n = 0; n < clusters.size(); n++) {
            Cluster c = clusters.get(n);
            JsonNode o = hypotheses.get(n);
            List<String> devices = new ArrayList<>();
            String confidenceTag = null;
            for (JsonNode a : o.path("Attribute")) {
                assertThat(a.path("to_ids").asBoolean()).isFalse();
                if (a.path("object_relation").asText().equals("device")) devices.add(a.path("value").asText());
                for (JsonNode t : a.path("Tag")) if (t.path("name").asText().startsWith("cotejo:confidence")) confidenceTag = t.path("name").asText();
            }
            assertThat(devices).hasSize(c.devices().size());
            assertThat(confidenceTag).isEqualTo("cotejo:confidence=\"" + HypothesisConfidence.of(c.support()) + "\"");
            assertThat(o.path("comment").asText()).startsWith("Cotejo hypothesis C" + (n + 1) + ": ").contains(c.support().words());
            assertThat(o.path("ObjectReference")).allSatisfy(r -> assertThat(attributes())
                    .anySatisfy(a -> assertThat(a.path("uuid").asText()).isEqualTo(r.path("referenced_uuid").asText())));
        }
    }
}
