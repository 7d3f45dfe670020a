package org.cotejo.core.observable;

import java.util.Locale;

/**
 * E-mail normalisation. The whole address is lower-cased: RFC 5321 lets the local part be
 * case-sensitive, but mail providers treat it case-insensitively in practice and MVT compares
 * addresses case-insensitively, so an indicator {@code Bob@Evil.com} must match {@code bob@evil.com}.
 * The domain part is normalised as a host (punycode, no trailing dot, {@code www} kept).
 *
 * <p>Quoted local parts containing '@' and IP-literal domains ({@code user@[1.2.3.4]}) are rejected:
 * they are valid in RFC 5321 but do not occur in the traces and feeds Cotejo reads.
 */
public final class Emails {
    private Emails() {}

    public static String normalise(String refanged) {
        String text = refanged;
        // A copied "mailto:" link names the same address; keeping the prefix would make it a different value.
        if (text.regionMatches(true, 0, "mailto:", 0, 7)) text = text.substring(7);
        int at = text.indexOf('@');
        if (at < 0) throw new IllegalArgumentException("has no '@'");
        if (at != text.lastIndexOf('@')) throw new IllegalArgumentException("has more than one '@'");
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.isEmpty()) throw new IllegalArgumentException("has nothing before the '@'");
        if (domain.isEmpty()) throw new IllegalArgumentException("has nothing after the '@'");
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (Character.isISOControl(c)) throw new IllegalArgumentException("contains a control character");
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) throw new IllegalArgumentException("contains a space");
        }
        String host;
        try {
            host = DomainNames.normaliseHost(domain);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("domain '" + domain + "' " + e.getMessage());
        }
        return local.toLowerCase(Locale.ROOT) + "@" + host;
    }

    /** The domain part of a normalised address. */
    public static String domainOf(String normalisedEmail) {
        int at = normalisedEmail.lastIndexOf('@');
        if (at < 0) throw new IllegalArgumentException("'" + normalisedEmail + "' is not an e-mail address");
        return normalisedEmail.substring(at + 1);
    }
}
