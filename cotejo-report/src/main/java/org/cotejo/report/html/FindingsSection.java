package org.cotejo.report.html;

import java.util.List;
import org.cotejo.correlation.DeviceSummary;
import org.cotejo.correlation.specificity.DeviceRole;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.Report;
import org.cotejo.report.svg.DeviceTimelineFigure;
import org.cotejo.report.text.Texts;

/**
 * Per-device findings: the verdict and the rule behind it, a timeline chart, and every detection and
 * alert with its provenance (file, locator, feed hash, rule), up to a cap per device; report.json holds
 * the rest.
 */
final class FindingsSection {
    /** Findings listed per device; beyond it a line says how many more report.json holds. */
    static final int CAP = 200;

    private FindingsSection() {}

    static void write(Xhtml h, Report r, Texts t) {
        HtmlReport.section(h, "findings", t.get("section.findings"), false);
        h.el("p", t.get("findings.intro", CAP));
        int n = 0;
        for (DeviceEntry d : r.devices()) device(h, r, d, t, n++);
        h.close().newline();
    }

    private static void device(Xhtml h, Report r, DeviceEntry d, Texts t, int index) {
        h.open("div", "class", "device", "id", "device-" + index).newline();
        h.el("h3", t.get("findings.device", d.pseudonym(), d.ref().group(), d.ref().platform()));
        DeviceRole role = r.comparison().devices().stream().filter(s -> s.device().id().equals(d.ref().id())).findFirst()
                .map(DeviceSummary::role).orElse(null);
        h.open("p").el("strong", t.get("findings.verdict") + " ").text(t.word("verdict", d.verdict().label()))
                .text(d.rule().isEmpty() ? "" : " — " + t.get("findings.rule", d.rule())).close();
        if (!d.reasons().isEmpty()) {
            h.open("ul");
            for (String reason : d.reasons()) h.el("li", reason);
            h.close();
        }
        if (role == DeviceRole.EXPOSED) h.el("p", t.get("findings.exposed"), "class", "callout");
        if (d.findings().isEmpty()) {
            h.el("p", t.get("findings.none"));
            h.close().newline();
            return;
        }
        String figure = DeviceTimelineFigure.render("timeline-" + index, d.pseudonym(), d.timeline(), t);
        if (!figure.isEmpty()) {
            h.open("figure", "class", "device-timeline").raw(figure)
                    .el("figcaption", t.get("figure.deviceTimeline.caption", d.pseudonym(), d.timeline().size())).close().newline();
        }
        List<Finding> shown = d.findings().size() > CAP ? d.findings().subList(0, CAP) : d.findings();
        h.open("table", "class", "findings").headRow(t.get("col.time"), t.get("col.level"), t.get("col.what"), t.get("col.indicator"),
                t.get("col.provenance")).open("tbody");
        for (Finding f : shown) {
            h.open("tr");
            h.open("td", "class", "time").text(f.time() == null ? t.get("common.notStated") : t.day(f.time())).empty("br")
                    .text(f.time() == null ? "" : t.time(f.time()).substring(11)).close();
            h.el("td", t.word("level", f.level()) + " · " + t.trace(f.trace())
                    + (f.disposition().isEmpty() ? "" : " · " + t.word("disposition", f.disposition())));
            h.open("td").text(f.type().isEmpty() ? f.module() : f.type() + ": ").open("code").text(f.value()).close()
                    .empty("br").text(f.message()).close();
            h.open("td").text(f.isDetection() ? FrontSections.join(f.collection(), f.indicatorId()) + (f.rule().isEmpty() ? ""
                    : " — " + t.get("findings.matchRule", f.rule())) : t.get("findings.heuristic", f.module(), f.rule()));
            if (!f.feedSha256().isEmpty()) h.empty("br").open("span", "class", "hash").text(t.get("findings.feed", f.feedSha256())).close();
            h.close();
            h.open("td").text(f.sourceFile()).text(f.locator().isEmpty() ? "" : " (" + f.locator() + ")");
            if (!f.sourceSha256().isEmpty()) h.empty("br").open("span", "class", "hash").text(f.sourceSha256()).close();
            h.close();
            h.close().newline();
        }
        h.close().close().newline();
        if (shown.size() < d.findings().size()) {
            h.el("p", t.get("findings.more", d.findings().size() - shown.size()), "class", "note");
        }
        h.close().newline();
    }
}
