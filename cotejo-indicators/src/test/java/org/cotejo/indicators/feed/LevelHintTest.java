package org.cotejo.indicators.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cotejo.indicators.feed.FeedFixtures.bundle;
import static org.cotejo.indicators.feed.FeedFixtures.indicator;
import static org.cotejo.indicators.feed.FeedFixtures.read;
import static org.cotejo.indicators.feed.FeedFixtures.sdo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.observable.ObservableType;
import org.junit.jupiter.api.Test;

/** Evidence-level hints: each reader finds them where its format puts them, and refuses words that are no level. */
class LevelHintTest {

    private static List<String> stated(Feed feed) {
        return feed.indicators().stream().map(i -> i.value().value() + "=" + i.statedLevel()).toList();
    }

    @Test
    void aPlainListTakesItsLevelFromACommentAtTheTop() {
        Feed feed = read("domains.txt", "# Amnesty v4 validation domains\n# cotejo-level: Operator\na.example\nb.example\n");
        assertThat(feed.collections()).extracting(Collection::levelHint).containsExactly("operator");
        assertThat(stated(feed)).containsExactly("a.example=operator", "b.example=operator");
        assertThat(feed.indicators()).extracting(Indicator::levelHint).containsOnly("");
        assertThat(feed.skips()).isEmpty();
    }

    @Test
    void aPlainListIgnoresALevelCommentAfterItsFirstEntryAndSaysSo() {
        Feed feed = read("domains.txt", "a.example\n# cotejo-level: tool\nb.example\n");
        assertThat(stated(feed)).containsExactly("a.example=", "b.example=");
        assertThat(feed.skips()).extracting(Skip::location).containsExactly("line 2");
    }

    @Test
    void aCsvFeedTakesItsLevelFromACommentAboveTheHeader() {
        Feed feed = read("iocs.csv", "# cotejo-level: weak_infrastructure\ntype,value\ncidr,198.51.100.0/24\n# cotejo-level: tool\ndomain,a.example\n");
        assertThat(stated(feed)).containsExactly("198.51.100.0/24=weak-infrastructure", "a.example=weak-infrastructure");
        assertThat(feed.skips()).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("line 5");
            assertThat(s.reason()).contains("must come before the header row");
        });
    }

    @Test
    void aWordThatIsNoLevelIsSkippedWithItsReasonAndTheIndicatorsStillLoad() {
        Feed feed = read("domains.txt", "# cotejo-level: very bad\na.example\n");
        assertThat(stated(feed)).containsExactly("a.example=");
        assertThat(feed.skips()).singleElement().satisfies(s -> assertThat(s.reason())
                .isEqualTo("evidence level 'very bad' is not tool, operator or weak-infrastructure; loaded without a level hint"));
        assertThatThrownBy(() -> FeedReader.defaults().strict(true).read("domains.txt", "# cotejo-level: x\na.example\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CotejoException.class).hasMessageContaining("strict mode");
    }

    @Test
    void aStixIndicatorStatesItsOwnLevelAndAReportStatesOneForTheWholeBundle() {
        Feed feed = read("f.stix2", bundle(
                sdo("report", "report--1", "Validation infrastructure", "\"x_cotejo_evidence_level\": \"operator\"",
                        "\"object_refs\": [\"indicator--a\"]"),
                indicator("indicator--a", "[domain-name:value = 'a.example']"),
                indicator("indicator--b", "[process:name = 'bh']", "\"x_cotejo_evidence_level\": \"TOOL\""),
                indicator("indicator--c", "[domain-name:value = 'c.example']", "\"x_cotejo_evidence_level\": 3")));
        assertThat(stated(feed)).containsExactly("a.example=operator", "bh=tool", "c.example=operator");
        assertThat(feed.collections()).extracting(Collection::levelHint).containsOnly("operator");
        assertThat(feed.skips()).singleElement().satisfies(s -> {
            assertThat(s.location()).startsWith("object indicator--c");
            assertThat(s.reason()).isEqualTo("x_cotejo_evidence_level must be a string, found a number; loaded without a level hint");
        });
    }

    @Test
    void aStixLevelOnAnObjectOtherThanAReportIsNotReadAndTheSkipSaysSo() {
        Feed feed = read("f.stix2", bundle(
                sdo("malware", "malware--1", "Pegasus", "\"is_family\": true", "\"x_cotejo_evidence_level\": \"operator\""),
                sdo("report", "report--1", "R1", "\"x_cotejo_evidence_level\": \"operator\""),
                sdo("report", "report--2", "R2", "\"x_cotejo_evidence_level\": \"tool\""),
                indicator("indicator--a", "[domain-name:value = 'a.example']")));
        assertThat(stated(feed)).containsExactly("a.example=operator");
        assertThat(feed.skips()).extracting(Skip::reason).satisfiesExactly(
                r -> assertThat(r).isEqualTo("x_cotejo_evidence_level is read on indicators and on a report, not on a malware; ignored"),
                r -> assertThat(r).startsWith("states evidence level tool for the bundle, but object report--1").endsWith("the first is used"));
    }

    private static String attribute(String uuid, String value, String tags) {
        return "{\"uuid\": \"" + uuid + "\", \"type\": \"domain\", \"category\": \"Network activity\", \"value\": \"" + value
                + "\", \"to_ids\": true, \"Tag\": [" + tags + "]}";
    }

    private static String tag(String name) {
        return "{\"name\": \"" + name.replace("\"", "\\\"") + "\"}";
    }

    @Test
    void aMispTagOnTheAttributeBeatsOneOnItsObjectWhichBeatsOneOnTheEvent() {
        String event = "{\"Event\": {\"uuid\": \"e1\", \"info\": \"Op\", \"Tag\": [" + tag("tlp:amber") + ", "
                + tag("cotejo:evidence-level=\"weak-infrastructure\"") + "],"
                + " \"Attribute\": [" + attribute("a1", "a.example", tag("cotejo:evidence-level=\"operator\"")) + ", "
                + attribute("a2", "b.example", "") + "],"
                + " \"Object\": [{\"name\": \"domain-ip\", \"uuid\": \"o1\", \"Tag\": [" + tag("Cotejo:Evidence-Level=\"tool\"") + "],"
                + " \"Attribute\": [" + attribute("a3", "c.example", "").replace("\"type\": \"domain\"", "\"type\": \"domain\", \"object_relation\": \"domain\"")
                + ", " + attribute("a4", "d.example", tag("cotejo:evidence-level=\"operator\"")).replace("\"type\": \"domain\"",
                        "\"type\": \"domain\", \"object_relation\": \"domain\"") + "]}]}}";
        Feed feed = read("m.json", event);
        assertThat(stated(feed)).containsExactly("a.example=operator", "b.example=weak-infrastructure", "c.example=tool", "d.example=operator");
        assertThat(feed.collections()).extracting(Collection::levelHint).containsExactly("weak-infrastructure");
        assertThat(feed.skips()).isEmpty();
    }

    @Test
    void aMispElementWithTwoDifferentLevelTagsUsesTheFirstAndReportsTheConflict() {
        Feed feed = read("m.json", "{\"Event\": {\"uuid\": \"e1\", \"info\": \"Op\", \"Attribute\": [" + attribute("a1", "a.example",
                tag("cotejo:evidence-level=\"operator\"") + ", " + tag("cotejo:evidence-level=\"tool\"")) + ", "
                + attribute("a2", "b.example", tag("cotejo:evidence-level=\"strong\"")) + "]}}");
        assertThat(stated(feed)).containsExactly("a.example=operator", "b.example=");
        assertThat(feed.skips()).extracting(Skip::reason).satisfiesExactly(
                r -> assertThat(r).isEqualTo("tag cotejo:evidence-level=\"tool\" contradicts the first such tag (operator), which is used"),
                r -> assertThat(r).startsWith("evidence level 'strong' is not"));
    }

    @Test
    void theWritersCarryTheLevelsSoAReadFeedWrittenAgainStatesTheSame() {
        Feed original = read("f.stix2", bundle(
                sdo("report", "report--1", "R", "\"x_cotejo_evidence_level\": \"operator\"", "\"object_refs\": [\"indicator--a\", \"indicator--b\"]"),
                indicator("indicator--a", "[domain-name:value = 'a.example']"),
                indicator("indicator--b", "[process:name = 'bh']", "\"x_cotejo_evidence_level\": \"tool\"")));
        Feed stix = FeedReader.defaults().read("again.stix2", new StixWriter(java.time.Instant.parse("2024-01-01T00:00:00Z")).toBytes(original.indicators()));
        Feed misp = FeedReader.defaults().read("again.json", new MispWriter().toBytes(original.indicators()));
        assertThat(stated(original)).containsExactly("a.example=operator", "bh=tool");
        assertThat(stated(stix)).isEqualTo(stated(original));
        assertThat(stated(misp)).isEqualTo(stated(original));
        assertThat(misp.collections()).extracting(Collection::levelHint).containsExactly("operator");
    }

    @Test
    void theFourArgumentConstructorsStillMeanNoHint() {
        Collection c = new Collection("c", "c", "", "f", "0".repeat(64), null, null, null);
        Indicator i = new Indicator("i", ObservableType.DOMAIN.normalise("a.example"), c, "line 1");
        assertThat(i.levelHint()).isEmpty();
        assertThat(i.statedLevel()).isEmpty();
        assertThat(new Indicator("i", i.value(), c.withLevelHint("tool").withTlp(null), "line 1").statedLevel()).isEqualTo("tool");
    }
}
