package org.cotejo.report.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Writes markup that is both well-formed XML (openhtmltopdf parses it as XML for the PDF) and ordinary
 * HTML (browsers open report.html as HTML): every element is closed explicitly except the void ones,
 * and all text and attribute values are escaped. Text from evidence can hold anything, so characters
 * XML forbids are replaced rather than written.
 */
public final class Xhtml {
    private static final Set<String> VOID = Set.of("meta", "br", "col", "hr", "link");

    private final StringBuilder out;
    private final Deque<String> open = new ArrayDeque<>();

    public Xhtml() {
        this(new StringBuilder(1 << 16));
    }

    public Xhtml(StringBuilder out) {
        this.out = out;
    }

    /** Opens {@code tag} with attributes given as name, value pairs (a null value leaves the attribute out). */
    public Xhtml open(String tag, String... attributes) {
        start(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    public Xhtml close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element holding only text. */
    public Xhtml el(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close();
    }

    /** A void element ({@code meta}, {@code br}, {@code col}). */
    public Xhtml empty(String tag, String... attributes) {
        if (!VOID.contains(tag)) throw new IllegalArgumentException(tag + " is not a void element");
        start(tag, attributes);
        out.append("/>");
        return this;
    }

    public Xhtml text(String s) {
        escape(out, s, false);
        return this;
    }

    /** Text whose powers of ten, written "10^5" by the ratio formatter, are shown as superscripts. */
    public Xhtml textWithPowers(String s) {
        java.util.regex.Matcher m = POWER.matcher(s);
        int at = 0;
        while (m.find()) {
            text(s.substring(at, m.start()) + "10");
            el("sup", m.group(1));
            at = m.end();
        }
        return text(s.substring(at));
    }

    /** An element holding text with powers of ten as superscripts. */
    public Xhtml elWithPowers(String tag, String text, String... attributes) {
        return open(tag, attributes).textWithPowers(text).close();
    }

    private static final java.util.regex.Pattern POWER = java.util.regex.Pattern.compile("10\\^(-?\\d+)");

    /** Markup made by the project itself (an SVG figure), already well-formed and escaped. */
    public Xhtml raw(String markup) {
        out.append(markup);
        return this;
    }

    public Xhtml newline() {
        out.append('\n');
        return this;
    }

    /** A table row of text cells. */
    public Xhtml row(String... cells) {
        open("tr");
        for (String c : cells) el("td", c);
        return close();
    }

    /** A table header row. */
    public Xhtml headRow(String... cells) {
        open("thead").open("tr");
        for (String c : cells) el("th", c, "scope", "col");
        return close().close();
    }

    public String finish() {
        if (!open.isEmpty()) throw new IllegalStateException("unclosed elements: " + open);
        return out.toString();
    }

    private void start(String tag, String... attributes) {
        if (attributes.length % 2 != 0) throw new IllegalArgumentException("attributes come in name, value pairs");
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) continue;
            out.append(' ').append(attributes[i]).append("=\"");
            escape(out, attributes[i + 1], true);
            out.append('"');
        }
    }

    /** Escapes text for XML and HTML alike. */
    public static void escape(StringBuilder b, String s, boolean attribute) {
        if (s == null) return;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else if (Character.isSurrogate(c) && !validPair(s, i)) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
    }

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        escape(b, s, true);
        return b.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
