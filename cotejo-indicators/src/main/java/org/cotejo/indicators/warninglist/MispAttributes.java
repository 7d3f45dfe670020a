package org.cotejo.indicators.warninglist;

import static org.cotejo.core.observable.ObservableType.*;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;

/**
 * Which Cotejo observable types a MISP attribute type names, for warninglists'
 * {@code matching_attributes}. Attribute types with no Cotejo counterpart (AS numbers, registry keys,
 * ...) map to nothing and are reported as ignored by the reader.
 */
final class MispAttributes {
    private MispAttributes() {}

    private static final Set<ObservableType> IPS = EnumSet.of(IPV4, IPV6, CIDR);

    private static final Map<String, Set<ObservableType>> BY_NAME = Map.ofEntries(
            Map.entry("domain", EnumSet.of(DOMAIN)),
            Map.entry("hostname", EnumSet.of(DOMAIN)),
            Map.entry("hostname|port", EnumSet.of(DOMAIN)),
            Map.entry("domain|ip", EnumSet.of(DOMAIN, IPV4, IPV6, CIDR)),
            Map.entry("url", EnumSet.of(URL)),
            Map.entry("uri", EnumSet.of(URL)),
            Map.entry("link", EnumSet.of(URL)),
            Map.entry("ip-src", IPS),
            Map.entry("ip-dst", IPS),
            Map.entry("ip-src|port", IPS),
            Map.entry("ip-dst|port", IPS),
            Map.entry("email", EnumSet.of(EMAIL)),
            Map.entry("email-src", EnumSet.of(EMAIL)),
            Map.entry("email-dst", EnumSet.of(EMAIL)),
            Map.entry("email-reply-to", EnumSet.of(EMAIL)),
            Map.entry("target-email", EnumSet.of(EMAIL)),
            Map.entry("whois-registrant-email", EnumSet.of(EMAIL)),
            Map.entry("md5", EnumSet.of(MD5)),
            Map.entry("filename|md5", EnumSet.of(MD5)),
            Map.entry("sha1", EnumSet.of(SHA1)),
            Map.entry("filename|sha1", EnumSet.of(SHA1)),
            Map.entry("sha256", EnumSet.of(SHA256)),
            Map.entry("filename|sha256", EnumSet.of(SHA256)),
            Map.entry("sha512", EnumSet.of(SHA512)),
            Map.entry("filename|sha512", EnumSet.of(SHA512)),
            Map.entry("filename", EnumSet.of(FILE_NAME)),
            Map.entry("x509-fingerprint-md5", EnumSet.of(X509_HASH)),
            Map.entry("x509-fingerprint-sha1", EnumSet.of(X509_HASH)),
            Map.entry("x509-fingerprint-sha256", EnumSet.of(X509_HASH)),
            Map.entry("ja3-fingerprint-md5", EnumSet.of(JA3)));

    /** The observable types a MISP attribute type names; empty when Cotejo has no such observable. */
    static Set<ObservableType> observableTypes(String mispAttribute) {
        return BY_NAME.getOrDefault(mispAttribute.strip().toLowerCase(Locale.ROOT), Set.of());
    }

    /**
     * What a list applies to when it has no {@code matching_attributes}. Host lists also check URL
     * hosts, range lists also check URL hosts that are IP addresses; e-mail domains are only checked
     * when a list asks for e-mail attributes, because an account on a platform domain (an iCloud
     * address used by an operator) is specific evidence even though the platform is not.
     */
    static Set<ObservableType> inferredFrom(WarningListType type) {
        return switch (type) {
            case HOSTNAME -> EnumSet.of(DOMAIN, URL);
            case CIDR -> EnumSet.of(IPV4, IPV6, CIDR, URL);
            case STRING, SUBSTRING, REGEX -> EnumSet.allOf(ObservableType.class);
        };
    }
}
