package org.cotejo.report.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.indicators.feed.Feed;
import org.cotejo.indicators.feed.FeedReader;
import org.cotejo.report.SampleReports;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StixBundleWriterTest {
    private static Report report;
    private static byte[] bytes;
    private static JsonNode bundle;

    @BeforeAll
    static void write() throws Exception {
        report = SampleReports.twoCountries();
        bytes = new StixBundleWriter().toBytes(report);
        bundle = new ObjectMapper().readTree(bytes);
    }

    private static List<JsonNode> ofType(String type) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode o : bundle.path("objects")) if (o.path("type").asText().equals(type)) out.add(o);
        return out;
    }

    @Test
    void theSampleReportsBundleBreaksNoStixRule() {
        assertThat(StixValidator.validate(bytes)).isEmpty();
    }

    @Test
    void theSameReportGivesTheSameBytes() {
        assertThat(new StixBundleWriter().toBytes(SampleReports.twoCountries())).isEqualTo(bytes);
    }

    @Test
    void cotejosOwnReaderReadsBackEveryMatchedIndicator() {
        Feed feed = FeedReader.defaults().strict(true).read("report.stix.json", bytes);
        Set<String> read = new TreeSet<>();
        feed.indicators().forEach(i -> read.add(i.value().type().key() + ":" + i.value().value()));
        Set<String> matched = new TreeSet<>();
        MatchedIndicator.of(report).forEach(m -> matched.add(m.type().key() + ":" + m.value()));
        assertThat(matched).isNotEmpty();
        assertThat(read).isEqualTo(matched);
        assertThat(feed.collections()).allSatisfy(c -> assertThat(c.tlp()).isEqualTo(Tlp.AMBER));
    }

    @Test
    void everyObjectIsCreatedByTheAgencyAtGenerationTimeUnderTheReportsMarking() {
        JsonNode agency = bundle.path("objects").get(0);
        assertThat(agency.path("type").asText()).isEqualTo("identity");
        assertThat(agency.path("name").asText()).isEqualTo("Sample Agency");
        assertThat(ofType("marking-definition")).singleElement()
                .satisfies(m -> assertThat(m.path("id").asText()).isEqualTo(Tlp.AMBER.stixTlp2Id()));
        for (JsonNode o : bundle.path("objects")) {
            String type = o.path("type").asText();
            if (type.equals("marking-definition")) continue;
            assertThat(o.path("object_marking_refs").get(0).asText()).as(o.path("id").asText()).isEqualTo(Tlp.AMBER.stixTlp2Id());
            if (StixTypes.category(type) == StixTypes.Category.SCO || o == agency) continue;
            assertThat(o.path("created_by_ref").asText()).isEqualTo(agency.path("id").asText());
            assertThat(Instant.parse(o.path("created").asText())).isEqualTo(SampleReports.GENERATED);
        }
    }

    @Test
    void devicesAppearUnderTheirPseudonymsNeverTheirOwnIdentifiers() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Set<String> named = new TreeSet<>();
        ofType("identity").stream().filter(i -> i.path("identity_class").asText().equals("individual"))
                .forEach(i -> named.add(i.path("name").asText()));
        assertThat(named).isNotEmpty();
        for (DeviceEntry d : report.devices()) {
            if (!d.ref().id().equals(d.pseudonym())) assertThat(text).doesNotContain("\"" + d.ref().id() + "\"");
        }
        assertThat(report.devices()).extracting(DeviceEntry::pseudonym).containsAll(named);
    }

    @Test
    void eachSightingSaysWhichIndicatorWhereAndHowOften() {
        Map<String, JsonNode> byId = new HashMap<>();
        bundle.path("objects").forEach(o -> byId.put(o.path("id").asText(), o));
        List<JsonNode> sightings = ofType("sighting");
        int expected = MatchedIndicator.of(report).stream().mapToInt(m -> m.seen().size()).sum();
        assertThat(sightings).hasSize(expected);
        for (JsonNode s : sightings) {
            assertThat(byId.get(s.path("sighting_of_ref").asText()).path("type").asText()).isEqualTo("indicator");
            assertThat(byId.get(s.path("where_sighted_refs").get(0).asText()).path("identity_class").asText()).isEqualTo("individual");
            assertThat(s.path("count").asInt()).isPositive();
            assertThat(s.path("description").asText()).startsWith("Seen on ");
        }
    }

    @Test
    void eachHypothesisIsAnIntrusionSetWithTheConfidenceOfItsBandAndItsInfrastructure() {
        List<JsonNode> sets = ofType("intrusion-set");
        List<Cluster> clusters = report.comparison().clusters();
        assertThat(sets).hasSize(clusters.size());
        for (int n = 0; n < clusters.size(); n++) {
            Cluster c = clusters.get(n);
            JsonNode set = sets.get(n);
            assertThat(set.path("name").asText()).isEqualTo("Cotejo hypothesis C" + (n + 1));
            assertThat(set.path("aliases").get(0).asText()).isEqualTo(c.id());
            assertThat(set.path("confidence").asInt()).isEqualTo(HypothesisConfidence.of(c.support()));
            assertThat(set.path("description").asText()).contains(c.support().words());
        }
        Set<String> types = new TreeSet<>();
        ofType("relationship").forEach(r -> types.add(r.path("relationship_type").asText()));
        assertThat(types).contains("indicates", "uses", "targets", "consists-of");
        assertThat(ofType("infrastructure")).isNotEmpty();
        assertThat(ofType("malware")).allSatisfy(m -> assertThat(m.path("is_family").asBoolean()).isTrue());
    }

    @Test
    void observablesHaveTheIdsStixItselfDerives() {
        StixObjects stix = new StixObjects(SampleReports.GENERATED, "identity--x", Tlp.AMBER.stixTlp2Id());
        // The vectors of STIX 2.1 Errata 01 (the id the original text printed for example.com was not computed this way).
        assertThat(stix.scoId("domain-name", "example.com")).isEqualTo("domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7");
        assertThat(stix.scoId("ipv4-addr", "198.51.100.8")).isEqualTo("ipv4-addr--6c83081b-13af-5e30-ba30-6f401772a083");
    }

    @Test
    void confidenceRestatesTheVerbalBandInsideStixLowMedHighRanges() {
        var scale = org.cotejo.correlation.lr.SupportScale.values();
        int previous = -1;
        for (var s : scale) {
            assertThat(HypothesisConfidence.of(s)).isGreaterThan(previous).isBetween(0, 100);
            previous = HypothesisConfidence.of(s);
        }
        assertThat(HypothesisConfidence.of(org.cotejo.correlation.lr.SupportScale.MODERATELY_STRONG)).isBetween(30, 69);
        assertThat(HypothesisConfidence.of(org.cotejo.correlation.lr.SupportScale.VERY_STRONG)).isBetween(70, 100);
    }
}
