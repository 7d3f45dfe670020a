package org.cotejo.indicators.feed;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence-level hints a feed states for itself or for an indicator (docs/feeds.md, "Evidence-level
 * hints"): tool, operator or weak-infrastructure. Correlation owns the meaning of the levels; readers
 * only check the word and keep its canonical spelling, accepting exactly what correlation accepts
 * ({@code weak_infrastructure} and {@code weak} as spellings of weak-infrastructure), so a hint that
 * loads is never refused later.
 */
final class LevelHints {
    private LevelHints() {}

    /** The custom STIX property, on an indicator or on a report. */
    static final String STIX_PROPERTY = "x_cotejo_evidence_level";
    /** The comment at the top of a plain list or CSV feed: {@code # cotejo-level: operator}. */
    static final Pattern COMMENT = Pattern.compile("\\s*cotejo-level\\s*:\\s*(.*?)\\s*", Pattern.CASE_INSENSITIVE);
    /** The MISP tag, on an attribute, an object or an event: {@code cotejo:evidence-level="operator"}. */
    private static final Pattern TAG = Pattern.compile("\\s*cotejo:evidence-level\\s*=\\s*\"?([^\"]*)\"?\\s*", Pattern.CASE_INSENSITIVE);

    /** "tool", "operator" or "weak-infrastructure", if {@code raw} names one of them. */
    static Optional<String> canonical(String raw) {
        String k = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (k) {
            case "tool", "operator", "weak-infrastructure" -> Optional.of(k);
            case "weak" -> Optional.of("weak-infrastructure");
            default -> Optional.empty();
        };
    }

    /** The value of a {@code cotejo:evidence-level} tag, or null when the tag is another one. */
    static String fromTag(String tag) {
        Matcher m = TAG.matcher(tag);
        return m.matches() ? m.group(1) : null;
    }

    /** The MISP tag stating {@code level}. */
    static String tag(String level) {
        return "cotejo:evidence-level=\"" + level + "\"";
    }

    /** The value of a {@code cotejo-level:} comment (text after '#'), or null when the comment is another one. */
    static String fromComment(String comment) {
        Matcher m = COMMENT.matcher(comment);
        return m.matches() ? m.group(1) : null;
    }

    static String refused(String raw) {
        return "evidence level '" + FeedLoad.printable(raw) + "' is not tool, operator or weak-infrastructure; "
                + "loaded without a level hint";
    }
}
