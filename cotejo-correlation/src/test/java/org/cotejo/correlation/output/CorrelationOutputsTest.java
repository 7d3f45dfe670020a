package org.cotejo.correlation.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.correlation.Worlds.infected;
import static org.cotejo.correlation.Worlds.matched;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.Correlator;
import org.cotejo.correlation.Worlds;
import org.cotejo.correlation.enrich.Enrichment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelationOutputsTest {
    private static CorrelationResult result() {
        return Correlator.correlate(Worlds.list(
                infected("b", "FR", matched(ObservableType.EMAIL, "agent.x@lure-mail.net"), matched(ObservableType.PROCESS_NAME, "bh")),
                infected("a", "ES", matched(ObservableType.EMAIL, "agent.x@lure-mail.net"), matched(ObservableType.PROCESS_NAME, "bh"))),
                Enrichment.none(), Worlds.PRIORS);
    }

    @Test
    void theThreeFilesCarryFormatCalibrationOptionsAndInputsAndAreByteIdenticalAcrossRuns(@TempDir Path dir) throws Exception {
        CorrelationOutputs.write(dir.resolve("one"), result());
        CorrelationOutputs.write(dir.resolve("two"), result());

        ObjectMapper json = new ObjectMapper();
        for (String[] f : new String[][] {{"clusters.json", "cotejo-clusters"}, {"links.json", "cotejo-links"}, {"pivots.json", "cotejo-pivots"}}) {
            assertThat(Files.readAllBytes(dir.resolve("one").resolve(f[0]))).isEqualTo(Files.readAllBytes(dir.resolve("two").resolve(f[0])));
            JsonNode n = json.readTree(dir.resolve("one").resolve(f[0]).toFile());
            assertThat(n.get("format").asText()).isEqualTo(f[1]);
            assertThat(n.get("version").asInt()).isEqualTo(1);
            assertThat(n.at("/calibration/name").asText()).isEqualTo("default priors");
            assertThat(n.at("/calibration/rates")).hasSize(org.cotejo.correlation.lr.FeatureKind.values().length);
            assertThat(n.at("/options/link_threshold/support").asText()).isEqualTo("moderately strong support");
            assertThat(n.at("/inputs/devices")).hasSize(2);
        }
        JsonNode clusters = json.readTree(dir.resolve("one").resolve("clusters.json").toFile());
        assertThat(clusters.at("/clusters/0/cross_group").asBoolean()).isTrue();
        assertThat(clusters.at("/clusters/0/confidence/support").asText()).isEqualTo("very strong support");
        assertThat(clusters.at("/clusters/0/counts/shared-account").asInt()).isEqualTo(1);
        assertThat(clusters.at("/same_tool/0/values/0").asText()).isEqualTo("process:bh");
        JsonNode links = json.readTree(dir.resolve("one").resolve("links.json").toFile());
        assertThat(links.at("/links/0/items")).anySatisfy(i -> {
            assertThat(i.get("kind").asText()).isEqualTo("same-tool");
            assertThat(i.get("counted").asBoolean()).isFalse();
        });
    }

    @Test
    void theSummaryNamesTheClustersAndTheCalibration() {
        String text = result().summary();
        assertThat(text).contains("2 devices (2 targeted, 0 exposure only, 0 background)").contains("Calibration: default priors")
                .contains("[CROSS-GROUP]").contains("Same tool only (no link)");
    }
}
