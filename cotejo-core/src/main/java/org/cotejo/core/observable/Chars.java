package org.cotejo.core.observable;

/** Character-class tests used on every value normalised; plain loops, as they run millions of times. */
final class Chars {
    private Chars() {}

    /** True for a non-empty run of ASCII decimal digits. */
    static boolean allDigits(CharSequence s) {
        if (s.length() == 0) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** True when every character is ASCII (an empty text included). */
    static boolean isAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }
}
