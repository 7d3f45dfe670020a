package org.cotejo.forensics.network.pcap.tls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.network.pcap.TlsClientHello;

/**
 * The JA4 TLS client fingerprint (FoxIO, technical_details/JA4.md) of a ClientHello sent over TCP:
 * {@code a_b_c} where {@code a} is "t", the version (highest supported_versions value, else the
 * hello's version), "d" with SNI or "i" without, the cipher and extension counts (two digits, at most
 * 99) and the first and last characters of the first ALPN value; {@code b} the first 12 hex digits of
 * the SHA-256 of the sorted cipher list; {@code c} the same of the sorted extension list without SNI
 * and ALPN, followed by "_" and the signature algorithms in their order. GREASE values are left out
 * everywhere. {@link #raw()} is the unhashed form ({@code JA4_r}).
 */
public record Ja4(String a, String ciphers, String extensions) {

    public static Ja4 of(TlsClientHello h) {
        List<Integer> ciphers = plain(h.ciphers());
        List<Integer> extensions = plain(h.extensions());
        String a = "t" + version(h) + (h.extensions().contains(0) ? "d" : "i") + count(ciphers.size()) + count(extensions.size())
                + alpn(h.alpn());
        List<Integer> sortedCiphers = new ArrayList<>(ciphers);
        sortedCiphers.sort(null);
        List<Integer> sortedExtensions = new ArrayList<>(extensions.size());
        for (int e : extensions) if (e != 0 && e != 16) sortedExtensions.add(e);
        sortedExtensions.sort(null);
        String b = hexList(sortedCiphers);
        String c = hexList(sortedExtensions);
        List<Integer> sig = plain(h.signatureAlgorithms());
        if (!sig.isEmpty()) c = c + "_" + hexList(sig);
        return new Ja4(a, b, c);
    }

    /** The fingerprint as shared: {@code t13d1516h2_8daaf6152771_e5627efa2ab1}. */
    public String hashed() {
        return a + "_" + (ciphers.isEmpty() ? "000000000000" : sha12(ciphers)) + "_"
                + (extensions.isEmpty() || extensions.startsWith("_") ? "000000000000" : sha12(extensions));
    }

    /** The lists in the clear. */
    public String raw() {
        return a + "_" + ciphers + "_" + extensions;
    }

    private static List<Integer> plain(List<Integer> values) {
        List<Integer> out = new ArrayList<>(values.size());
        for (int v : values) if (!TlsClientHello.grease(v)) out.add(v);
        return out;
    }

    private static String version(TlsClientHello h) {
        int v = -1;
        for (int x : plain(h.supportedVersions())) v = Math.max(v, x);
        if (v < 0) v = h.version();
        return switch (v) {
            case 0x0304 -> "13";
            case 0x0303 -> "12";
            case 0x0302 -> "11";
            case 0x0301 -> "10";
            case 0x0300 -> "s3";
            case 0x0002 -> "s2";
            case 0xFEFF -> "d1";
            case 0xFEFD -> "d2";
            case 0xFEFC -> "d3";
            default -> "00";
        };
    }

    private static String count(int n) {
        return n > 99 ? "99" : n < 10 ? "0" + n : Integer.toString(n);
    }

    /** First and last characters of the first ALPN value; its hex form's when either byte is not alphanumeric. */
    static String alpn(List<String> alpn) {
        if (alpn.isEmpty() || alpn.get(0).isEmpty()) return "00";
        String v = alpn.get(0);
        char first = v.charAt(0), last = v.charAt(v.length() - 1);
        if (alphanumeric(first) && alphanumeric(last)) return "" + first + last;
        String hex = HexFormat.of().formatHex(v.getBytes(StandardCharsets.ISO_8859_1));
        return "" + hex.charAt(0) + hex.charAt(hex.length() - 1);
    }

    private static boolean alphanumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static String hexList(List<Integer> values) {
        StringBuilder b = new StringBuilder(values.size() * 5);
        for (int v : values) {
            if (b.length() > 0) b.append(',');
            b.append(HEX[(v >> 12) & 0xF]).append(HEX[(v >> 8) & 0xF]).append(HEX[(v >> 4) & 0xF]).append(HEX[v & 0xF]);
        }
        return b.toString();
    }

    static String sha12(String text) {
        return Hashing.sha256(text.getBytes(StandardCharsets.US_ASCII)).substring(0, 12);
    }
}
