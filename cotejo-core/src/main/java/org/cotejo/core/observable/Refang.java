package org.cotejo.core.observable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the "defanging" analysts apply to indicators so they cannot be clicked ({@code hxxps://evil[.]com}).
 *
 * <p>Only exact, bracketed tokens are undone: a bare word "dot" or "at" in running text is left alone,
 * and {@code [:]} is replaced only as that exact token so an IPv6 literal such as {@code [2001:db8::1]}
 * survives. Nothing else in the text changes.
 */
public final class Refang {
    private Refang() {}

    /*
     * One pass over the text, so a replacement can never create a new token that a later replacement
     * would then rewrite. Spaces next to a bracketed dot or at are absorbed because feeds write
     * "evil [dot] com" as often as "evil[.]com".
     */
    private static final Pattern DEFANGED = Pattern.compile(
            "(?i)"
            + "\\bhxxp(s?)(?=:|\\[:)"                                           // group 1: hxxp, hXXps
            + "|( *(?:\\[ *(?:\\.|dot) *]|\\( *(?:\\.|dot) *\\)|\\{ *(?:\\.|dot) *}) *)" // group 2: [.] (dot) {.}
            + "|( *(?:\\[ *(?:@|at) *]|\\( *(?:@|at) *\\)|\\{ *(?:@|at) *}) *)"       // group 3: [@] (at)
            + "|(\\[://])"                                                      // group 4
            + "|(\\[:])"                                                        // group 5
            + "|(\\[/])");                                                      // group 6

    /*
     * U+FEFF (a byte-order mark left by a text editor) and U+200B (zero-width space, pasted from web
     * pages and chat apps) are invisible and never part of a real value. Zero-width joiners (U+200C,
     * U+200D) are deliberately kept: they are meaningful inside some internationalised domain names.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\x{FEFF}\\x{200B}]");

    /** Removes invisible characters and undoes defanging. */
    public static String refang(String s) {
        String visible = stripInvisible(s);
        if (!mayBeDefanged(visible)) return visible;
        Matcher m = DEFANGED.matcher(visible);
        return m.replaceAll(r -> {
            if (r.group(1) != null) return "http" + r.group(1).toLowerCase(java.util.Locale.ROOT);
            if (r.group(2) != null) return ".";
            if (r.group(3) != null) return "@";
            if (r.group(4) != null) return "://";
            if (r.group(5) != null) return ":";
            return "/";
        });
    }

    /**
     * Every defanging form has a bracket or an "xx" ({@code hxxp}); values without either, which is
     * nearly all of them, skip the regular expression. Loading a million-value feed depends on it.
     */
    private static boolean mayBeDefanged(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[' || c == '(' || c == '{') return true;
            if ((c == 'x' || c == 'X') && i + 1 < s.length() && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) return true;
        }
        return false;
    }

    /**
     * Removes only the invisible characters. Used for values that are never defanged (hashes, file
     * paths, process names), where a "(.)" or "[at]" could be part of a real name.
     */
    public static String stripInvisible(String s) {
        // Almost no value has one; skipping the regex then matters for millions of file hashes.
        if (s.indexOf('\uFEFF') < 0 && s.indexOf('\u200B') < 0) return s;
        return INVISIBLE.matcher(s).replaceAll("");
    }
}
