package org.cotejo.report.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.output.CorrelationOutputs;
import org.cotejo.report.RenderedSample;
import org.cotejo.report.text.Conclusions;
import org.cotejo.report.text.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonWriterTest {
    @Test
    void theSameReportGivesTheSameBytes() throws Exception {
        var s = RenderedSample.of("en");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new ReportJsonWriter().write(s.report(), again);
        assertThat(again.toByteArray()).isEqualTo(s.json());
    }

    @Test
    void carriesTheSampleClustersWithTheirDevices() {
        var s = RenderedSample.of("en");
        JsonNode root = ReportJson.read(new ByteArrayInputStream(s.json()), "report.json");
        assertThat(ReportJson.clusterIds(root)).containsExactlyElementsOf(s.report().comparison().clusters().stream().map(Cluster::id).toList());
        JsonNode first = root.path("comparison").path("clusters").path("clusters").get(0);
        Cluster c = s.report().comparison().clusters().get(0);
        assertThat(first.path("devices")).extracting(d -> d.path("label").asText()).containsExactlyElementsOf(
                c.devices().stream().map(d -> d.label()).toList());
        assertThat(root.path("devices")).hasSize(s.report().devices().size());
    }

    @Test
    void embedsTheCorrelationFilesExactlyAsTheCorrelationStageWritesThem(@TempDir Path dir) throws Exception {
        var s = RenderedSample.of("en");
        CorrelationOutputs.write(dir, s.report().comparison());
        JsonNode comparison = new ObjectMapper().readTree(s.json()).path("comparison");
        ObjectMapper m = new ObjectMapper();
        assertThat(comparison.path("clusters")).isEqualTo(m.readTree(dir.resolve(CorrelationOutputs.CLUSTERS).toFile()));
        assertThat(comparison.path("links")).isEqualTo(m.readTree(dir.resolve(CorrelationOutputs.LINKS).toFile()));
        assertThat(comparison.path("pivots")).isEqualTo(m.readTree(dir.resolve(CorrelationOutputs.PIVOTS).toFile()));
    }

    @Test
    void statesTheConclusionsTheHtmlShowsInTheReportLanguage() throws Exception {
        var s = RenderedSample.of("fr");
        JsonNode root = new ObjectMapper().readTree(s.json());
        assertThat(root.path("conclusions").path("language").asText()).isEqualTo("fr");
        List<String> sentences = Conclusions.of(s.report(), Texts.of("fr"));
        assertThat(root.path("conclusions").path("sentences")).extracting(JsonNode::asText).containsExactlyElementsOf(sentences);
        for (String sentence : sentences) assertThat(s.html()).contains(new org.cotejo.report.html.Xhtml().textWithPowers(sentence).finish());
    }

    @Test
    void satisfiesItsShippedSchema() throws Exception {
        JsonNode schema;
        try (InputStream in = ReportJsonWriter.class.getResourceAsStream(ReportJsonWriter.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema resource").isNotNull();
            schema = new ObjectMapper().readTree(in);
        }
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        JsonNode report = new ObjectMapper().readTree(RenderedSample.of("en").json());
        assertThat(SchemaCheck.violations(schema, report)).isEmpty();
    }

    @Test
    void theSchemaInTheDocsIsTheOneShipped() throws Exception {
        Path docs = Path.of("..", "docs", "report.schema.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(docs), "runs from the module folder of a full checkout");
        try (InputStream in = ReportJsonWriter.class.getResourceAsStream(ReportJsonWriter.SCHEMA_RESOURCE)) {
            assertThat(Files.readAllBytes(docs)).isEqualTo(in.readAllBytes());
        }
    }

    @Test
    void refusesAFileOfAnotherSchemaOrVersion(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("report.json");
        Files.writeString(other, "{\"schema\":\"cotejo-report\",\"version\":99}");
        assertThatThrownBy(() -> ReportJson.read(other)).isInstanceOf(CotejoException.class).hasMessageContaining("version 99");
        assertThatThrownBy(() -> ReportJson.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), "x.json"))
                .isInstanceOf(CotejoException.class).hasMessageContaining("not a report.json");
    }
}
