package org.cotejo.report.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cotejo.core.CotejoException;

/** The languages a report is written in. Every label and sentence comes from this language's bundle. */
public enum ReportLanguage {
    ES("es", "español"),
    FR("fr", "français"),
    EN("en", "English");

    private final String code;
    private final String name;

    ReportLanguage(String code, String name) {
        this.code = code;
        this.name = name;
    }

    /** "es", "fr" or "en", as given to {@code --lang} and stored in the report's meta. */
    public String code() { return code; }

    /** The language's own name ("français"). */
    public String nativeName() { return name; }

    public Locale locale() { return Locale.forLanguageTag(code); }

    /**
     * The language of {@code code} (case and surrounding blanks ignored).
     *
     * @throws CotejoException naming the languages available when there is no bundle for it
     */
    public static ReportLanguage of(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (ReportLanguage l : values()) if (l.code.equals(c)) return l;
        throw new CotejoException("unknown report language '" + CotejoException.printable(code) + "'; choose one of "
                + Arrays.stream(values()).map(ReportLanguage::code).collect(Collectors.joining(", ")));
    }
}
