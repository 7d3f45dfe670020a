package org.cotejo.report.html;

import java.util.List;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.pivot.Pivot;
import org.cotejo.report.model.Report;
import org.cotejo.report.model.Side;
import org.cotejo.report.text.Conclusions;
import org.cotejo.report.text.Texts;

/** The report's close: pivots awaiting confirmation, the conclusions with room for the signature, and the annex. */
final class ClosingSections {
    /** Pivots listed; report.json holds every one. */
    static final int CAP = 200;

    private ClosingSections() {}

    static void write(Xhtml h, Report r, Texts t) {
        pivots(h, r, t);
        conclusions(h, r, t);
        annex(h, r, t);
    }

    private static void pivots(Xhtml h, Report r, Texts t) {
        HtmlReport.section(h, "pivots", t.get("section.pivots"), false);
        h.el("p", t.get("pivots.intro"));
        List<Pivot> pivots = r.comparison().pivots();
        if (pivots.isEmpty()) {
            h.el("p", t.get("pivots.none"));
        } else {
            h.open("table", "id", "pivot-table").headRow(t.get("col.status"), t.get("col.value"), t.get("col.devices"), t.get("col.groups"),
                    t.get("col.background"), t.get("col.seen"), t.get("col.decision")).open("tbody");
            for (Pivot p : pivots.subList(0, Math.min(CAP, pivots.size()))) {
                h.open("tr").el("td", t.word("pivot", p.status().key())).el("td", p.type().key() + ": " + p.value(), "class", "value")
                        .el("td", String.join(", ", p.devices().stream().map(DeviceRef::label).toList())).el("td", String.join(", ", p.groups()))
                        .el("td", t.get("pivots.background", p.backgroundDevices(), p.exposedDevices()))
                        .el("td", t.day(p.firstSeen()) + " – " + t.day(p.lastSeen())).el("td", p.decision().map(d -> d.describe()).orElse(""))
                        .close();
            }
            h.close().close().newline();
            if (pivots.size() > CAP) h.el("p", t.get("comparison.more", pivots.size() - CAP), "class", "note");
        }
        h.close().newline();
    }

    private static void conclusions(Xhtml h, Report r, Texts t) {
        HtmlReport.section(h, "conclusions", t.get("section.conclusions"), false);
        if (!r.mandate().questions().isEmpty()) {
            h.el("h3", t.get("conclusions.questions"));
            h.open("ol");
            for (String q : r.mandate().questions()) h.el("li", q);
            h.close();
        }
        h.el("h3", t.get("conclusions.findings"));
        for (String s : Conclusions.of(r, t)) h.elWithPowers("p", s, "class", "conclusion");
        h.el("h3", t.get("conclusions.signature"));
        h.el("p", t.get("conclusions.declaration"));
        h.open("table", "class", "signature kv").open("tbody");
        FrontSections.kv(h, t.get("conclusions.expert"), r.mandate().expert());
        FrontSections.kv(h, t.get("conclusions.date"), "");
        FrontSections.kv(h, t.get("conclusions.sign"), "");
        h.close().close().newline();
        h.close().newline();
    }

    private static void annex(Xhtml h, Report r, Texts t) {
        HtmlReport.section(h, "annex", t.get("section.annex"), false);
        h.el("h3", t.get("annex.custody"));
        for (Side s : r.sides()) {
            h.el("h4", t.get("annex.side", s.group(), t.word("origin", s.origin())));
            Side.Custody c = s.custody();
            if (c == null) {
                h.el("p", t.get("annex.noLedger"));
                continue;
            }
            h.open("table", "class", "kv").open("tbody");
            FrontSections.kv(h, t.get("annex.entries"), Long.toString(c.entries()));
            h.open("tr").el("th", t.get("annex.head"), "scope", "row").el("td", c.headHash(), "class", "hash").close();
            FrontSections.kv(h, t.get("annex.verified"), t.get(c.verified() ? "common.yes" : "common.no"));
            h.close().close();
            if (!c.excerpt().isEmpty()) {
                h.open("table", "class", "ledger").headRow("#", t.get("col.time"), t.get("col.action"), t.get("col.analyst"),
                        t.get("col.command"), t.get("col.entryHash")).open("tbody");
                for (Side.LedgerLine l : c.excerpt()) {
                    h.open("tr").el("td", Long.toString(l.seq())).el("td", l.time()).el("td", l.action()).el("td", l.analyst())
                            .open("td").el("code", l.command()).close().el("td", l.entryHash(), "class", "hash").close();
                }
                h.close().close().newline();
            }
        }
        h.el("h3", t.get("annex.reproduce"));
        h.el("p", t.get("annex.reproduceText"));
        h.el("pre", r.reproduce().isEmpty() ? t.get("common.notStated") : r.reproduce());
        h.el("p", t.get("annex.machineOutputs"), "class", "note");
        h.close().newline();
    }
}
