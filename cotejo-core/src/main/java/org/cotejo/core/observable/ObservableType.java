package org.cotejo.core.observable;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of value Cotejo observes on devices and reads from indicator feeds. Each type has one
 * normaliser; {@link #normalise(String)} refangs, canonicalises and validates a raw value, and
 * rejects (never guesses) a malformed one.
 *
 * <p>Case rules, stated once: hosts, e-mails, hashes, app ids, profile ids and Android property
 * names compare case-insensitively (they are lower-cased); process names, file names and file paths
 * compare case-sensitively (they are kept as found).
 */
public enum ObservableType {
    DOMAIN("domain", "domain name", DomainNames::normalise),
    URL("url", "URL", Urls::normalise),
    IPV4("ipv4", "IPv4 address", IpAddresses::normaliseIpv4),
    IPV6("ipv6", "IPv6 address", IpAddresses::normaliseIpv6),
    CIDR("cidr", "IP range (CIDR)", IpAddresses::normaliseCidr),
    EMAIL("email", "e-mail address", Emails::normalise),
    PROCESS_NAME("process", "process name", Identifiers::normaliseProcessName),
    FILE_NAME("file-name", "file name", FilePaths::normaliseFileName),
    FILE_PATH("file-path", "file path", FilePaths::normalisePath),
    MD5("md5", "MD5 hash", raw -> Hashes.normalise(raw, 32)),
    SHA1("sha1", "SHA-1 hash", raw -> Hashes.normalise(raw, 40)),
    SHA256("sha256", "SHA-256 hash", raw -> Hashes.normalise(raw, 64)),
    SHA512("sha512", "SHA-512 hash", raw -> Hashes.normalise(raw, 128)),
    /** Android package name or iOS bundle id. */
    APP_ID("app-id", "app id", Identifiers::normaliseAppId),
    /** Hash of an app's signing certificate (MD5, SHA-1 or SHA-256 by length). */
    APP_CERT_HASH("app-cert-hash", "app certificate hash", Hashes::normaliseAnyLength),
    /** iOS configuration-profile identifier (reverse-DNS id or UUID). */
    PROFILE_ID("profile-id", "configuration-profile id", Identifiers::normaliseProfileId),
    ANDROID_PROPERTY("android-property", "Android property name", Identifiers::normaliseAndroidProperty),
    /** Hash of an X.509 certificate (MD5, SHA-1 or SHA-256 by length). */
    X509_HASH("x509-hash", "X.509 certificate hash", Hashes::normaliseAnyLength),
    /** JA3 or JA3S TLS fingerprint: the MD5 (hex) of the JA3 string, as feeds and Zeek/Suricata write it. */
    JA3("ja3", "JA3 fingerprint", TlsFingerprints::normaliseJa3),
    /** JA4 TLS client fingerprint in its hashed form ({@code t13d1516h2_8daaf6152771_e5627efa2ab1}), lower-case. */
    JA4("ja4", "JA4 fingerprint", TlsFingerprints::normaliseJa4);

    /** A per-type normaliser: refanged raw text in, canonical value out, or a reason to reject it. */
    @FunctionalInterface
    interface Normaliser {
        /** @throws IllegalArgumentException whose message is the reason the value is rejected */
        String normalise(String refanged);
    }

    private final String key;
    private final String label;
    private final Normaliser normaliser;

    ObservableType(String key, String label, Normaliser normaliser) {
        this.key = key;
        this.label = label;
        this.normaliser = normaliser;
    }

    /** Stable short name used in files, JSON and on the command line (e.g. {@code file-path}). */
    public String key() { return key; }

    /** Human name for messages (e.g. "file path"). */
    public String label() { return label; }

    /**
     * Refangs, canonicalises and validates {@code raw}.
     *
     * @throws InvalidObservableException with the reason when the value is malformed
     */
    public Observable normalise(String raw) {
        if (raw == null) throw new InvalidObservableException(this, null, "no value");
        String refanged = (isDefangable() ? Refang.refang(raw) : Refang.stripInvisible(raw)).strip();
        if (refanged.isEmpty()) throw new InvalidObservableException(this, raw, "empty value");
        try {
            return new Observable(this, normaliser.normalise(refanged), raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidObservableException(this, raw, e.getMessage());
        }
    }

    /*
     * Analysts defang only what could be clicked or resolved: hosts, URLs, addresses, e-mails. A file
     * or process name may legitimately contain "(.)" or "[at]", so those are never refanged.
     */
    private boolean isDefangable() {
        return this == DOMAIN || this == URL || this == IPV4 || this == IPV6 || this == CIDR || this == EMAIL;
    }

    public boolean isHash() {
        return this == MD5 || this == SHA1 || this == SHA256 || this == SHA512;
    }

    public static Optional<ObservableType> fromKey(String key) {
        String k = key.toLowerCase(Locale.ROOT).strip();
        for (ObservableType t : values()) if (t.key.equals(k) || t.name().toLowerCase(Locale.ROOT).equals(k)) return Optional.of(t);
        return Optional.empty();
    }
}
