package org.cotejo.indicators.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        Parser p = new Parser(text);
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

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Observation observations() throws SyntaxException {
            Observation left = observationOr();
            while (keyword("FOLLOWEDBY")) left = new Joined("FOLLOWEDBY", left, observationOr());
            return left;
        }

        private Observation observationOr() throws SyntaxException {
            Observation left = observationAnd();
            while (keyword("OR")) left = new Joined("OR", left, observationAnd());
            return left;
        }

        private Observation observationAnd() throws SyntaxException {
            Observation left = observation();
            while (keyword("AND")) left = new Joined("AND", left, observation());
            return left;
        }

        private Observation observation() throws SyntaxException {
            Observation o;
            if (symbol("[")) {
                o = new Bracket(testOr());
                expect("]");
            } else if (symbol("(")) {
                o = observations();
                expect(")");
            } else {
                throw error("expected '[' to start an observation");
            }
            while (true) {
                int start = pos;
                if (keyword("WITHIN")) {
                    number();
                    expectKeyword("SECONDS");
                } else if (keyword("REPEATS")) {
                    number();
                    expectKeyword("TIMES");
                } else if (keyword("START")) {
                    typedString('t');
                    expectKeyword("STOP");
                    typedString('t');
                } else {
                    return o;
                }
                o = new Qualified(o, s.substring(start, pos).strip());
            }
        }

        private Test testOr() throws SyntaxException {
            Test left = testAnd();
            while (keyword("OR")) left = new Logical("OR", left, testAnd());
            return left;
        }

        private Test testAnd() throws SyntaxException {
            Test left = test();
            while (keyword("AND")) left = new Logical("AND", left, test());
            return left;
        }

        private Test test() throws SyntaxException {
            if (symbol("(")) {
                Test t = testOr();
                expect(")");
                return t;
            }
            boolean negated = keyword("NOT");
            if (keyword("EXISTS")) return new Comparison(objectPath(), negated, "EXISTS", null);
            ObjectPath path = objectPath();
            negated |= keyword("NOT");
            String op = operator();
            Literal value = op.equals("IN") ? set() : literal();
            return new Comparison(path, negated, op, value);
        }

        private String operator() throws SyntaxException {
            skipSpace();
            for (String op : new String[] {"!=", "<=", ">=", "=", "<", ">"}) if (symbol(op)) return op;
            for (String op : new String[] {"IN", "LIKE", "MATCHES", "ISSUBSET", "ISSUPERSET"}) if (keyword(op)) return op;
            throw error("expected a comparison operator");
        }

        private ObjectPath objectPath() throws SyntaxException {
            skipSpace();
            String type = identifier("an object type");
            if (!symbol(":")) throw error("expected ':' after the object type '" + type + "'");
            List<String> steps = new ArrayList<>();
            steps.add(pathKey());
            while (true) {
                if (pos < s.length() && s.charAt(pos) == '.') {
                    pos++;
                    steps.add(pathKey());
                } else if (pos < s.length() && s.charAt(pos) == '[') {
                    pos++;
                    int start = pos;
                    if (pos < s.length() && s.charAt(pos) == '*') pos++;
                    else while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
                    if (start == pos) throw error("expected a list index or '*'");
                    String index = s.substring(start, pos);
                    if (pos >= s.length() || s.charAt(pos) != ']') throw error("expected ']' after a list index");
                    pos++;
                    steps.add("[" + index + "]");
                } else {
                    return new ObjectPath(type, List.copyOf(steps));
                }
            }
        }

        private String pathKey() throws SyntaxException {
            if (pos < s.length() && s.charAt(pos) == '\'') return quoted();
            return identifier("a property name");
        }

        private String identifier(String what) throws SyntaxException {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '-')) pos++;
            if (start == pos) throw error("expected " + what);
            return s.substring(start, pos);
        }

        private Literal set() throws SyntaxException {
            expect("(");
            List<Literal> elements = new ArrayList<>();
            do elements.add(literal()); while (symbol(","));
            expect(")");
            return new Literal("set", null, List.copyOf(elements));
        }

        private Literal literal() throws SyntaxException {
            skipSpace();
            if (pos >= s.length()) throw error("expected a value");
            char c = s.charAt(pos);
            if (c == '\'') return new Literal("string", quoted(), List.of());
            if ((c == 't' || c == 'h' || c == 'b') && pos + 1 < s.length() && s.charAt(pos + 1) == '\'') {
                String kind = c == 't' ? "timestamp" : c == 'h' ? "hex" : "binary";
                return new Literal(kind, typedString(c), List.of());
            }
            if (keyword("true")) return new Literal("boolean", "true", List.of());
            if (keyword("false")) return new Literal("boolean", "false", List.of());
            if (c == '-' || c == '+' || Character.isDigit(c)) {
                String n = number();
                return new Literal(n.contains(".") ? "float" : "int", n, List.of());
            }
            throw error("expected a value");
        }

        private String typedString(char prefix) throws SyntaxException {
            skipSpace();
            if (pos + 1 >= s.length() || s.charAt(pos) != prefix || s.charAt(pos + 1) != '\'') {
                throw error("expected " + prefix + "'…'");
            }
            pos++;
            return quoted();
        }

        private String number() throws SyntaxException {
            skipSpace();
            int start = pos;
            if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) pos++;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) pos++;
            String n = s.substring(start, pos);
            if (!n.matches("[-+]?\\d+(\\.\\d+)?")) {
                pos = start;
                throw error("expected a number");
            }
            return n;
        }

        /** A single-quoted string; only {@code \'} and {@code \\} are escapes, as the spec allows. */
        private String quoted() throws SyntaxException {
            int open = pos;
            pos++;
            StringBuilder b = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '\'') return b.toString();
                if (c == '\\') {
                    if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '\\')) {
                        b.append(s.charAt(pos++));
                        continue;
                    }
                    pos--;
                    throw error("invalid escape '\\' (only \\' and \\\\ are allowed)");
                }
                b.append(c);
            }
            pos = open;
            throw error("unterminated string");
        }

        private void expect(String symbol) throws SyntaxException {
            if (!symbol(symbol)) throw error("expected '" + symbol + "'");
        }

        private void expectKeyword(String word) throws SyntaxException {
            if (!keyword(word)) throw error("expected " + word);
        }

        private boolean symbol(String symbol) {
            skipSpace();
            if (s.startsWith(symbol, pos)) {
                pos += symbol.length();
                return true;
            }
            return false;
        }

        /** Keywords are matched case-insensitively and only as whole words. */
        private boolean keyword(String word) {
            skipSpace();
            int end = pos + word.length();
            if (end > s.length() || !s.substring(pos, end).toUpperCase(Locale.ROOT).equals(word.toUpperCase(Locale.ROOT))) {
                return false;
            }
            if (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) return false;
            pos = end;
            return true;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        SyntaxException error(String message) {
            return new SyntaxException(message, pos + 1);
        }
    }
}
