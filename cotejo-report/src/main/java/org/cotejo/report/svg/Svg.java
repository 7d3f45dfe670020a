package org.cotejo.report.svg;

import java.util.Locale;
import org.cotejo.report.html.Xhtml;

/**
 * A small writer of SVG markup for the report's figures: numbers printed the same way on every machine
 * (two decimals, dot separator), text as real SVG text, a title and description for screen readers.
 * The font is named explicitly because the PDF embeds exactly that font.
 */
final class Svg {
    static final String FONT = "DejaVu Sans, sans-serif";
    /** Okabe–Ito colours: told apart by colour-blind readers; figures also vary shape and dash for grey-scale print. */
    static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"};
    static final String[] DASHES = {"none", "6 3", "2 2", "8 3 2 3", "4 4", "1 3"};

    private final StringBuilder b = new StringBuilder(4096);

    Svg(String id, double width, double height, String title, String desc) {
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" id=\"").append(Xhtml.escape(id)).append('"')
                .append(" width=\"").append(n(width)).append("\" height=\"").append(n(height)).append('"')
                .append(" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height)).append('"')
                .append(" role=\"img\" aria-labelledby=\"").append(Xhtml.escape(id)).append("-title\"")
                .append(" font-family=\"").append(FONT).append("\" font-size=\"10\">");
        b.append("<title id=\"").append(Xhtml.escape(id)).append("-title\">").append(Xhtml.escape(title)).append("</title>");
        b.append("<desc>").append(Xhtml.escape(desc)).append("</desc>");
    }

    static String n(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }

    /** An element with attributes as name, value pairs and no content. */
    Svg el(String tag, Object... attributes) {
        b.append('<').append(tag);
        attributes(attributes);
        b.append("/>");
        return this;
    }

    /** An element with a tooltip (its {@code title} child), e.g. a point whose label would not fit. */
    Svg withTitle(String tag, String title, Object... attributes) {
        b.append('<').append(tag);
        attributes(attributes);
        b.append("><title>").append(Xhtml.escape(title)).append("</title></").append(tag).append('>');
        return this;
    }

    Svg text(double x, double y, String text, Object... attributes) {
        b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        attributes(attributes);
        b.append('>').append(Xhtml.escape(text)).append("</text>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        return el("line", "x1", x1, "y1", y1, "x2", x2, "y2", y2, "stroke", stroke, "stroke-width", width,
                "stroke-dasharray", "none".equals(dash) ? null : dash);
    }

    Svg openGroup(Object... attributes) {
        b.append("<g");
        attributes(attributes);
        b.append('>');
        return this;
    }

    Svg closeGroup() {
        b.append("</g>");
        return this;
    }

    /** A marker shape centred on (x, y): 0 circle, 1 square, 2 diamond, 3 triangle, 4 cross. */
    Svg marker(int shape, double x, double y, double r, String fill, String stroke, String title) {
        String t = title == null ? null : title;
        switch (Math.floorMod(shape, 5)) {
            case 0 -> shape("circle", t, "cx", x, "cy", y, "r", r, "fill", fill, "stroke", stroke);
            case 1 -> shape("rect", t, "x", x - r, "y", y - r, "width", 2 * r, "height", 2 * r, "fill", fill, "stroke", stroke);
            case 2 -> shape("polygon", t, "points", pts(x, y - r * 1.3, x + r * 1.3, y, x, y + r * 1.3, x - r * 1.3, y), "fill", fill, "stroke", stroke);
            case 3 -> shape("polygon", t, "points", pts(x, y - r * 1.2, x + r * 1.2, y + r, x - r * 1.2, y + r), "fill", fill, "stroke", stroke);
            default -> shape("path", t, "d", "M" + n(x - r) + " " + n(y - r) + " L" + n(x + r) + " " + n(y + r) + " M" + n(x - r) + " "
                    + n(y + r) + " L" + n(x + r) + " " + n(y - r), "fill", "none", "stroke", fill, "stroke-width", 2);
        }
        return this;
    }

    private void shape(String tag, String title, Object... attributes) {
        if (title == null) el(tag, attributes);
        else withTitle(tag, title, attributes);
    }

    private static String pts(double... xy) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) p.append(i == 0 ? "" : " ").append(n(xy[i])).append(',').append(n(xy[i + 1]));
        return p.toString();
    }

    private void attributes(Object... attributes) {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            Object v = attributes[i + 1];
            if (v == null) continue;
            String s = v instanceof Double d ? n(d) : v instanceof Integer k ? k.toString() : v.toString();
            b.append(' ').append(attributes[i]).append("=\"").append(Xhtml.escape(s)).append('"');
        }
    }

    String finish() {
        return b.append("</svg>").toString();
    }
}
