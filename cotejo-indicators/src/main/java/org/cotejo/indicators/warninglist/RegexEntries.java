package org.cotejo.indicators.warninglist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;

/**
 * {@code regex} lists, with {@code java.util.regex} ({@link Pattern#find}, as MISP's PCRE
 * {@code preg_match} does). Entries may be bare patterns or PCRE-style {@code /pattern/flags} with
 * flags {@code i}, {@code m}, {@code s}, {@code x}.
 *
 * <p>Lists come from outside, and a badly written pattern can backtrack for hours on an unlucky value.
 * Two guards keep a check bounded, both deterministic (no clocks, so the same input always gives the
 * same answer): values longer than {@value #MAX_VALUE_LENGTH} characters are not tested, and a match
 * attempt that reads more than {@value #MAX_CHAR_READS} characters is abandoned. Either way the
 * value counts as not matching: a warning list can only add caution, never remove evidence.
 */
final class RegexEntries implements EntryMatcher {
    static final int MAX_VALUE_LENGTH = 4_096;
    static final int MAX_CHAR_READS = 1_000_000;

    private record Entry(String text, Pattern pattern) {}

    private final Set<ObservableType> appliesTo;
    private final List<Entry> entries;

    private RegexEntries(Set<ObservableType> appliesTo, List<Entry> entries) {
        this.appliesTo = appliesTo;
        this.entries = entries;
    }

    static RegexEntries of(Set<ObservableType> appliesTo, List<String> entries, String where) {
        List<Entry> compiled = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String text = entries.get(i);
            try {
                compiled.add(new Entry(text, compile(text)));
            } catch (PatternSyntaxException e) {
                throw new CotejoException(where + ": entry " + (i + 1) + " of \"list\" is not a valid regular expression ("
                        + e.getDescription() + "): " + text);
            }
        }
        return new RegexEntries(appliesTo, List.copyOf(compiled));
    }

    private static Pattern compile(String text) {
        int close = text.lastIndexOf('/');
        if (text.startsWith("/") && close > 0 && text.substring(close + 1).matches("[imsx]*")) {
            int flags = 0;
            for (char f : text.substring(close + 1).toCharArray()) {
                flags |= switch (f) {
                    case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                    case 'm' -> Pattern.MULTILINE;
                    case 's' -> Pattern.DOTALL;
                    default -> Pattern.COMMENTS;
                };
            }
            return Pattern.compile(text.substring(1, close), flags);
        }
        return Pattern.compile(text);
    }

    @Override
    public Optional<Found> find(Observable observable) {
        String value = observable.value();
        if (!appliesTo.contains(observable.type()) || value.length() > MAX_VALUE_LENGTH) return Optional.empty();
        for (Entry entry : entries) {
            if (matches(entry.pattern(), value)) {
                return Optional.of(new Found(entry.text(), value + " matches /" + entry.pattern().pattern() + "/"));
            }
        }
        return Optional.empty();
    }

    static boolean matches(Pattern pattern, String value) {
        try {
            return pattern.matcher(new BudgetedChars(value, new int[] {MAX_CHAR_READS})).find();
        } catch (BudgetExhausted e) {
            return false;
        }
    }

    private static final class BudgetExhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExhausted() {
            super("regular expression gave up", null, false, false);
        }
    }

    /** A string whose characters can be read a limited number of times in all, sub-sequences included. */
    private record BudgetedChars(String text, int[] budget) implements CharSequence {
        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) throw new BudgetExhausted();
            return text.charAt(index);
        }

        @Override
        public int length() { return text.length(); }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedChars(text.substring(start, end), budget);
        }

        @Override
        public String toString() { return text; }
    }
}
