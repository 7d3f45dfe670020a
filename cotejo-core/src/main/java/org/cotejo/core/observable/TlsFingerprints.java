package org.cotejo.core.observable;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * TLS fingerprint normalisation. JA3 (and JA3S) values are exchanged as the MD5 of the JA3 string, so
 * they normalise like an MD5 hash. JA4 values are exchanged in their hashed form (FoxIO's JA4 spec):
 * {@code a_b_c} where {@code a} is 10 characters (protocol {@code t}/{@code q}/{@code d}, two-character
 * version, {@code d}/{@code i}, two two-digit counts, two ALPN characters) and {@code b}, {@code c} are
 * 12 hex digits each. Raw JA4 ({@code JA4_r}) strings are rejected: feeds share the hashed form.
 */
public final class TlsFingerprints {
    private TlsFingerprints() {}

    private static final Pattern JA4 = Pattern.compile("[tqd][0-9a-z]{2}[di][0-9]{4}[0-9a-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}");

    public static String normaliseJa3(String refanged) {
        return Hashes.normalise(refanged, 32);
    }

    public static String normaliseJa4(String refanged) {
        String v = refanged.strip().toLowerCase(Locale.ROOT);
        if (!JA4.matcher(v).matches()) {
            throw new IllegalArgumentException("is not a JA4 fingerprint (expected the form t13d1516h2_8daaf6152771_e5627efa2ab1)");
        }
        return v;
    }
}
