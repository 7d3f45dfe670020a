package org.cotejo.indicators.warninglist;

import inet.ipaddr.IPAddressString;
import java.util.Optional;

/**
 * The host of a URL observable. The observable's value is already canonical (the text of
 * {@code ParsedUrl.normalised()}: {@code scheme://host[:port]path[?query]}, IPv6 in brackets, no
 * user-info), so the host is read off that fixed shape rather than by parsing the URL a second way.
 */
record UrlHost(String host, boolean isIp) {

    static Optional<UrlHost> of(String canonicalUrl) {
        int start = canonicalUrl.indexOf("://");
        if (start < 0) return Optional.empty();
        start += 3;
        int end = start;
        while (end < canonicalUrl.length() && "/?#".indexOf(canonicalUrl.charAt(end)) < 0) end++;
        String authority = canonicalUrl.substring(start, end);
        // Canonical URLs carry no user-info; strip it anyway in case a value was built by hand.
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) return Optional.empty();
            host = authority.substring(1, close);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
        }
        if (host.isEmpty()) return Optional.empty();
        return Optional.of(new UrlHost(host, new IPAddressString(host).getAddress() != null));
    }
}
