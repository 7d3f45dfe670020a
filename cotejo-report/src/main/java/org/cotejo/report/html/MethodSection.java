package org.cotejo.report.html;

import java.util.Locale;
import org.cotejo.correlation.cluster.Explanation;
import org.cotejo.correlation.lr.KindRate;
import org.cotejo.correlation.lr.SupportScale;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.report.model.Method;
import org.cotejo.report.model.Report;
import org.cotejo.report.text.Texts;

/**
 * The method: how indicators are matched, the evidence levels, how the likelihood ratio is formed for the
 * two propositions, the verbal scale, the limitations, and the measured error rates that validate it.
 */
final class MethodSection {
    /** Standing limitations, stated in every report (run-specific ones come from the model). */
    static final int STANDING_LIMITATIONS = 5;

    private MethodSection() {}

    static void write(Xhtml h, Report r, Texts t) {
        Method m = r.method();
        var calibration = m.calibration() != null ? m.calibration() : r.comparison().calibration();
        HtmlReport.section(h, "method", t.get("section.method"), false);
        h.el("h3", t.get("method.matching"));
        h.el("p", t.get("method.matching.text"));
        h.el("p", t.get("method.verdict.text"));

        h.el("h3", t.get("method.levels"));
        h.open("table").headRow(t.get("col.level"), t.get("col.meaning")).open("tbody");
        for (EvidenceLevel l : EvidenceLevel.values()) h.row(t.level(l), t.get("method.level." + l.key()));
        h.close().close().newline();

        h.el("h3", t.get("method.propositions"));
        propositions(h, t);
        h.el("p", t.get("method.lr.text"));
        h.el("p", t.get("method.lr.dependence"));
        // From the correlation's own options: the threshold the links were actually computed with.
        double threshold = r.comparison().options().linkLog10();
        h.elWithPowers("p", t.get("method.threshold", Explanation.ratio(threshold), t.support(SupportScale.ofLog10(threshold))));
        h.el("p", t.get("method.cluster.text"));

        h.el("h3", t.get("method.calibration"));
        h.el("p", t.get("method.calibration.text", calibration.name(), calibration.provenance()));
        h.open("table").headRow(t.get("col.kind"), t.get("col.level"), "P(E|Hp)", "P(E|Hd)", t.get("col.lr"), t.get("col.source"))
                .open("tbody");
        for (KindRate k : calibration.rates()) {
            h.open("tr").el("td", t.kind(k.kind())).el("td", t.level(k.kind().level())).el("td", p(k.pHp())).el("td", p(k.pHd()))
                    .elWithPowers("td", Explanation.ratio(Math.log10(k.lr()))).el("td", k.source()).close();
        }
        h.close().close().newline();

        h.el("h3", t.get("method.scale"));
        h.el("p", t.get("method.scale.text"));
        h.open("table", "id", "verbal-scale").headRow(t.get("col.lrRange"), t.get("col.support")).open("tbody");
        SupportScale[] s = SupportScale.values();
        for (int i = 0; i < s.length; i++) {
            String range = i + 1 < s.length ? t.get("method.scale.range", number(s[i].from()), number(s[i + 1].from()))
                    : t.get("method.scale.above", number(s[i].from()));
            h.open("tr").elWithPowers("td", range).el("td", t.support(s[i])).close();
        }
        h.close().close().newline();

        h.el("h3", t.get("method.limitations"));
        h.open("ul");
        for (int i = 1; i <= STANDING_LIMITATIONS; i++) h.el("li", t.get("method.limitation." + i));
        for (String l : m.limitations()) h.el("li", l);
        h.close().newline();

        h.el("h3", t.get("method.validation"));
        if (m.validation() == null || m.validation().rows().isEmpty()) {
            h.el("p", t.get("method.validation.none"));
        } else {
            h.el("p", t.get("method.validation.text", m.validation().provenance()));
            h.open("table", "id", "validation").headRow(t.get("col.devices"), t.get("col.condition"), t.get("col.ari"), t.get("col.precision"),
                    t.get("col.recall"), t.get("col.falseStrong")).open("tbody");
            for (Method.ValidationRow v : m.validation().rows()) {
                h.row(Integer.toString(v.devices()), t.word("condition", v.condition()), fixed(v.adjustedRandIndex()), fixed(v.precision()),
                        fixed(v.recall()), fixed(v.falseStrongRate()));
            }
            h.close().close().newline();
            h.el("p", t.get("method.validation.reading"), "class", "note");
        }
        h.close().newline();
    }

    static void propositions(Xhtml h, Texts t) {
        h.open("ul", "class", "propositions");
        h.open("li").el("strong", "Hp: ").text(t.get("proposition.hp")).close();
        h.open("li").el("strong", "Hd: ").text(t.get("proposition.hd")).close();
        h.close().newline();
    }

    private static String p(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String number(double v) {
        return v >= 10_000 ? Explanation.ratio(Math.log10(v)) : String.format(Locale.ROOT, "%,.0f", v);
    }
}
