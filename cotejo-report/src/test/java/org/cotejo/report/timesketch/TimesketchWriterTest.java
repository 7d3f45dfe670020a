package org.cotejo.report.timesketch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.report.SampleReports;
import org.cotejo.report.model.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TimesketchWriterTest {
    private static Report report;
    private static byte[] bytes;
    private static List<JsonNode> lines;

    @BeforeAll
    static void write() throws Exception {
        report = SampleReports.twoCountries();
        bytes = new TimesketchWriter().toBytes(report);
        lines = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        for (String line : text.split("\n")) lines.add(mapper.readTree(line));
    }

    @Test
    void everyLineIsOneJsonObjectWithTheFieldsTimesketchRequires() {
        assertThat(lines).isNotEmpty().allSatisfy(l -> {
            assertThat(l.isObject()).isTrue();
            assertThat(l.path("message").asText()).isNotBlank();
            assertThat(l.path("timestamp_desc").asText()).isNotBlank();
            Instant t = OffsetDateTime.parse(l.path("datetime").asText()).toInstant();
            assertThat(l.path("timestamp").asLong()).isEqualTo(ChronoUnit.MICROS.between(Instant.EPOCH, t));
            for (String column : List.of("device", "group", "level", "trace", "source_file", "locator", "indicator", "feed")) {
                assertThat(l.has(column)).as(column).isTrue();
            }
        });
    }

    @Test
    void oneLinePerDatedFindingAndTwoPerHypothesis() {
        long findings = report.devices().stream().flatMap(d -> d.findings().stream()).filter(f -> f.time() != null).count();
        long hypotheses = report.comparison().clusters().stream().mapToLong(c -> (c.firstSeen() == null ? 0 : 1) + (c.lastSeen() == null ? 0 : 1)).sum();
        assertThat(lines).hasSize((int) (findings + hypotheses));
        assertThat(lines).filteredOn(l -> l.path("timestamp_desc").asText().equals(TimesketchWriter.HYPOTHESIS_FIRST))
                .hasSize(report.comparison().clusters().size())
                .allSatisfy(l -> assertThat(l.path("message").asText()).startsWith("Cotejo hypothesis C"));
        assertThat(lines).filteredOn(l -> l.path("data_type").asText().equals("cotejo:detection"))
                .allSatisfy(l -> {
                    assertThat(l.path("device").asText()).isNotEmpty();
                    assertThat(l.path("source_file").asText()).isNotEmpty();
                    assertThat(l.path("feed").asText()).hasSize(64);
                });
    }

    @Test
    void linesAreInTimeOrderAndTheSameReportGivesTheSameBytes() {
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i).path("timestamp").asLong()).isGreaterThanOrEqualTo(lines.get(i - 1).path("timestamp").asLong());
        }
        assertThat(new TimesketchWriter().toBytes(SampleReports.twoCountries())).isEqualTo(bytes);
    }
}
