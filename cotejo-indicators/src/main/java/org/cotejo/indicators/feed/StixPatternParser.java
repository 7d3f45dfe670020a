package org.cotejo.indicators.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cotejo.indicators.feed.StixPattern.Bracket;
import org.cotejo.indicators.feed.StixPattern.Comparison;
import org.cotejo.indicators.feed.StixPattern.Joined;
import org.cotejo.indicators.feed.StixPattern.Literal;
import org.cotejo.indicators.feed.StixPattern.Logical;
import org.cotejo.indicators.feed.StixPattern.ObjectPath;
import org.cotejo.indicators.feed.StixPattern.Observation;
import org.cotejo.indicators.feed.StixPattern.Qualified;
import org.cotejo.indicators.feed.StixPattern.SyntaxException;
import org.cotejo.indicators.feed.StixPattern.Test;

/**
 * Recursive descent over the STIX 2.1 patterning grammar (spec section 9.7), one method per rule,
 * scanning characters directly: object paths, quoted keys and typed literals need no separate lexer.
 */
final class StixPatternParser {
    private final String s;
    int pos;

    StixPatternParser(String s) {
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
