package org.cotejo.forensics.network.pcap.tls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.network.pcap.TlsClientHello;

/**
 * A TLS ServerHello (RFC 8446 §4.1.3, RFC 5246 §7.4.1.3): the version and cipher the server chose, its
 * extensions, and the JA3S fingerprint (salesforce/ja3): {@code SSLVersion,Cipher,SSLExtension} in
 * decimal, extensions joined by '-', and its MD5. {@code selectedVersion} is the supported_versions
 * value when present (TLS 1.3 says 0x0304 there and 0x0303 in the legacy field), else the legacy version.
 */
public record TlsServerHello(int version, int selectedVersion, int cipher, List<Integer> extensions, String alpn) {

    /** Why a ServerHello could not be read. */
    public static final class Malformed extends Exception {
        Malformed(String message) { super(message); }
    }

    public static TlsServerHello parse(byte[] d, int from, int to) throws Malformed {
        int p = from;
        if (to - p < 38) throw new Malformed("ServerHello of " + (to - from) + " bytes is too short");
        int version = u16(d, p);
        p += 2 + 32;
        int sid = d[p] & 0xFF;
        p += 1 + sid;
        if (p + 3 > to) throw new Malformed("ServerHello cut short after its session id");
        int cipher = u16(d, p);
        p += 3; // cipher, compression method
        List<Integer> extensions = new ArrayList<>();
        int selected = version;
        String alpn = null;
        if (p + 2 <= to) {
            int end = Math.min(to, p + 2 + u16(d, p));
            p += 2;
            while (p + 4 <= end) {
                int type = u16(d, p);
                int len = u16(d, p + 2);
                int body = p + 4;
                if (body + len > end) throw new Malformed("ServerHello extension " + type + " runs past its end");
                extensions.add(type);
                if (type == 43 && len == 2) selected = u16(d, body);
                if (type == 16 && len >= 3) {
                    int n = d[body + 2] & 0xFF;
                    if (body + 3 + n <= body + len) alpn = new String(d, body + 3, n, StandardCharsets.ISO_8859_1);
                }
                p = body + len;
            }
        }
        return new TlsServerHello(version, selected, cipher, List.copyOf(extensions), alpn);
    }

    /** Whether the connection is TLS 1.3, whose certificates travel encrypted. */
    public boolean tls13() { return selectedVersion == 0x0304; }

    public String ja3s() {
        return version + "," + cipher + "," + extensions.stream().filter(e -> !TlsClientHello.grease(e)).map(String::valueOf).collect(Collectors.joining("-"));
    }

    public String ja3sMd5() {
        return Hashing.md5(ja3s().getBytes(StandardCharsets.US_ASCII));
    }

    /** "TLS 1.3", "TLS 1.2"... for a version number. */
    public static String versionName(int v) {
        return switch (v) {
            case 0x0304 -> "TLS 1.3";
            case 0x0303 -> "TLS 1.2";
            case 0x0302 -> "TLS 1.1";
            case 0x0301 -> "TLS 1.0";
            case 0x0300 -> "SSL 3.0";
            default -> String.format("0x%04x", v);
        };
    }

    private static int u16(byte[] d, int p) {
        return (d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF);
    }
}
