package org.cotejo.indicators.update;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.cotejo.core.CotejoException;

/**
 * What the updater may fetch: {@code https} anywhere, plain {@code http} only from this machine
 * (a local mirror, or a test server). Feeds decide what counts as evidence, so they must not be
 * open to tampering on the way. Host names are compared as written, never resolved.
 */
final class UrlPolicy {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private UrlPolicy() {}

    static URI parse(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) throw new CotejoException("not an absolute URL: " + url);
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new CotejoException("not a valid URL: " + url + " (" + e.getReason() + ")");
        }
    }

    /** @throws CotejoException when {@code uri} may not be fetched */
    static URI check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) return uri;
        if (scheme.equals("http")) {
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (LOOPBACK.contains(host)) return uri;
            throw new CotejoException("refusing to fetch over plain http: " + uri);
        }
        throw new CotejoException("refusing to fetch " + uri + ": only https URLs are allowed");
    }
}
