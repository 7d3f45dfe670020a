package org.cotejo.forensics.network.pcap.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.x request head (RFC 9112 §3): request line and the headers Cotejo keeps (Host, User-Agent)
 * plus what says where the next request starts (Content-Length, chunked transfer coding).
 *
 * @param length        bytes of the head, up to and including the blank line
 * @param contentLength the body's length, 0 when none is announced, -1 when chunked (the next request cannot be found)
 */
public record HttpRequestHead(String method, String target, String version, String host, String userAgent, int length, long contentLength) {
    private static final String[] METHODS = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "CONNECT", "TRACE"};

    /** Why the bytes are no HTTP request head. */
    public static final class NotHttp extends Exception {
        NotHttp(String message) { super(message); }
    }

    /** Whether bytes starting like this are an HTTP request ("GET ", "POST "...); false also when too few bytes to say. */
    public static boolean looksLikeRequest(byte[] b, int from, int len) {
        for (String m : METHODS) {
            if (len - from < m.length() + 1) continue;
            boolean same = b[from + m.length()] == ' ';
            for (int i = 0; same && i < m.length(); i++) same = b[from + i] == m.charAt(i);
            if (same) return true;
        }
        return false;
    }

    /** Whether more bytes could still make this look like a request (a method's prefix). */
    public static boolean mightBeRequest(byte[] b, int from, int len) {
        int n = len - from;
        for (String m : METHODS) {
            boolean same = true;
            for (int i = 0; same && i < Math.min(n, m.length()); i++) same = b[from + i] == m.charAt(i);
            if (same && n <= m.length()) return true;
        }
        return false;
    }

    /** The head starting at {@code from}, or null when its blank line is not in {@code b[from, len)} yet. */
    public static HttpRequestHead parse(byte[] b, int from, int len) throws NotHttp {
        int end = -1;
        for (int i = from; i + 3 < len; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                end = i + 4;
                break;
            }
        }
        if (end < 0) return null;
        String head = new String(b, from, end - from, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] request = lines[0].split(" ");
        if (request.length != 3 || !request[2].startsWith("HTTP/1.")) throw new NotHttp("request line is not 'METHOD target HTTP/1.x'");
        String host = null, agent = null;
        long contentLength = 0;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) continue;
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            switch (name) {
                case "host" -> host = value;
                case "user-agent" -> agent = value;
                case "content-length" -> {
                    try {
                        contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        contentLength = -1;
                    }
                }
                case "transfer-encoding" -> {
                    if (value.toLowerCase(Locale.ROOT).contains("chunked")) contentLength = -1;
                }
                default -> { }
            }
        }
        return new HttpRequestHead(request[0], request[1], request[2], host, agent, end - from, contentLength);
    }

    /**
     * The request's URL: the target when absolute (a proxy request), else http://host + target, the
     * host being the Host header or the server's address; null for CONNECT and "*".
     */
    public String url(String serverIp, int serverPort) {
        if (target.startsWith("http://") || target.startsWith("https://")) return target;
        if (!target.startsWith("/")) return null;
        String h = host;
        if (h == null || h.isEmpty()) {
            h = serverIp.indexOf(':') >= 0 ? "[" + serverIp + "]" : serverIp;
            if (serverPort != 80) h = h + ":" + serverPort;
        }
        return "http://" + h + target;
    }
}
