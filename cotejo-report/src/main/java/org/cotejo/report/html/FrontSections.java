package org.cotejo.report.html;

import java.util.Locale;
import org.cotejo.correlation.DeviceSummary;
import org.cotejo.correlation.enrich.EnrichmentSource;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.EvidenceEntry;
import org.cotejo.report.model.FeedEntry;
import org.cotejo.report.model.Mandate;
import org.cotejo.report.model.Report;
import org.cotejo.report.model.Side;
import org.cotejo.report.model.ToolEntry;
import org.cotejo.report.text.Texts;

/** The report's opening: title block, mandate, evidence inventory, and the tools and feeds used. */
final class FrontSections {
    private FrontSections() {}

    static void write(Xhtml h, Report r, Texts t) {
        title(h, r, t);
        mandate(h, r.mandate(), t);
        inventory(h, r, t);
        tools(h, r, t);
    }

    private static void title(Xhtml h, Report r, Texts t) {
        h.open("section", "id", "title", "class", "main first").newline();
        h.el("p", "TLP:" + r.meta().tlp().toUpperCase(Locale.ROOT), "class", "marking");
        h.el("h1", HtmlReport.title(r, t)).newline();
        h.el("p", t.get("title.kind"));
        h.open("table", "class", "kv").open("tbody");
        kv(h, t.get("title.agency"), t.orNotStated(r.meta().agency()));
        kv(h, t.get("title.expert"), t.orNotStated(r.mandate().expert()));
        kv(h, t.get("title.reportId"), r.meta().reportId());
        kv(h, t.get("title.generatedAt"), t.time(r.meta().generatedAt()));
        kv(h, t.get("title.tool"), "Cotejo " + r.meta().toolVersion());
        kv(h, t.get("title.language"), t.language().nativeName());
        kv(h, t.get("title.marking"), "TLP:" + r.meta().tlp().toUpperCase(Locale.ROOT) + " — " + t.word("tlp", r.meta().tlp()));
        h.close().close().newline();
        h.el("p", t.get("title.times"), "class", "note");
        h.open("nav").el("h3", t.get("title.contents")).open("ul", "class", "contents");
        for (String id : HtmlReport.SECTIONS.subList(1, HtmlReport.SECTIONS.size())) {
            h.open("li").el("a", t.get("section." + id), "href", "#" + id).close();
        }
        h.close().close().newline();
        h.close().newline();
    }

    private static void mandate(Xhtml h, Mandate m, Texts t) {
        HtmlReport.section(h, "mandate", t.get("section.mandate"), false);
        h.open("table", "class", "kv").open("tbody");
        kv(h, t.get("mandate.court"), t.orNotStated(m.court()));
        kv(h, t.get("mandate.proceedings"), t.orNotStated(m.proceedings()));
        kv(h, t.get("mandate.instrument"), t.orNotStated(m.instrument()));
        kv(h, t.get("mandate.requestingAuthority"), t.orNotStated(m.requestingAuthority()));
        kv(h, t.get("mandate.expert"), t.orNotStated(m.expert()));
        kv(h, t.get("mandate.orderedAt"), t.time(m.orderedAt()));
        h.close().close().newline();
        h.el("h3", t.get("mandate.questions"));
        if (m.questions().isEmpty()) {
            h.el("p", t.get("mandate.noQuestions"));
        } else {
            h.open("ol");
            for (String q : m.questions()) h.el("li", q);
            h.close();
        }
        h.newline().close().newline();
    }

    private static void inventory(Xhtml h, Report r, Texts t) {
        HtmlReport.section(h, "inventory", t.get("section.inventory"), false);
        h.el("p", t.get("inventory.intro"));
        h.el("h3", t.get("inventory.sides"));
        h.open("table").headRow(t.get("col.group"), t.get("col.origin"), t.get("col.source"), t.get("col.case"), t.get("col.agency"),
                t.get("col.reference"), t.get("col.legalBasis"), t.get("col.sender")).open("tbody");
        for (Side s : r.sides()) {
            h.open("tr");
            for (String cell : new String[] {s.group(), t.word("origin", s.origin())}) h.el("td", cell);
            // paths, case ids and the sender's key and manifest hashes are long unbroken strings: let them wrap
            h.el("td", s.source(), "class", "wrap").el("td", join(s.caseId(), s.caseName()), "class", "wrap");
            for (String cell : new String[] {s.agency(), s.reference(), s.legalBasis()}) h.el("td", cell);
            h.el("td", s.sender(), "class", "wrap").close();
        }
        h.close().close().newline();
        h.el("h3", t.get("inventory.devices"));
        h.open("table").headRow(t.get("col.device"), t.get("col.group"), t.get("col.platform"), t.get("col.verdict"),
                t.get("col.role"), t.get("col.items")).open("tbody");
        for (DeviceEntry d : r.devices()) {
            String role = r.comparison().devices().stream().filter(s -> s.device().id().equals(d.ref().id())).findFirst()
                    .map(DeviceSummary::role).map(x -> t.word("role", x.words())).orElse("");
            h.row(d.pseudonym(), d.ref().group(), d.ref().platform(), t.word("verdict", d.verdict().label()), role,
                    Integer.toString(d.evidence().size()));
        }
        h.close().close().newline();
        h.el("h3", t.get("inventory.items"));
        h.open("table").headRow(t.get("col.device"), t.get("col.item"), t.get("col.kind"), t.get("col.sha256"), t.get("col.size"),
                t.get("col.acquired"), t.get("col.how")).open("tbody");
        for (DeviceEntry d : r.devices()) {
            for (EvidenceEntry e : d.evidence()) {
                h.open("tr").el("td", d.pseudonym()).el("td", join(e.id(), e.name())).el("td", e.kind())
                        .el("td", e.sha256(), "class", "hash")
                        .el("td", t.get("inventory.size", e.files(), e.bytes()))
                        .el("td", join(t.orNotStated(e.acquiredBy()), t.time(e.acquiredAt())))
                        .el("td", join(e.method(), e.tool())).close();
            }
        }
        h.close().close().newline();
        h.close().newline();
    }

    private static void tools(Xhtml h, Report r, Texts t) {
        HtmlReport.section(h, "tools", t.get("section.tools"), false);
        h.el("h3", t.get("tools.software"));
        h.open("table").headRow(t.get("col.name"), t.get("col.version"), t.get("col.role")).open("tbody");
        for (ToolEntry e : r.tools()) h.row(e.name(), e.version(), e.role());
        h.close().close().newline();
        h.el("h3", t.get("tools.feeds"));
        h.el("p", t.get("tools.feedsIntro"));
        h.open("table").headRow(t.get("col.name"), t.get("col.sha256"), t.get("col.format"), t.get("col.source"), t.get("col.date"),
                t.get("col.indicators"), t.get("col.level")).open("tbody");
        for (FeedEntry f : r.feeds()) {
            h.open("tr").el("td", f.name()).el("td", f.sha256(), "class", "hash").el("td", f.format()).el("td", t.orNotStated(f.source()))
                    .el("td", t.time(f.date())).el("td", Long.toString(f.indicators())).el("td", t.word("level", f.level())).close();
        }
        h.close().close().newline();
        if (!r.comparison().enrichment().isEmpty()) {
            h.el("h3", t.get("tools.enrichment"));
            h.open("table").headRow(t.get("col.kind"), t.get("col.name"), t.get("col.sha256"), t.get("col.source"), t.get("col.date"),
                    t.get("col.records")).open("tbody");
            for (EnrichmentSource s : r.comparison().enrichment()) {
                h.open("tr").el("td", s.kind().key()).el("td", s.file()).el("td", s.sha256(), "class", "hash").el("td", s.source())
                        .el("td", s.date() == null ? t.get("common.notStated") : s.date().toString()).el("td", Long.toString(s.records())).close();
            }
            h.close().close().newline();
        }
        h.close().newline();
    }

    static void kv(Xhtml h, String key, String value) {
        h.open("tr").el("th", key, "scope", "row").el("td", value).close();
    }

    /** "a — b", leaving out empty parts. */
    static String join(String a, String b) {
        if (a == null || a.isBlank()) return b == null ? "" : b;
        if (b == null || b.isBlank()) return a;
        return a + " — " + b;
    }
}
