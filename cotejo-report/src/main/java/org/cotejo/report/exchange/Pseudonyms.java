package org.cotejo.report.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cotejo.cases.custody.InstallationKey;

/**
 * Keyed pseudonyms for what identifies a device or a person: device ids, UDIDs, serial numbers, IMEIs,
 * phone numbers, e-mail addresses. A pseudonym is an HMAC-SHA-256 of the value under a secret only the
 * sender holds, so the recipient cannot recover the value by trying candidates (an unkeyed hash of a
 * phone number can be reversed by enumerating numbers), while the same value always gets the same
 * pseudonym in the sender's packages.
 */
public final class Pseudonyms {
    /** Apple UDIDs (40 hex digits, or 8-16 hex digits joined by a dash), IMEIs and bare phone numbers (9 to 15 digits). */
    private static final List<Pattern> IDENTIFIERS = List.of(
            Pattern.compile("(?<![0-9A-Za-z])[0-9a-fA-F]{40}(?![0-9A-Za-z])"),
            Pattern.compile("(?<![0-9A-Za-z])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{16}(?![0-9A-Za-z])"),
            Pattern.compile("(?<![0-9A-Za-z+])\\+\\d[\\d ]{6,17}\\d(?![0-9A-Za-z])"),
            Pattern.compile("(?<![0-9A-Za-z.:-])\\d{9,15}(?![0-9A-Za-z.:-])"),
            // Serial numbers: 10 to 12 upper-case letters and digits, at least two of each.
            Pattern.compile("(?<![0-9A-Za-z])(?=(?:[A-Z0-9]*[0-9]){2})(?=(?:[A-Z0-9]*[A-Z]){2})[A-Z0-9]{10,12}(?![0-9A-Za-z])"),
            Pattern.compile("(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"));

    private final byte[] secret;

    private Pseudonyms(byte[] secret) {
        this.secret = secret.clone();
    }

    /**
     * Pseudonyms keyed by this installation for one case. The secret is the installation key's Ed25519
     * signature of a fixed text naming the case: Ed25519 signatures are deterministic, so the secret is
     * stable without being stored, and only the holder of the private key can compute it.
     */
    public static Pseudonyms keyed(InstallationKey key, String caseId) {
        return new Pseudonyms(key.sign(("cotejo exchange pseudonyms for case " + caseId).getBytes(StandardCharsets.UTF_8)));
    }

    /** Pseudonyms under a given secret (tests). */
    public static Pseudonyms withSecret(byte[] secret) {
        return new Pseudonyms(secret);
    }

    /** The pseudonym of a device id: "dev-" and 20 hex digits. */
    public String device(String id) {
        return "dev-" + hmac("device\0" + id).substring(0, 20);
    }

    /** The pseudonym of an identifier found in text: "id-" and 16 hex digits. */
    public String identifier(String value) {
        return "id-" + hmac("identifier\0" + value).substring(0, 16);
    }

    /** Whether {@code text} holds anything that looks like a device or personal identifier. */
    public static boolean holdsIdentifier(String text) {
        return IDENTIFIERS.stream().anyMatch(p -> p.matcher(text).find());
    }

    /** {@code text} with every identifier-looking token replaced by its pseudonym. */
    public String scrub(String text) {
        String out = text;
        for (Pattern p : IDENTIFIERS) {
            Matcher m = p.matcher(out);
            StringBuilder b = new StringBuilder();
            while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(identifier(m.group())));
            m.appendTail(b);
            out = b.toString();
        }
        return out;
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
