package org.cotejo.core.observable;

/**
 * A URL taken apart. {@code scheme} is null when the text had none; {@code host} is canonical (a
 * domain as {@link DomainNames#normaliseHost}, an IPv4 address, or an IPv6 address without brackets);
 * {@code port} is -1 when absent or the scheme's default; {@code path} starts with '/'.
 */
public record ParsedUrl(String scheme, String userInfo, String host, HostKind hostKind, int port,
                        String path, String query, String fragment) {

    public enum HostKind { DOMAIN, IPV4, IPV6 }

    /** Canonical text: {@code scheme://host[:port]path[?query]}; scheme defaults to http; no user-info, no fragment. */
    public String normalised() {
        StringBuilder b = new StringBuilder();
        b.append(scheme == null ? "http" : scheme).append("://");
        b.append(hostKind == HostKind.IPV6 ? "[" + host + "]" : host);
        if (port >= 0) b.append(':').append(port);
        b.append(path);
        if (query != null) b.append('?').append(query);
        return b.toString();
    }

    /** What URL indicators compare: host, port, path and query; scheme, user-info and fragment ignored. */
    public String matchKey() {
        StringBuilder b = new StringBuilder();
        b.append(hostKind == HostKind.IPV6 ? "[" + host + "]" : host);
        if (port >= 0) b.append(':').append(port);
        b.append(path);
        if (query != null) b.append('?').append(query);
        return b.toString();
    }
}
