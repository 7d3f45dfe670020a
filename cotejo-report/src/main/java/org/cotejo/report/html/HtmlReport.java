package org.cotejo.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.cotejo.report.model.Report;
import org.cotejo.report.text.Texts;

/**
 * The expert report as one self-contained XHTML document: inline style, inline SVG figures, no script,
 * no external request of any kind. Its sections follow ISO/IEC 27042 and the ENFSI guideline for
 * evaluative reporting: title, mandate, evidence inventory, tools and feeds, method, per-device
 * findings, the comparison, pivots awaiting confirmation, conclusions with the expert's signature, and
 * the annex. The same document is laid out as the PDF.
 */
public final class HtmlReport {
    /** The section ids, in order (tests and readers can link to them). */
    public static final java.util.List<String> SECTIONS = java.util.List.of("title", "mandate", "inventory", "tools", "method",
            "findings", "comparison", "pivots", "conclusions", "annex");

    private HtmlReport() {}

    public static String render(Report r) {
        Texts t = Texts.of(r.meta().language());
        Xhtml h = new Xhtml();
        h.raw("<!DOCTYPE html>\n");
        h.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", t.language().code(), "xml:lang", t.language().code()).newline();
        h.open("head").newline();
        h.empty("meta", "charset", "UTF-8").newline();
        h.empty("meta", "name", "generator", "content", "Cotejo " + r.meta().toolVersion()).newline();
        h.empty("meta", "name", "subject", "content", t.get("report.subject")).newline();
        // An empty icon: without it a browser asks the server for /favicon.ico, a request the report must not cause.
        h.empty("link", "rel", "icon", "href", "data:,").newline();
        h.el("title", title(r, t)).newline();
        // Raw, because a style element is not parsed for entities by browsers; css() guarantees it holds no markup.
        h.open("style", "type", "text/css").raw(css(r, t)).close().newline();
        h.close().newline();
        h.open("body").newline();
        FrontSections.write(h, r, t);
        MethodSection.write(h, r, t);
        FindingsSection.write(h, r, t);
        ComparisonSection.write(h, r, t);
        ClosingSections.write(h, r, t);
        h.close().newline().close().newline();
        return h.finish();
    }

    static String title(Report r, Texts t) {
        return r.meta().title().isBlank() ? t.get("report.defaultTitle") : r.meta().title();
    }

    private static String css(Report r, Texts t) {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) throw new IllegalStateException("the build lost report.css");
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String header = "TLP:" + r.meta().tlp().toUpperCase(java.util.Locale.ROOT) + " — " + r.meta().reportId();
            css = css.replace("__PAGE__", cssString(t.get("page.page"))).replace("__HEADER__", cssString(header));
            if (css.contains("<") || css.contains("&")) throw new IllegalStateException("report.css must hold no '<' or '&'");
            return css;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text safe inside a CSS double-quoted string. */
    private static String cssString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n<&]", " ");
    }

    /** Opens a main section with its id and heading; the caller closes it. */
    static void section(Xhtml h, String id, String heading, boolean first) {
        h.open("section", "id", id, "class", first ? "main first" : "main").newline();
        h.el("h2", heading).newline();
    }
}
