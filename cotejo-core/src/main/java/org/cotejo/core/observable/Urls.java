package org.cotejo.core.observable;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotejo.core.observable.ParsedUrl.HostKind;

/**
 * URL parsing and normalisation, following RFC 3986 §6.2.2 (syntax-based normalisation): scheme and
 * host lower-cased, host in punycode, default port dropped, percent-escapes normalised, dot-segments
 * removed, empty path made '/'. Path and query keep their case: servers may treat them
 * case-sensitively.
 *
 * <p>A text without a scheme ({@code example.org/path}) is read as a host and a path. Backslashes
 * are kept as literal characters (RFC 3986); browsers following the WHATWG URL standard would read
 * them as '/', but the URLs they record in history have already been rewritten that way.
 */
public final class Urls {
    private Urls() {}

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");
    private static final Pattern SCHEME_WITHOUT_AUTHORITY = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(?![0-9]*(?:[/?#]|$))");
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "ftp", 21, "ws", 80, "wss", 443);

    public static String normalise(String refanged) {
        return parse(refanged).normalised();
    }

    public static ParsedUrl parse(String refanged) {
        rejectSpacesAndControls(refanged);
        String scheme = null;
        String rest = refanged;
        Matcher m = SCHEME.matcher(refanged);
        if (m.find()) {
            scheme = m.group(1).toLowerCase(Locale.ROOT);
            rest = refanged.substring(m.end());
        } else if (refanged.startsWith("//")) {
            rest = refanged.substring(2);
        } else {
            rejectBrokenSeparator(refanged);
            Matcher opaque = SCHEME_WITHOUT_AUTHORITY.matcher(refanged);
            if (opaque.find()) {
                throw new IllegalArgumentException("scheme '" + opaque.group(1) + ":' has no '//' and host (only URLs with a host are accepted)");
            }
        }

        int authorityEnd = indexOfAny(rest, "/?#");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String tail = authorityEnd < 0 ? "" : rest.substring(authorityEnd);

        String userInfo = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
        }

        String hostText;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("IPv6 host has no closing ']'");
            hostText = authority.substring(0, close + 1);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) throw new IllegalArgumentException("unexpected '" + after + "' after the IPv6 host");
                portText = after.substring(1);
            }
        } else {
            int colon = authority.indexOf(':');
            if (colon >= 0 && colon != authority.lastIndexOf(':')) {
                throw new IllegalArgumentException("host has several ':'; an IPv6 address in a URL must be in brackets");
            }
            hostText = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (hostText.isEmpty()) throw new IllegalArgumentException("has no host");

        int port = port(portText);
        if (scheme != null && DEFAULT_PORTS.getOrDefault(scheme, -2) == port) port = -1;

        HostKind kind;
        String host;
        if (hostText.startsWith("[")) {
            kind = HostKind.IPV6;
            host = IpAddresses.normaliseIpv6(hostText);
        } else {
            String decoded = hostText.indexOf('%') >= 0 ? PercentEncoding.decode(hostText) : hostText;
            String undotted = decoded.endsWith(".") ? decoded.substring(0, decoded.length() - 1) : decoded;
            if (IpAddresses.isIpv4(undotted)) {
                kind = HostKind.IPV4;
                host = undotted;
            } else {
                kind = HostKind.DOMAIN;
                host = hostProblemAsUrl(decoded);
            }
        }

        int hash = tail.indexOf('#');
        String fragment = hash < 0 ? null : PercentEncoding.normalise(tail.substring(hash + 1));
        String beforeFragment = hash < 0 ? tail : tail.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        String query = question < 0 ? null : PercentEncoding.normalise(beforeFragment.substring(question + 1));
        String rawPath = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
        String path = removeDotSegments(PercentEncoding.normalise(rawPath));
        if (path.isEmpty()) path = "/";

        return new ParsedUrl(scheme, userInfo, host, kind, port, path, query, fragment);
    }

    /** Normalises a URL host, saying in the reason that the host (not the whole URL) is at fault. */
    private static String hostProblemAsUrl(String host) {
        try {
            return DomainNames.normaliseHost(host);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("host '" + host + "' " + e.getMessage());
        }
    }

    /** "http:/x" or "https:example.org" would otherwise read as a host named "http". */
    private static void rejectBrokenSeparator(String text) {
        int colon = text.indexOf(':');
        if (colon > 0 && DEFAULT_PORTS.containsKey(text.substring(0, colon).toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("scheme '" + text.substring(0, colon) + "' is not followed by '://'");
        }
    }

    private static int port(String text) {
        // RFC 3986 §3.2.3: an empty port ("example.org:/") means the default port.
        if (text == null || text.isEmpty()) return -1;
        if (text.length() > 5 || !Chars.allDigits(text)) {
            throw new IllegalArgumentException("port '" + text + "' is not a number from 0 to 65535");
        }
        int port = Integer.parseInt(text);
        if (port > 65535) throw new IllegalArgumentException("port " + port + " is greater than 65535");
        return port;
    }

    /** RFC 3986 §5.2.4, on whole segments. */
    static String removeDotSegments(String path) {
        if (path.isEmpty()) return path;
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        // segments[0] is "" for an absolute path; a scheme-less relative path cannot reach here.
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals(".")) {
                if (last) out.addLast("");
            } else if (s.equals("..")) {
                out.pollLast();
                if (last) out.addLast("");
            } else {
                out.addLast(s);
            }
        }
        return "/" + String.join("/", out);
    }

    private static void rejectSpacesAndControls(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) throw new IllegalArgumentException("contains a control character");
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) throw new IllegalArgumentException("contains a space");
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
