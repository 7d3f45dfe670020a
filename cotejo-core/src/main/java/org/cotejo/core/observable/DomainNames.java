package org.cotejo.core.observable;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Domain-name normalisation: lower case, punycode (A-labels), no trailing dot, validated label by
 * label.
 *
 * <p>Single-label names ({@code localhost}, {@code intranet}) are accepted: they are valid DNS names
 * and appear in URLs on devices, and dropping them would hide a trace. They have no registrable
 * domain. Underscores are accepted in labels because real DNS names carry them
 * ({@code _dmarc.example.com}, {@code a_b.example.com}).
 */
public final class DomainNames {
    private DomainNames() {}

    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    /**
     * Canonical ASCII (punycode) lower-case name, no trailing dot, leading whole-label {@code www.}
     * removed. The {@code www} label is removed only when what remains has at least two labels and is
     * not itself a public suffix, so a feed entry {@code www.co.uk} never turns into an indicator for
     * all of {@code co.uk}.
     */
    public static String normalise(String refanged) {
        String host = normaliseHost(refanged);
        if (host.startsWith("www.")) {
            String rest = host.substring(4);
            if (rest.indexOf('.') > 0 && !isPublicSuffix(rest)) return rest;
        }
        return host;
    }

    /** Host as found in a URL: like {@link #normalise} but keeps {@code www.}. */
    public static String normaliseHost(String refanged) {
        // The names that fill network logs are already canonical: plain lower-case labels pass every step below
        // unchanged (no space, ':', '/' or '@'; a last label with a letter, so not a dotted quad; no trailing dot;
        // nothing to lower-case or to punycode), so they are returned without the steps' scans.
        if (refanged.length() <= MAX_NAME_LENGTH && isPlainValidName(refanged)) return refanged;
        rejectNonDomainCharacters(refanged);
        if (IpAddresses.isIpv4(refanged)) throw new IllegalArgumentException("this is an IPv4 address, not a domain");
        String name = refanged.endsWith(".") ? refanged.substring(0, refanged.length() - 1) : refanged;
        if (name.isEmpty()) throw new IllegalArgumentException("has no labels");
        String ascii = toAscii(name.toLowerCase(Locale.ROOT));
        validate(ascii);
        return ascii;
    }

    /**
     * Registrable domain of a normalised name ({@code a.b.evil.co.uk} gives {@code evil.co.uk}), if it
     * has one: empty for IP addresses, public suffixes themselves, single labels and unknown TLDs.
     *
     * <p>Only the ICANN section of the public-suffix list is used (Guava's "registry suffix"). The
     * private section (github.io, blogspot.com, ...) is deliberately not used for matching: it lists
     * hosting platforms, and a matching rule that treats {@code foo.github.io} and {@code bar.github.io}
     * as different owners must be a decision of the indicator, not of the suffix list's version.
     */
    public static Optional<String> registrableDomain(String normalised) {
        if (IpAddresses.isIpv4(normalised) || IpAddresses.isIpv6(normalised)) return Optional.empty();
        String[] labels = normalised.split("\\.", -1);
        // Guava rejects labels starting with '_' ("_dmarc"); such labels are never part of a public
        // suffix, so skip leading labels until the rest parses.
        for (int i = 0; i < labels.length; i++) {
            String candidate = String.join(".", java.util.Arrays.copyOfRange(labels, i, labels.length));
            InternetDomainName name;
            try {
                name = InternetDomainName.from(candidate);
            } catch (IllegalArgumentException notAcceptedByGuava) {
                continue;
            }
            // An underscore label right above a public suffix cannot be registered: no registrable domain.
            if (!name.isUnderRegistrySuffix()) return Optional.empty();
            try {
                return Optional.of(name.topDomainUnderRegistrySuffix().toString());
            } catch (IllegalStateException noSuffix) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Unicode form of a punycode name, for display ({@code xn--exmple-cua.org} gives {@code exämple.org}). */
    public static String toUnicode(String normalised) {
        return IDN.toUnicode(normalised, IDN.ALLOW_UNASSIGNED);
    }

    private static boolean isPublicSuffix(String name) {
        try {
            return InternetDomainName.from(name).isRegistrySuffix();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void rejectNonDomainCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) throw new IllegalArgumentException("contains a control character");
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) throw new IllegalArgumentException("contains a space");
        }
        if (text.indexOf(':') >= 0) {
            if (IpAddresses.isIpv6(text)) throw new IllegalArgumentException("this is an IPv6 address, not a domain");
            throw new IllegalArgumentException("contains ':' (a URL or a port?), which a domain does not");
        }
        if (text.indexOf('/') >= 0) throw new IllegalArgumentException("contains '/' (a URL?), which a domain does not");
        if (text.indexOf('@') >= 0) throw new IllegalArgumentException("contains '@' (an e-mail address?), which a domain does not");
    }

    /*
     * Label by label, so an ASCII name gets our own reasons (IDN.toASCII would fail a 64-character
     * label with a vaguer message) and only non-ASCII labels go through IDNA. The dots IDNA treats
     * as separators (ideographic and full-width full stops) are mapped to '.' first.
     */
    private static String toAscii(String name) {
        if (Chars.isAscii(name)) return name;
        String dotted = name.replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.');
        String[] labels = dotted.split("\\.", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (i > 0) b.append('.');
            if (Chars.isAscii(label)) {
                b.append(label);
                continue;
            }
            try {
                b.append(IDN.toASCII(label, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("label '" + label + "' is not a valid internationalised label");
            }
        }
        return b.toString();
    }

    /**
     * The accepting case of {@link #validate} in one pass without allocating, for the names that fill network
     * logs: labels of 1 to 63 characters from {@code a-z 0-9 - _}, not starting or ending with a hyphen, no
     * {@code xn--} label (those need the punycode check), and a last label that is not all digits. Anything
     * else is left to {@link #validate}, which says what is wrong (or accepts it).
     */
    static boolean isPlainValidName(String ascii) {
        int n = ascii.length();
        if (n == 0) return false;
        int start = 0;
        boolean allDigits = true;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? ascii.charAt(i) : '.';
            if (c == '.') {
                int len = i - start;
                if (len == 0 || len > MAX_LABEL_LENGTH) return false;
                if (ascii.charAt(start) == '-' || ascii.charAt(i - 1) == '-') return false;
                if (len >= 4 && ascii.startsWith("xn--", start)) return false;
                if (i == n && allDigits) return false;
                start = i + 1;
                allDigits = true;
            } else if (c >= '0' && c <= '9') {
                // a digit: allowed anywhere
            } else if ((c >= 'a' && c <= 'z') || c == '-' || c == '_') {
                allDigits = false;
            } else {
                return false;
            }
        }
        return true;
    }

    private static void validate(String ascii) {
        if (ascii.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("is " + ascii.length() + " characters long, a domain has at most " + MAX_NAME_LENGTH);
        }
        if (!isPlainValidName(ascii)) validateInDetail(ascii);
    }

    /** {@link #validate} the long way, label by label: returns for a valid name, else throws the reason. */
    static void validateInDetail(String ascii) {
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) throw new IllegalArgumentException("has an empty label ('..' or a leading dot)");
            if (label.length() > MAX_LABEL_LENGTH) {
                throw new IllegalArgumentException("label longer than " + MAX_LABEL_LENGTH + " characters");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok) throw new IllegalArgumentException("contains '" + c + "', which is not allowed in a domain");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw new IllegalArgumentException("label '" + label + "' starts or ends with a hyphen");
            }
            if (label.startsWith("xn--") && IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED).equals(label)) {
                throw new IllegalArgumentException("label '" + label + "' is not valid punycode");
            }
        }
        // "1.2.3.999", "010.1.1.1" or "0x7f.1" are failed IP addresses, not names: no top-level domain is numeric.
        String last = labels[labels.length - 1];
        if (Chars.allDigits(last)) {
            throw new IllegalArgumentException("ends in a numeric label, so it looks like a malformed IP address");
        }
    }
}
