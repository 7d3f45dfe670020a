package org.cotejo.indicators.feed;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cotejo.core.observable.ObservableType;

/**
 * Which STIX object path carries which observable type, both ways. Real feeds use object types that
 * STIX does not define ({@code app}, {@code configuration-profile}, {@code android-property}, from
 * MVT's dialect) and write hash keys as {@code sha256}, {@code SHA-256} or {@code 'SHA-256'}; we read
 * all of these, and write the standard spelling.
 */
final class StixPaths {
    private StixPaths() {}

    /** Keyed by the path with hash algorithms normalised ({@link #key}). */
    private static final Map<String, ObservableType> READ = Map.ofEntries(
            Map.entry("domain-name:value", ObservableType.DOMAIN),
            Map.entry("url:value", ObservableType.URL),
            Map.entry("ipv4-addr:value", ObservableType.IPV4),
            Map.entry("ipv6-addr:value", ObservableType.IPV6),
            Map.entry("email-addr:value", ObservableType.EMAIL),
            Map.entry("email-message:from_ref.value", ObservableType.EMAIL),
            Map.entry("email-message:sender_ref.value", ObservableType.EMAIL),
            Map.entry("process:name", ObservableType.PROCESS_NAME),
            Map.entry("file:name", ObservableType.FILE_NAME),
            Map.entry("file:path", ObservableType.FILE_PATH),
            Map.entry("directory:path", ObservableType.FILE_PATH),
            Map.entry("file:hashes.md5", ObservableType.MD5),
            Map.entry("file:hashes.sha1", ObservableType.SHA1),
            Map.entry("file:hashes.sha256", ObservableType.SHA256),
            Map.entry("file:hashes.sha512", ObservableType.SHA512),
            Map.entry("app:id", ObservableType.APP_ID),
            Map.entry("app:cert.md5", ObservableType.APP_CERT_HASH),
            Map.entry("app:cert.sha1", ObservableType.APP_CERT_HASH),
            Map.entry("app:cert.sha256", ObservableType.APP_CERT_HASH),
            Map.entry("configuration-profile:id", ObservableType.PROFILE_ID),
            Map.entry("android-property:name", ObservableType.ANDROID_PROPERTY),
            Map.entry("x509-certificate:hashes.md5", ObservableType.X509_HASH),
            Map.entry("x509-certificate:hashes.sha1", ObservableType.X509_HASH),
            Map.entry("x509-certificate:hashes.sha256", ObservableType.X509_HASH),
            // STIX has no object for TLS fingerprints: Cotejo's own custom object (docs/feeds.md)
            Map.entry("x-cotejo-tls-fingerprint:ja3", ObservableType.JA3),
            Map.entry("x-cotejo-tls-fingerprint:ja3s", ObservableType.JA3),
            Map.entry("x-cotejo-tls-fingerprint:ja4", ObservableType.JA4));

    /** The observable type of a path, refined by the value where the type depends on it (an address with '/' is a range). */
    static Optional<ObservableType> typeOf(StixPattern.ObjectPath path, String value) {
        ObservableType type = READ.get(key(path));
        // MVT's feeds put server addresses under domain-name:value (NoviSpy's do); read them as what they are.
        if (type == ObservableType.DOMAIN) return Optional.of(TypeInference.domainOrIp(value));
        if ((type == ObservableType.IPV4 || type == ObservableType.IPV6) && value.contains("/")) return Optional.of(ObservableType.CIDR);
        // A file name cannot hold '/': feeds that write a full path under file:name (MVT's own test bundle
        // does) mean the path, and matching it as a path is what finds it on a device.
        if (type == ObservableType.FILE_NAME && value.startsWith("/")) return Optional.of(ObservableType.FILE_PATH);
        return Optional.ofNullable(type);
    }

    /** {@code file:hashes.'SHA-256'} → {@code file:hashes.sha256}: quotes are gone already, hyphens and case go here. */
    static String key(StixPattern.ObjectPath path) {
        StringBuilder b = new StringBuilder(path.objectType().toLowerCase(Locale.ROOT)).append(':');
        for (int i = 0; i < path.steps().size(); i++) {
            String step = path.steps().get(i);
            boolean algorithm = i > 0 && (path.steps().get(i - 1).equals("hashes") || path.steps().get(i - 1).equals("cert"));
            if (i > 0) b.append('.');
            b.append(algorithm ? step.replace("-", "").toLowerCase(Locale.ROOT) : step);
        }
        return b.toString();
    }

    /** The pattern path Cotejo writes for a value of this type, e.g. {@code file:hashes.'SHA-256'}. */
    static String pathFor(ObservableType type, String value) {
        return switch (type) {
            case DOMAIN -> "domain-name:value";
            case URL -> "url:value";
            case IPV4 -> "ipv4-addr:value";
            case IPV6 -> "ipv6-addr:value";
            case CIDR -> value.contains(":") ? "ipv6-addr:value" : "ipv4-addr:value";
            case EMAIL -> "email-addr:value";
            case PROCESS_NAME -> "process:name";
            case FILE_NAME -> "file:name";
            case FILE_PATH -> "file:path";
            case MD5 -> "file:hashes.MD5";
            case SHA1 -> "file:hashes.'SHA-1'";
            case SHA256 -> "file:hashes.'SHA-256'";
            case SHA512 -> "file:hashes.'SHA-512'";
            case APP_ID -> "app:id";
            case APP_CERT_HASH -> "app:cert." + algorithmByLength(value).toLowerCase(Locale.ROOT).replace("-", "");
            case PROFILE_ID -> "configuration-profile:id";
            case ANDROID_PROPERTY -> "android-property:name";
            case X509_HASH -> "x509-certificate:hashes.'" + algorithmByLength(value) + "'";
            case JA3 -> "x-cotejo-tls-fingerprint:ja3";
            case JA4 -> "x-cotejo-tls-fingerprint:ja4";
        };
    }

    private static String algorithmByLength(String hex) {
        return switch (hex.length()) {
            case 32 -> "MD5";
            case 40 -> "SHA-1";
            default -> "SHA-256";
        };
    }
}
