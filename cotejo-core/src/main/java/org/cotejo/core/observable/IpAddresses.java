package org.cotejo.core.observable;

/** IP and CIDR normalisation. STUB: to be completed. */
public final class IpAddresses {
    private IpAddresses() {}

    public static String normaliseIpv4(String refanged) { return refanged; }

    public static String normaliseIpv6(String refanged) { return refanged.toLowerCase(java.util.Locale.ROOT); }

    public static String normaliseCidr(String refanged) { return refanged; }

    /** IPV4 or IPV6 observable, by what the text is. */
    public static Observable parseIp(String raw) {
        return raw.indexOf(':') >= 0 ? ObservableType.IPV6.normalise(raw) : ObservableType.IPV4.normalise(raw);
    }
}
