package org.cotejo.indicators.feed;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cotejo.core.observable.Hashes;
import org.cotejo.core.observable.ObservableType;

/**
 * The type of an untyped value, for plain lists and CSV columns that mix domains and addresses.
 * Inference is by shape only and never guesses between two plausible types: what does not fit
 * exactly one shape is reported so the user can say {@code --type}.
 */
public final class TypeInference {
    private TypeInference() {}

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(/\\d{1,3})?");
    private static final Pattern JA4 = Pattern.compile("(?i)[tqd][0-9a-z]{2}[di][0-9]{4}[0-9a-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern DOMAIN = Pattern.compile("(?i)([a-z0-9_]([a-z0-9_-]*[a-z0-9_])?\\.)+[a-z][a-z0-9-]*[a-z0-9]\\.?");
    // Refanged shapes too, so "example[.]com" is still a domain; the normaliser refangs.
    private static final Pattern DEFANGED = Pattern.compile("\\[\\.]|\\(\\.\\)|\\[dot]|^hxxp", Pattern.CASE_INSENSITIVE);

    /** Well-known list file names (Amnesty's and MVT's), with the type their lines hold; null = decide per line. */
    static final Map<String, ObservableType> FILE_NAMES = Map.ofEntries(
            Map.entry("domains.txt", ObservableType.DOMAIN),
            Map.entry("emails.txt", ObservableType.EMAIL),
            Map.entry("processes.txt", ObservableType.PROCESS_NAME),
            Map.entry("files.txt", ObservableType.FILE_NAME),
            Map.entry("file_names.txt", ObservableType.FILE_NAME),
            Map.entry("file_paths.txt", ObservableType.FILE_PATH),
            Map.entry("sha256.txt", ObservableType.SHA256),
            Map.entry("sha1.txt", ObservableType.SHA1),
            Map.entry("md5.txt", ObservableType.MD5),
            Map.entry("package_names.txt", ObservableType.APP_ID),
            Map.entry("package_cert_hashes.txt", ObservableType.APP_CERT_HASH),
            Map.entry("config_profiles.txt", ObservableType.PROFILE_ID),
            Map.entry("android_properties.txt", ObservableType.ANDROID_PROPERTY),
            Map.entry("urls.txt", ObservableType.URL),
            Map.entry("ja3.txt", ObservableType.JA3),
            Map.entry("ja4.txt", ObservableType.JA4));

    /** Lists whose type is "an IP address" or "a hash", decided per line by shape. */
    static final Map<String, String> FILE_NAME_FAMILIES = Map.of(
            "ips.txt", "IP addresses", "ip-addresses.txt", "IP addresses", "samples.txt", "hashes");

    /** IPv4, IPv6 or CIDR by shape, or empty when the value is not an address. */
    static Optional<ObservableType> ipType(String raw) {
        String v = raw.strip();
        boolean v4 = IPV4.matcher(v).matches();
        boolean v6 = !v4 && v.contains(":") && IPV6.matcher(v).matches();
        if (!v4 && !v6) return Optional.empty();
        if (v.contains("/")) return Optional.of(ObservableType.CIDR);
        return Optional.of(v4 ? ObservableType.IPV4 : ObservableType.IPV6);
    }

    /** Address types for addresses, DOMAIN otherwise: feeds put IPs in "domain" columns and files. */
    static ObservableType domainOrIp(String raw) {
        return ipType(raw).orElse(ObservableType.DOMAIN);
    }

    static Optional<ObservableType> hashType(String raw) {
        String v = raw.strip();
        return HEX.matcher(v).matches() ? Hashes.typeForLength(v.length()) : Optional.empty();
    }

    /**
     * The type by shape: a URL has {@code ://} (or a host followed by a path), an address or range,
     * an e-mail has {@code @}, a hash is hex of length 32/40/64/128, a domain has dotted labels.
     */
    public static Optional<ObservableType> infer(String raw) {
        String v = DEFANGED.matcher(raw.strip()).replaceAll(m -> m.group().toLowerCase(Locale.ROOT).startsWith("hxxp") ? "http" : ".");
        if (v.contains("://")) return Optional.of(ObservableType.URL);
        if (JA4.matcher(v).matches()) return Optional.of(ObservableType.JA4); // its shape is unique; a JA3 looks like any MD5
        Optional<ObservableType> ip = ipType(v);
        if (ip.isPresent()) return ip;
        if (v.indexOf('@') > 0 && DOMAIN.matcher(v.substring(v.lastIndexOf('@') + 1)).matches()) return Optional.of(ObservableType.EMAIL);
        Optional<ObservableType> hash = hashType(v);
        if (hash.isPresent()) return hash;
        if (DOMAIN.matcher(v).matches()) return Optional.of(ObservableType.DOMAIN);
        int slash = v.indexOf('/');
        if (slash > 0 && DOMAIN.matcher(v.substring(0, slash)).matches()) return Optional.of(ObservableType.URL);
        return Optional.empty();
    }
}
