package org.cotejo.indicators.feed;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;

/**
 * MISP attribute types (and object relations) to Cotejo observable types, shared by the MISP JSON
 * and MISP-style CSV readers, with the inverse for {@link MispWriter}.
 */
final class MispTypes {
    private MispTypes() {}

    /** One value to normalise. */
    record Typed(ObservableType type, String raw) {}

    /**
     * The values an attribute carries, or why it carries none. {@code relationMapped} says the type
     * came from an object relation (an {@code android-app}'s {@code appid} is a {@code text}
     * attribute, which MISP never flags for IDS, so its to_ids does not decide).
     */
    record Mapped(List<Typed> values, String skipReason, boolean relationMapped, boolean appName) {
        static Mapped of(Typed... values) {
            return new Mapped(List.of(values), null, false, false);
        }

        static Mapped skip(String reason) {
            return new Mapped(List.of(), reason, false, false);
        }
    }

    /** Types with nothing Cotejo can match on a phone. */
    private static final Set<String> OUT_OF_SCOPE = Set.of("mutex", "regkey", "regkey|value", "named pipe", "yara", "sigma",
            "snort", "vulnerability", "text", "comment", "other", "whois-registrant-name", "whois-registrant-phone",
            "whois-registrar", "whois-creation-date", "user-agent", "as", "attachment", "malware-sample", "pattern-in-file",
            "pattern-in-memory", "pattern-in-traffic", "campaign-name", "threat-actor", "target-user", "target-org",
            "target-location", "target-machine", "target-email", "target-external", "datetime", "counter", "port",
            "size-in-bytes", "float", "boolean", "hex");

    static Mapped map(String type, String category, String value) {
        String t = type.toLowerCase(Locale.ROOT).strip();
        switch (t) {
            case "domain", "hostname":
                return Mapped.of(new Typed(ObservableType.DOMAIN, value));
            case "hostname|port":
                return Mapped.of(new Typed(ObservableType.DOMAIN, before(value)));
            case "url", "uri":
                return Mapped.of(new Typed(ObservableType.URL, value));
            case "link":
                // Analysts use 'link' for the article that documents the event, not for the attacker's link.
                if ("External analysis".equalsIgnoreCase(category)) return Mapped.skip("link is a reference, not an indicator");
                return Mapped.of(new Typed(ObservableType.URL, value));
            case "ip-src", "ip-dst":
                return Mapped.of(ip(value));
            case "ip-src|port", "ip-dst|port":
                // The port is not part of what Cotejo matches: a phone's logs rarely keep the port.
                return Mapped.of(ip(before(value)));
            case "domain|ip": {
                String[] parts = split(value);
                return parts == null ? Mapped.skip("'domain|ip' value has no '|'")
                        : Mapped.of(new Typed(ObservableType.DOMAIN, parts[0]), ip(parts[1]));
            }
            case "email", "email-src", "email-dst", "email-reply-to", "whois-registrant-email":
                return Mapped.of(new Typed(ObservableType.EMAIL, value));
            case "md5", "sha1", "sha256", "sha512":
                return Mapped.of(new Typed(hash(t), value));
            case "filename|md5", "filename|sha1", "filename|sha256", "filename|sha512": {
                String[] parts = split(value);
                return parts == null ? Mapped.skip("'" + t + "' value has no '|'")
                        : Mapped.of(fileName(parts[0]), new Typed(hash(t.substring(9)), parts[1]));
            }
            case "filename":
                return Mapped.of(fileName(value));
            case "x509-fingerprint-md5", "x509-fingerprint-sha1", "x509-fingerprint-sha256":
                return Mapped.of(new Typed(ObservableType.X509_HASH, value));
            case "ja3-fingerprint-md5", "ja3s-fingerprint-md5":
                return Mapped.of(new Typed(ObservableType.JA3, value));
            case "ja4-fingerprint":
                // MISP has no JA4 attribute type; some tools write the ja4-plus relation name as one
                return Mapped.of(new Typed(ObservableType.JA4, value));
            default:
                if (OUT_OF_SCOPE.contains(t)) return Mapped.skip("MISP type '" + type + "' is out of scope");
                return Mapped.skip("MISP type '" + type + "' is not supported");
        }
    }

    /** An attribute inside a MISP object: some object templates say more through the relation than the type. */
    static Mapped mapInObject(String objectName, String relation, String type, String category, String value) {
        String rel = relation == null ? "" : relation.toLowerCase(Locale.ROOT);
        if ("android-app".equals(objectName)) {
            switch (rel) {
                case "name": return new Mapped(List.of(), null, true, true);
                case "domain": return relation(ObservableType.DOMAIN, value);
                case "certificate": return relation(ObservableType.APP_CERT_HASH, value);
                case "package-name", "appid": return relation(ObservableType.APP_ID, value);
                case "sha256": return relation(ObservableType.SHA256, value);
                default: break;
            }
        }
        if ("process".equals(objectName) && rel.equals("name")) return relation(ObservableType.PROCESS_NAME, value);
        // JA4 lives in MISP's ja4-plus object as a text attribute; only the TLS client form (JA4) is an
        // observable here, the other JA4+ variants (JA4T, JA4H...) have other shapes and are skipped
        if ("ja4-plus".equals(objectName) && rel.equals("ja4-fingerprint")) {
            return value != null && value.strip().matches("(?i)[tqd][0-9a-z]{2}[di]\\d{4}[0-9a-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}")
                    ? relation(ObservableType.JA4, value) : Mapped.skip("ja4-plus value is not a JA4 (TLS client) fingerprint");
        }
        if (MispWriter.OBJECT_NAME.equals(objectName)) {
            var t = ObservableType.fromKey(rel);
            if (t.isPresent()) return relation(t.get(), value);
        }
        return map(type, category, value);
    }

    private static Mapped relation(ObservableType type, String value) {
        return new Mapped(List.of(new Typed(type, value)), null, true, false);
    }

    private static Typed ip(String value) {
        String v = value.strip();
        if (v.contains("/")) return new Typed(ObservableType.CIDR, v);
        return new Typed(v.contains(":") ? ObservableType.IPV6 : ObservableType.IPV4, v);
    }

    private static Typed fileName(String value) {
        boolean path = value.contains("/") || value.contains("\\");
        return new Typed(path ? ObservableType.FILE_PATH : ObservableType.FILE_NAME, value);
    }

    private static ObservableType hash(String algorithm) {
        return switch (algorithm) {
            case "md5" -> ObservableType.MD5;
            case "sha1" -> ObservableType.SHA1;
            case "sha256" -> ObservableType.SHA256;
            default -> ObservableType.SHA512;
        };
    }

    private static String before(String value) {
        int bar = value.lastIndexOf('|');
        return bar < 0 ? value : value.substring(0, bar);
    }

    private static String[] split(String value) {
        int bar = value.indexOf('|');
        return bar < 0 ? null : new String[] {value.substring(0, bar), value.substring(bar + 1)};
    }

    /** MISP type Cotejo writes for a value; null when MISP has no attribute type for it (written as an object). */
    static String typeFor(ObservableType type, String value) {
        return switch (type) {
            case DOMAIN -> "domain";
            case URL -> "url";
            case IPV4, IPV6, CIDR -> "ip-dst";
            case EMAIL -> "email-src";
            case FILE_NAME, FILE_PATH -> "filename";
            case MD5 -> "md5";
            case SHA1 -> "sha1";
            case SHA256 -> "sha256";
            case SHA512 -> "sha512";
            case X509_HASH -> "x509-fingerprint-" + (value.length() == 32 ? "md5" : value.length() == 40 ? "sha1" : "sha256");
            case JA3 -> "ja3-fingerprint-md5";
            default -> null;
        };
    }

    static String categoryFor(ObservableType type) {
        return switch (type) {
            case DOMAIN, URL, IPV4, IPV6, CIDR, JA3, JA4 -> "Network activity";
            case FILE_PATH, PROCESS_NAME, PROFILE_ID, ANDROID_PROPERTY -> "Artifacts dropped";
            default -> "Payload delivery";
        };
    }
}
