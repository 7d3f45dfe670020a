package org.cotejo.indicators.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * A STIX 2.1 pattern (spec section 9), parsed by recursive descent. Parsing is complete; evaluation
 * ({@link #singleValues()}) is deliberately narrow: Cotejo matches one value at a time, so it only
 * uses patterns that are one observation of {@code =} comparisons joined by {@code OR}.
 *
 * <p>We parse rather than split on {@code =} (as MVT does) so that values containing {@code =} or
 * escaped quotes are read correctly and compound patterns are recognised instead of misread.
 */
public final class StixPattern {

    /** An observation expression: {@code [ ... ]}, two joined by AND/OR/FOLLOWEDBY, or one with a qualifier. */
    public sealed interface Observation permits Bracket, Joined, Qualified {}

    public record Bracket(Test test) implements Observation {}

    public record Joined(String operator, Observation left, Observation right) implements Observation {}

    public record Qualified(Observation observation, String qualifier) implements Observation {}

    /** A comparison expression inside brackets. */
    public sealed interface Test permits Comparison, Logical {}

    /** {@code path [NOT] operator value}; {@code value} is null for EXISTS. */
    public record Comparison(ObjectPath path, boolean negated, String operator, Literal value) implements Test {}

    public record Logical(String operator, Test left, Test right) implements Test {}

    /** {@code file:hashes.'SHA-256'} is type {@code file}, steps {@code [hashes, SHA-256]}; indices are "[0]", "[*]". */
    public record ObjectPath(String objectType, List<String> steps) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(objectType).append(':');
            for (int i = 0; i < steps.size(); i++) {
                String s = steps.get(i);
                if (!s.startsWith("[") && i > 0) b.append('.');
                b.append(s);
            }
            return b.toString();
        }
    }

    /** A literal; {@code kind} is string, int, float, boolean, timestamp, hex, binary or set. */
    public record Literal(String kind, String text, List<Literal> elements) {}

    /** A pattern that does not follow the grammar; {@code column} is 1-based. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int column;

        SyntaxException(String message, int column) {
            super(message + " at column " + column);
            this.column = column;
        }

        public int column() { return column; }
    }

    private final String text;
    private final Observation root;

    private StixPattern(String text, Observation root) {
        this.text = text;
        this.root = root;
    }

    public static StixPattern parse(String text) throws SyntaxException {
        StixPatternParser p = new StixPatternParser(text);
        Observation root = p.observations();
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        return new StixPattern(text, root);
    }

    public String text() { return text; }

    public Observation root() { return root; }

    /**
     * The comparisons when the pattern is one observation of {@code =} comparisons joined only by
     * OR (each one a value on its own); otherwise throws with the construct Cotejo cannot evaluate.
     */
    public List<Comparison> singleValues() throws UnsupportedShape {
        if (!(root instanceof Bracket bracket)) {
            throw new UnsupportedShape(root instanceof Joined j ? "the observation operator " + j.operator()
                    : "the qualifier " + ((Qualified) root).qualifier());
        }
        List<Comparison> out = new ArrayList<>();
        collectOr(bracket.test(), out);
        return out;
    }

    private static void collectOr(Test test, List<Comparison> out) throws UnsupportedShape {
        if (test instanceof Logical l) {
            if (!l.operator().equals("OR")) throw new UnsupportedShape("AND between comparisons");
            collectOr(l.left(), out);
            collectOr(l.right(), out);
            return;
        }
        Comparison c = (Comparison) test;
        String op = (c.negated() ? "NOT " : "") + c.operator();
        if (!op.equals("=")) throw new UnsupportedShape("the operator " + op);
        if (!c.value().kind().equals("string")) throw new UnsupportedShape("a " + c.value().kind() + " value");
        out.add(c);
    }

    /** The construct that keeps a valid pattern from being read as single values. */
    public static final class UnsupportedShape extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedShape(String construct) {
            super(construct);
        }
    }
}
