package org.cotejo.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.report.RenderedSample;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class HtmlReportTest {
    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theReportIsWellFormedXmlWithEverySectionInOrder() throws Exception {
        var s = RenderedSample.of("en");
        Document d = parse(s.html());
        int last = -1;
        for (String id : HtmlReport.SECTIONS) {
            assertThat(d.getElementsByTagName("section")).isNotNull();
            int at = s.html().indexOf("<section id=\"" + id + "\"");
            assertThat(at).as(id).isGreaterThan(last);
            last = at;
        }
    }

    @Test
    void namesEveryClusteredDeviceAndCallsOutCrossCountryClusters() {
        var s = RenderedSample.of("en");
        for (Cluster c : s.report().comparison().clusters()) {
            assertThat(s.html()).contains("id=\"cluster-" + c.id() + "\"");
            for (DeviceRef d : c.devices()) assertThat(s.html()).contains(d.label());
            if (c.crossGroup()) assertThat(s.html()).contains("Cluster " + c.id() + " spans the groups");
        }
        assertThat(s.report().comparison().clusters()).anyMatch(Cluster::crossGroup);
    }

    @Test
    void statesConclusionsInCalibratedWordsAndNeverAsProof() {
        String html = RenderedSample.of("en").html();
        assertThat(html).contains("The findings provide").contains("rather than the proposition that different operators");
        String conclusions = html.substring(html.indexOf("<section id=\"conclusions\""), html.indexOf("<section id=\"annex\""));
        assertThat(conclusions).doesNotContainPattern("(?i)\\b(proves?|proven|proof)\\b");
    }

    @Test
    void refersToNothingOutsideItself() {
        String html = RenderedSample.of("en").html();
        assertThat(html).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("@import")
                .doesNotContain("url(");
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    }

    @Test
    void statesTimesInUtcAndSaysSo() {
        String html = RenderedSample.of("en").html();
        assertThat(html).contains("2026-11-28 10:00:00 UTC");
    }

    @Test
    void spanishAndFrenchReportsHaveTranslatedHeadings() {
        assertThat(RenderedSample.of("es").html()).contains("<h2>1. Mandato</h2>").contains("<h2>8. Conclusiones</h2>")
                .contains("lang=\"es\"").doesNotContain("Evidence inventory");
        assertThat(RenderedSample.of("fr").html()).contains("<h2>1. Mission</h2>").contains("<h2>8. Conclusions</h2>")
                .contains("lang=\"fr\"").doesNotContain("Evidence inventory");
    }
}
