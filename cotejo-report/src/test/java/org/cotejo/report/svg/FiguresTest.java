package org.cotejo.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.report.RenderedSample;
import org.cotejo.report.model.TimelinePoint;
import org.cotejo.report.text.Texts;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class FiguresTest {
    private static final Texts EN = Texts.of("en");

    private static Element parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = d.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isNotBlank();
        assertThat(root.getElementsByTagNameNS("*", "desc").item(0).getTextContent()).isNotBlank();
        return root;
    }

    @Test
    void aDeviceTimelineHasOneRowPerTraceClassAndRealTextLabels() throws Exception {
        List<TimelinePoint> points = List.of(
                new TimelinePoint(Instant.parse("2025-03-01T10:00:00Z"), "critical", "process", "process bh <x>"),
                new TimelinePoint(Instant.parse("2025-03-04T10:00:00Z"), "high", "network", "domain evil.example"),
                new TimelinePoint(null, "high", "browsing", "undated"));
        Element svg = parse(DeviceTimelineFigure.render("t", "ES-01", points, EN));
        String text = svg.getTextContent();
        assertThat(text).contains("process", "network", "2025-03-0", "time (UTC)", "Timeline of ES-01").doesNotContain("browsing");
        assertThat(DeviceTimelineFigure.render("t", "ES-01", points, EN)).contains("process bh &lt;x&gt;");
        assertThat(DeviceTimelineFigure.render("t", "ES-01", List.of(), EN)).isEmpty();
    }

    @Test
    void thousandsOfPointsOnOneDayMakeASmallFigure() {
        List<TimelinePoint> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) many.add(new TimelinePoint(Instant.parse("2025-03-01T10:00:00Z").plusSeconds(i), "high", "network", "d" + i));
        many.add(new TimelinePoint(Instant.parse("2025-06-01T10:00:00Z"), "high", "network", "late"));
        String svg = DeviceTimelineFigure.render("t", "ES-01", many, EN);
        assertThat(svg.length()).isLessThan(20_000);
        assertThat(svg).contains("more at the same place");
    }

    @Test
    void theGraphAndClusterTimelineOfTheSampleAreDeterministicAndDistinguishClustersWithoutColour() throws Exception {
        CorrelationResult c = RenderedSample.of("en").report().comparison();
        InfrastructureGraph g = InfrastructureGraph.of(c).orElseThrow();
        assertThat(g.devices().size() + g.items().size()).isLessThanOrEqualTo(InfrastructureGraph.MAX_NODES);
        String svg = InfrastructureGraphFigure.render("graph", g, EN);
        assertThat(svg).isEqualTo(InfrastructureGraphFigure.render("graph", InfrastructureGraph.of(c).orElseThrow(), EN));
        Element root = parse(svg);
        for (var d : g.devices()) assertThat(root.getTextContent()).contains(d.ref().label());
        // Exposed devices: dotted lines and hollow markers, readable in grey scale.
        if (g.devices().stream().anyMatch(InfrastructureGraph.DeviceNode::exposed)) assertThat(svg).contains("stroke-dasharray=\"1 3\"");
        Element timeline = parse(ClusterTimelineFigure.render("ct", c.clusters(), EN));
        for (var k : c.clusters()) assertThat(timeline.getTextContent()).contains(k.id());
    }

    @Test
    void tooManyDevicesGiveATableInsteadOfAGraph() {
        var c = RenderedSample.of("en").report().comparison();
        var big = new ArrayList<>(c.clusters());
        var first = big.get(0);
        var many = new ArrayList<>(first.devices());
        for (int i = 0; i < InfrastructureGraph.MAX_DEVICES; i++) {
            many.add(new org.cotejo.correlation.model.DeviceRef("x" + i, "extra-" + i, "ES", "ios"));
        }
        big.set(0, new org.cotejo.correlation.cluster.Cluster(first.id(), many, first.groups(), first.crossGroup(), first.log10Lr(),
                first.support(), first.links(), first.firstSeen(), first.lastSeen(), first.infrastructure(), first.counts(), first.sameTool(),
                first.exposed(), first.statement()));
        var r = new CorrelationResult(c.options(), c.devices(), c.enrichment(), c.links(), big, c.pivots(), c.sameTool(), c.excluded());
        assertThat(InfrastructureGraph.of(r)).isEmpty();
    }
}
