package org.cotejo.core.observable;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.Optional;

/**
 * IPv4, IPv6 and CIDR normalisation. Parsing is text-only (no DNS look-up) and strict.
 *
 * <p>Canonical forms: IPv4 as a dotted quad; IPv6 as RFC 5952 text (lower case, longest zero run
 * compressed), which is the ipaddress library's canonical string; a range as its network address and
 * prefix length ({@code 10.1.2.3/8} becomes {@code 10.0.0.0/8}).
 *
 * <p>IPv4-mapped IPv6 addresses keep the library's canonical hexadecimal form ({@code ::ffff:1.2.3.4}
 * becomes {@code ::ffff:102:304}). RFC 5952 §5 recommends the dotted form for display, but one
 * canonical string per address is what matching needs, and the raw text is kept for the report.
 * {@link #mappedIpv4} gives the embedded IPv4 address to whoever wants to match it as IPv4.
 */
public final class IpAddresses {
    private IpAddresses() {}

    /*
     * The library by default accepts inet_aton forms ("0x7f.1", "010.1.1.1", "3232235521"), ranges,
     * wildcards, and reads an empty string as loopback. Those forms are how phishing URLs disguise an
     * address, and a feed entry in them is more likely a typo than an address, so IPv4 is checked as a
     * plain dotted quad first (see ipv4Problem) and IPv6 is parsed with everything optional turned off.
     */
    private static final IPAddressStringParameters STRICT_IPV6 = strictIpv6Parameters();

    private static IPAddressStringParameters strictIpv6Parameters() {
        IPAddressStringParameters.Builder b = new IPAddressStringParameters.Builder();
        b.allowEmpty(false);
        b.allowAll(false);
        b.allowSingleSegment(false);
        b.allowPrefixOnly(false);
        b.allowPrefix(false);
        b.allowMask(false);
        b.allowIPv4(false);
        b.allowWildcardedSeparator(false);
        b.allow_inet_aton(false);
        b.setRangeOptions(RangeParameters.NO_RANGE);
        var v6 = b.getIPv6AddressParametersBuilder();
        v6.allowZone(false);
        v6.allowBase85(false);
        v6.allowBinary(false);
        v6.allowMixed(true);
        v6.allowUnlimitedLeadingZeros(false);
        v6.setRangeOptions(RangeParameters.NO_RANGE);
        var embedded = v6.getEmbeddedIPv4AddressParametersBuilder();
        embedded.allow_inet_aton(false);
        embedded.allowLeadingZeros(false);
        embedded.setRangeOptions(RangeParameters.NO_RANGE);
        return b.toParams();
    }

    public static String normaliseIpv4(String refanged) {
        String problem = ipv4Problem(refanged);
        if (problem != null) throw new IllegalArgumentException(problem);
        // A strict dotted quad without leading zeros is already canonical.
        return refanged;
    }

    public static String normaliseIpv6(String refanged) {
        return parseIpv6(refanged).toCanonicalString();
    }

    /** A range as network address and prefix; a single address becomes {@code /32} or {@code /128}. */
    public static String normaliseCidr(String refanged) {
        String text = refanged;
        int slash = text.indexOf('/');
        if (slash != text.lastIndexOf('/')) throw new IllegalArgumentException("has more than one '/'");
        String address = slash < 0 ? text : text.substring(0, slash);
        String prefixText = slash < 0 ? null : text.substring(slash + 1);
        boolean v4 = address.indexOf(':') < 0;
        String canonicalAddress = v4 ? normaliseIpv4(address) : parseIpv6(address).toCanonicalString();
        int bits = v4 ? 32 : 128;
        int prefix = prefixText == null ? bits : prefixLength(prefixText, bits);
        IPAddress block = new IPAddressString(canonicalAddress + "/" + prefix).getAddress();
        if (block == null) throw new IllegalArgumentException("is not a valid IP range");
        return block.toPrefixBlock().toCanonicalString();
    }

    /** IPV4 or IPV6 observable, by what the text is. */
    public static Observable parseIp(String raw) {
        return raw.indexOf(':') >= 0 ? ObservableType.IPV6.normalise(raw) : ObservableType.IPV4.normalise(raw);
    }

    /** The IPv4 address inside a normalised IPv4-mapped IPv6 address ({@code ::ffff:102:304} gives {@code 1.2.3.4}). */
    public static Optional<String> mappedIpv4(String normalisedIpv6) {
        IPAddress a = new IPAddressString(normalisedIpv6, STRICT_IPV6).getAddress();
        if (a instanceof IPv6Address v6 && v6.isIPv4Mapped()) {
            return Optional.of(v6.getEmbeddedIPv4Address().toCanonicalString());
        }
        return Optional.empty();
    }

    /** True for a strict dotted quad (four decimal parts 0–255, no leading zeros). */
    static boolean isIpv4(String text) {
        return isPlainDottedQuad(text);
    }

    /** True for text that parses as an IPv6 address, with or without brackets. */
    static boolean isIpv6(String text) {
        try {
            parseIpv6(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static IPAddress parseIpv6(String refanged) {
        String text = refanged;
        if (text.startsWith("[") || text.endsWith("]")) {
            if (!(text.startsWith("[") && text.endsWith("]"))) throw new IllegalArgumentException("has an unmatched bracket");
            text = text.substring(1, text.length() - 1);
        }
        if (text.isEmpty()) throw new IllegalArgumentException("is empty");
        int zone = text.indexOf('%');
        if (zone >= 0) {
            throw new IllegalArgumentException("has a zone id ('" + text.substring(zone)
                    + "'), which names a network interface on one machine only");
        }
        if (text.indexOf('/') >= 0) throw new IllegalArgumentException("has a prefix length; use an IP range (CIDR)");
        if (isIpv4(text)) throw new IllegalArgumentException("this is an IPv4 address, not an IPv6 address");
        if (text.indexOf(':') < 0) throw new IllegalArgumentException("has no ':', so it is not an IPv6 address");
        IPAddress a = new IPAddressString(text, STRICT_IPV6).getAddress();
        if (a == null || !a.isIPv6()) throw new IllegalArgumentException("is not a valid IPv6 address");
        return a;
    }

    private static int prefixLength(String text, int bits) {
        if (text.isEmpty() || text.length() > 3 || !Chars.allDigits(text)) {
            throw new IllegalArgumentException("prefix length '" + text + "' is not a number from 0 to " + bits);
        }
        int p = Integer.parseInt(text);
        if (p > bits) throw new IllegalArgumentException("prefix length " + p + " is longer than " + bits + " bits");
        return p;
    }

    /** Why {@code text} is not a strict dotted quad, or null when it is one. */
    private static String ipv4Problem(String text) {
        return isPlainDottedQuad(text) ? null : ipv4ProblemInDetail(text);
    }

    /** {@link #ipv4Problem} the long way: null for a strict dotted quad, else the reason. */
    static String ipv4ProblemInDetail(String text) {
        if (text.indexOf(':') >= 0) {
            int colon = text.lastIndexOf(':');
            if (text.indexOf(':') == colon && isIpv4(text.substring(0, colon))) {
                return "has a port ('" + text.substring(colon) + "'); give the address alone";
            }
            return "contains ':', which an IPv4 address does not";
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length == 1 && Chars.allDigits(text)) {
            return "is a single number; write an IPv4 address as four decimal parts (a.b.c.d)";
        }
        for (String part : parts) {
            if (!part.isEmpty() && !Chars.allDigits(part)) return "part '" + part + "' is not a decimal number";
        }
        if (parts.length != 4) return "has " + parts.length + " parts, an IPv4 address has 4";
        for (String part : parts) {
            if (part.isEmpty()) return "has an empty part";
            if (part.length() > 1 && part.charAt(0) == '0') {
                return "part '" + part + "' has a leading zero, which some systems read as octal";
            }
            if (part.length() > 3 || Integer.parseInt(part) > 255) return "part '" + part + "' is greater than 255";
        }
        return null;
    }

    /**
     * The accepting case of {@link #ipv4Problem} in one pass without allocating: four parts of one to three
     * ASCII digits, no leading zero, each at most 255. Network logs hold millions of addresses, nearly all
     * like this; anything else takes the slow path, which says what is wrong.
     */
    static boolean isPlainDottedQuad(String text) {
        return plainIpv4Bits(text) >= 0;
    }

    /**
     * A plain dotted quad (what a normalised IPv4 observable is: four decimal parts 0–255 without leading
     * zeros) as its 32 bits, read in one pass without allocating; -1 for any other text.
     */
    public static long plainIpv4Bits(String text) {
        int n = text.length();
        if (n < 7 || n > 15) return -1;
        long bits = 0;
        int parts = 0;
        int i = 0;
        while (true) {
            int start = i;
            int value = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && text.charAt(start) == '0')) return -1;
            bits = (bits << 8) | value;
            parts++;
            if (i == n) return parts == 4 ? bits : -1;
            if (text.charAt(i) != '.' || parts == 4) return -1;
            i++;
        }
    }
}
