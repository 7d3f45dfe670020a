package org.cotejo.report.html;

import java.util.List;
import java.util.Optional;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.DeviceSummary;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.cluster.ClusterItem;
import org.cotejo.correlation.cluster.Explanation;
import org.cotejo.correlation.cluster.Exposure;
import org.cotejo.correlation.cluster.Link;
import org.cotejo.correlation.cluster.SameTool;
import org.cotejo.correlation.lr.CountedItem;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.specificity.DeviceRole;
import org.cotejo.report.model.Report;
import org.cotejo.report.svg.ClusterTimelineFigure;
import org.cotejo.report.svg.InfrastructureGraph;
import org.cotejo.report.svg.InfrastructureGraphFigure;
import org.cotejo.report.text.Texts;

/**
 * The comparison: the propositions, each cluster with the verbal scale and its evidence split into
 * operator-level, weak-infrastructure and tool-level items, the links, the device–infrastructure graph
 * and the cluster timeline; clusters spanning groups called out; exposure-only devices listed apart.
 */
final class ComparisonSection {
    /** Rows per evidence or link table; report.json holds every one. */
    static final int CAP = 200;

    private ComparisonSection() {}

    static void write(Xhtml h, Report r, Texts t) {
        CorrelationResult c = r.comparison();
        HtmlReport.section(h, "comparison", t.get("section.comparison"), false);
        h.el("p", t.get("comparison.intro"));
        MethodSection.propositions(h, t);
        long targeted = c.devices().stream().filter(d -> d.role() == DeviceRole.TARGETED).count();
        long cross = c.clusters().stream().filter(Cluster::crossGroup).count();
        h.el("p", t.get("comparison.counts", c.devices().size(), targeted, c.links().size(), c.linkCount(), c.clusters().size(), cross));
        for (Cluster k : c.clusters()) {
            if (k.crossGroup()) h.el("p", t.get("comparison.crossGroupCallout", k.id(), String.join(", ", k.groups()), k.devices().size()), "class", "callout");
        }
        figures(h, c, t);
        for (Cluster k : c.clusters()) cluster(h, k, t);
        links(h, c, t);
        sameTool(h, c, t);
        exposed(h, c, t);
        h.close().newline();
    }

    private static void figures(Xhtml h, CorrelationResult c, Texts t) {
        Optional<InfrastructureGraph> g = InfrastructureGraph.of(c);
        if (g.isPresent()) {
            h.open("figure", "id", "figure-graph").raw(InfrastructureGraphFigure.render("graph", g.get(), t))
                    .el("figcaption", t.get("figure.graph.caption", g.get().items().size(), g.get().itemsTotal())).close().newline();
        } else if (!c.clusters().isEmpty()) {
            h.el("p", t.get("figure.graph.tooLarge", InfrastructureGraph.MAX_DEVICES), "class", "note");
            h.open("table", "id", "graph-summary").headRow(t.get("col.cluster"), t.get("col.groups"), t.get("col.devices"),
                    t.get("col.items"), t.get("col.exposed")).open("tbody");
            for (Cluster k : c.clusters()) {
                h.row(k.id(), String.join(", ", k.groups()), Integer.toString(k.devices().size()), Explanation.counts(k.counts()),
                        Integer.toString(k.exposed().size()));
            }
            h.close().close().newline();
        }
        String timeline = ClusterTimelineFigure.render("cluster-timeline", c.clusters(), t);
        if (!timeline.isEmpty()) {
            h.open("figure", "id", "figure-cluster-timeline").raw(timeline).el("figcaption", t.get("figure.clusterTimeline.caption")).close().newline();
        }
    }

    private static void cluster(Xhtml h, Cluster k, Texts t) {
        h.open("div", "class", "cluster", "id", "cluster-" + k.id()).newline();
        h.el("h3", t.get("comparison.cluster", k.id(), k.devices().size()) + (k.crossGroup() ? " — " + t.get("comparison.crossGroup") : ""));
        h.elWithPowers("p", t.get("conclusion.cluster", k.id(), t.support(k.support()), devices(k), Explanation.ratio(k.log10Lr()),
                k.devices().size()), "class", "conclusion");
        h.el("p", t.get("comparison.clusterFacts", k.links(), t.time(k.firstSeen()), t.time(k.lastSeen())));
        items(h, t, t.get("comparison.operatorItems"), k.infrastructure().stream().filter(i -> i.level() == EvidenceLevel.OPERATOR).toList());
        items(h, t, t.get("comparison.weakItems"), k.infrastructure().stream().filter(i -> i.level() == EvidenceLevel.WEAK_INFRASTRUCTURE).toList());
        items(h, t, t.get("comparison.toolItems"), k.sameTool());
        if (!k.exposed().isEmpty()) {
            h.el("h4", t.get("comparison.exposedOf", k.id()));
            h.open("ul");
            for (Exposure x : k.exposed()) h.el("li", x.device().label() + " (" + x.device().group() + "): " + shortList(x.values()));
            h.close();
        }
        h.close().newline();
    }

    private static void items(Xhtml h, Texts t, String heading, List<ClusterItem> items) {
        if (items.isEmpty()) return;
        h.el("h4", heading + " (" + items.size() + ")");
        h.open("table", "class", "evidence").headRow(t.get("col.kind"), t.get("col.values"), t.get("col.facts"), t.get("col.lr"),
                t.get("col.devices"), t.get("col.seen"), t.get("col.note")).open("tbody");
        for (ClusterItem i : items.subList(0, Math.min(CAP, items.size()))) {
            h.open("tr").el("td", t.kind(i.kind())).el("td", shortList(i.values()), "class", "value").el("td", shortList(i.facts()), "class", "value")
                    .elWithPowers("td", Explanation.ratio(Math.log10(i.lr()))).el("td", Integer.toString(i.devices()))
                    .el("td", t.day(i.firstSeen()) + " – " + t.day(i.lastSeen()), "class", "time").el("td", i.note()).close();
        }
        h.close().close().newline();
        if (items.size() > CAP) h.el("p", t.get("comparison.more", items.size() - CAP), "class", "note");
    }

    private static void links(Xhtml h, CorrelationResult c, Texts t) {
        List<Link> links = c.links().stream().filter(Link::link).toList();
        h.el("h3", t.get("comparison.links", links.size()));
        if (links.isEmpty()) {
            h.el("p", t.get("comparison.noLinks"));
            return;
        }
        h.open("table", "id", "links").headRow(t.get("col.device"), t.get("col.device"), t.get("col.lr"), t.get("col.support"),
                t.get("col.counted")).open("tbody");
        for (Link l : links.subList(0, Math.min(CAP, links.size()))) {
            long counted = l.score().items().stream().filter(CountedItem::counted).count();
            h.open("tr").el("td", l.a().label() + " (" + l.a().group() + ")").el("td", l.b().label() + " (" + l.b().group() + ")")
                    .elWithPowers("td", Explanation.ratio(l.score().log10Lr()) + (l.score().capped() ? " " + t.get("comparison.capped") : ""))
                    .el("td", t.support(l.score().support())).el("td", t.get("comparison.countedOf", counted, l.score().items().size())).close();
        }
        h.close().close().newline();
        if (links.size() > CAP) h.el("p", t.get("comparison.more", links.size() - CAP), "class", "note");
    }

    private static void sameTool(Xhtml h, CorrelationResult c, Texts t) {
        if (c.sameTool().isEmpty()) return;
        h.el("h3", t.get("comparison.sameTool"));
        h.open("ul");
        for (SameTool s : c.sameTool()) {
            h.el("li", t.get("conclusion.sameTool", s.threat(), org.cotejo.report.text.Conclusions.devices(s.devices()), s.values().size()));
        }
        h.close().newline();
    }

    private static void exposed(Xhtml h, CorrelationResult c, Texts t) {
        List<DeviceSummary> exposed = c.devices().stream().filter(d -> d.role() == DeviceRole.EXPOSED).toList();
        h.el("h3", t.get("comparison.exposed", exposed.size()));
        if (exposed.isEmpty()) {
            h.el("p", t.get("comparison.noExposed"));
            return;
        }
        h.el("p", t.get("comparison.exposedText"));
        h.open("ul", "id", "exposed");
        for (DeviceSummary d : exposed) h.el("li", d.device().label() + " (" + d.device().group() + ") — " + t.word("verdict", d.verdict().label()));
        h.close().newline();
    }

    private static String devices(Cluster k) {
        return org.cotejo.report.text.Conclusions.devices(k.devices());
    }

    static String shortList(List<String> values) {
        if (values.size() <= 5) return String.join(", ", values);
        return String.join(", ", values.subList(0, 5)) + " … (+" + (values.size() - 5) + ")";
    }
}
