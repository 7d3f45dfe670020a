package org.cotejo.report.text;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.cotejo.correlation.lr.FeatureKind;
import org.cotejo.correlation.lr.SupportScale;
import org.cotejo.correlation.model.EvidenceLevel;

/**
 * The report's words in one language: labels and sentences from {@code report_<lang>.properties}
 * (UTF-8), with {@link MessageFormat} arguments. A key missing from the bundle is a defect, not a user
 * error: rendering stops rather than print a key or an English fallback into a French report.
 */
public final class Texts {
    static final String BUNDLE = "org.cotejo.report.text.report";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final ReportLanguage language;
    private final ResourceBundle bundle;

    private Texts(ReportLanguage language) {
        this.language = language;
        // No fallback to the JVM's default locale: the report's language is the one asked for, on any machine.
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Texts of(ReportLanguage language) {
        return new Texts(language);
    }

    /** The texts for a report's meta language ("es", "fr", "en"). */
    public static Texts of(String code) {
        return new Texts(ReportLanguage.of(code));
    }

    public ReportLanguage language() { return language; }

    /** The text of {@code key}, with {@code args} put in its {0}, {1}... */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("report text '" + key + "' is missing from the " + language.code() + " bundle", e);
        }
        // Always formatted, with or without arguments, so every text follows the same quoting rules.
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** "2026-11-28 10:00:00 UTC", or the "not stated" text for null. Times are always shown in UTC, and say so. */
    public String time(Instant t) {
        return t == null ? get("common.notStated") : UTC.format(t) + " UTC";
    }

    /** "2026-11-28", in UTC. */
    public String day(Instant t) {
        return t == null ? get("common.notStated") : DAY.format(t);
    }

    /** The text, or "not stated" when the model left it empty (the report never invents). */
    public String orNotStated(String s) {
        return s == null || s.isBlank() ? get("common.notStated") : s;
    }

    /** The verbal-scale words ("very strong support"). */
    public String support(SupportScale s) {
        return get("support." + s.key());
    }

    public String kind(FeatureKind k) {
        return get("kind." + k.key());
    }

    public String level(EvidenceLevel l) {
        return get("level." + l.key());
    }

    /**
     * The short name of a trace class however it is given: "process", the detection stage's label
     * "process traces", or the enum's name "EXECUTION" all give "process".
     */
    public static String traceKey(String trace) {
        String k = trace == null ? "" : trace.strip().toLowerCase(java.util.Locale.ROOT);
        if (k.endsWith(" traces")) k = k.substring(0, k.length() - " traces".length());
        return switch (k) {
            case "execution" -> "process";
            case "filesystem" -> "file";
            default -> k;
        };
    }

    /** The trace class in this language. */
    public String trace(String trace) {
        return word("trace", traceKey(trace));
    }

    /** A word the detection or correlation stage gives as a key ("infected", "exposure only", "high"). */
    public String word(String family, String key) {
        String k = family + "." + key.replace(' ', '-');
        return has(k) ? get(k) : key;
    }
}
