package org.cotejo.correlation.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.cotejo.core.observable.ObservableType;

/**
 * What an item says about WHO is behind an infection (attribution.md §1.6). Tool-level items are the same
 * for every customer of a vendor and establish only "same tool"; operator-level items are set up by one
 * customer and can support "same source"; weak infrastructure (shared /24s, ASNs, hosting providers,
 * registrars) follows a vendor's procurement and supports it only weakly.
 */
public enum EvidenceLevel {
    /** Process names, implant file paths and hashes, profile ids, app ids and signing certificates, TLS fingerprints, exploit artefacts. */
    TOOL("tool"),
    /** Delivery, validation and C2 domains and URLs, dedicated server addresses and certificates, attacker accounts, lure texts. */
    OPERATOR("operator"),
    /** Shared /24 networks, autonomous systems, hosting providers and registrars. */
    WEAK_INFRASTRUCTURE("weak-infrastructure");

    private final String key;

    EvidenceLevel(String key) {
        this.key = key;
    }

    /** The name used in feeds, files and outputs: "tool", "operator", "weak-infrastructure". */
    public String key() { return key; }

    public static Optional<EvidenceLevel> fromKey(String key) {
        if (key == null) return Optional.empty();
        String k = key.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(l -> l.key.equals(k) || (l == WEAK_INFRASTRUCTURE && k.equals("weak"))).findFirst();
    }

    /**
     * The level a value of this type has unless its feed or indicator says otherwise: hosts, URLs,
     * addresses, e-mail accounts and server-certificate hashes are what an operator sets up; CIDR ranges
     * are weak infrastructure; everything found on the device about the implant itself is tool level.
     */
    public static EvidenceLevel defaultFor(ObservableType type) {
        return switch (type) {
            case DOMAIN, URL, IPV4, IPV6, EMAIL, X509_HASH -> OPERATOR;
            case CIDR -> WEAK_INFRASTRUCTURE;
            case PROCESS_NAME, FILE_NAME, FILE_PATH, MD5, SHA1, SHA256, SHA512, APP_ID, APP_CERT_HASH, PROFILE_ID,
                 ANDROID_PROPERTY -> TOOL;
            // a TLS fingerprint is the implant's TLS library, the same for every customer of the tool
            case JA3, JA4 -> TOOL;
        };
    }
}
