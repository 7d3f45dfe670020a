package org.cotejo.forensics.network.pcap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.core.Hashing;

/**
 * A TLS ClientHello (RFC 8446 §4.1.2, RFC 5246 §7.4.1.2), read from one TLS record
 * ({@link #parse}) or from a handshake message reassembled across records and TCP segments
 * ({@link #parseBody}).
 *
 * <p>Gives the server name (SNI), the ALPN protocols, the JA3 fingerprint (salesforce/ja3):
 * {@code SSLVersion,Ciphers,Extensions,EllipticCurves,EllipticCurvePointFormats} in decimal, values
 * joined by '-', GREASE values (RFC 8701) left out, and its MD5; and the JA4 fingerprint
 * ({@link org.cotejo.forensics.network.pcap.tls.Ja4}). ALPN values are decoded byte for byte
 * (ISO-8859-1), so JA4 sees their raw bytes.
 */
public record TlsClientHello(int version, List<Integer> ciphers, List<Integer> extensions, List<Integer> groups,
        List<Integer> pointFormats, String serverName, List<String> alpn, List<Integer> signatureAlgorithms,
        List<Integer> supportedVersions) {

    /** Why the bytes are no ClientHello, or not a whole one. */
    public static final class NotRead extends Exception {
        final boolean partial;

        NotRead(String message, boolean partial) {
            super(message);
            this.partial = partial;
        }

        /** Whether it looked like a ClientHello but was cut short (spanning segments). */
        public boolean partial() { return partial; }
    }

    /** Whether the payload starts like a TLS handshake record holding a ClientHello. */
    public static boolean looksLikeClientHello(byte[] d, int from, int to) {
        return to - from >= 6 && d[from] == 0x16 && d[from + 1] == 3 && (d[from + 2] & 0xFF) <= 4 && d[from + 5] == 1;
    }

    public static TlsClientHello parse(byte[] d, int from, int to) throws NotRead {
        if (!looksLikeClientHello(d, from, to)) throw new NotRead("not a TLS ClientHello", false);
        int recordLen = PacketDecoder.u16(d, from + 3);
        if (from + 5 + recordLen > to) throw new NotRead("TLS record of " + recordLen + " bytes continues past this segment", true);
        int p = from + 5;
        int end = p + recordLen;
        if (end - p < 4) throw new NotRead("handshake header cut short", true);
        int hsLen = (d[p + 1] & 0xFF) << 16 | (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
        p += 4;
        if (p + hsLen > end) throw new NotRead("ClientHello of " + hsLen + " bytes continues past its first record", true);
        return parseBody(d, p, p + hsLen);
    }

    /** Parses a ClientHello's body {@code d[p, end)} (after the 4-byte handshake header). */
    public static TlsClientHello parseBody(byte[] d, int p, int end) throws NotRead {
        Reader r = new Reader(d, p, end);
        int version = r.u16();
        r.skip(32); // random
        r.skip(r.u8()); // session id
        int cipherLen = r.u16();
        List<Integer> ciphers = new ArrayList<>();
        int cipherEnd = r.pos + cipherLen;
        r.check(cipherEnd);
        while (r.pos + 2 <= cipherEnd) ciphers.add(r.u16());
        r.pos = cipherEnd;
        r.skip(r.u8()); // compression methods
        List<Integer> extensions = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        List<Integer> formats = new ArrayList<>();
        List<String> alpn = new ArrayList<>();
        List<Integer> sigAlgs = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        String sni = null;
        if (r.pos < end) {
            int extEnd = r.pos + r.u16();
            r.check(extEnd);
            while (r.pos + 4 <= extEnd) {
                int type = r.u16();
                int len = r.u16();
                int start = r.pos;
                r.check(start + len);
                extensions.add(type);
                Reader e = new Reader(d, start, start + len);
                switch (type) {
                    case 0 -> sni = serverName(e);
                    case 10 -> {
                        int l = e.u16();
                        int stop = Math.min(e.to, e.pos + l);
                        while (e.pos + 2 <= stop) groups.add(e.u16());
                    }
                    case 11 -> {
                        int l = e.u8();
                        for (int i = 0; i < l && e.pos < e.to; i++) formats.add(e.u8());
                    }
                    case 16 -> {
                        int l = e.u16();
                        int stop = Math.min(e.to, e.pos + l);
                        while (e.pos < stop) {
                            int n = e.u8();
                            e.check(e.pos + n);
                            alpn.add(new String(d, e.pos, n, StandardCharsets.ISO_8859_1));
                            e.pos += n;
                        }
                    }
                    case 13 -> {
                        int l = e.u16();
                        int stop = Math.min(e.to, e.pos + l);
                        while (e.pos + 2 <= stop) sigAlgs.add(e.u16());
                    }
                    case 43 -> {
                        int l = e.u8();
                        int stop = Math.min(e.to, e.pos + l);
                        while (e.pos + 2 <= stop) versions.add(e.u16());
                    }
                    default -> { }
                }
                r.pos = start + len;
            }
        }
        return new TlsClientHello(version, List.copyOf(ciphers), List.copyOf(extensions), List.copyOf(groups), List.copyOf(formats), sni, List.copyOf(alpn),
                List.copyOf(sigAlgs), List.copyOf(versions));
    }

    private static String serverName(Reader e) throws NotRead {
        int listEnd = e.pos + e.u16();
        while (e.pos + 3 <= Math.min(listEnd, e.to)) {
            int type = e.u8();
            int n = e.u16();
            e.check(e.pos + n);
            if (type == 0) return new String(e.d, e.pos, n, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
            e.pos += n;
        }
        return null;
    }

    /** GREASE values (RFC 8701): 0x0A0A, 0x1A1A ... 0xFAFA. */
    public static boolean grease(int v) {
        return (v & 0x0F0F) == 0x0A0A && (v >> 8) == (v & 0xFF);
    }

    /** The JA3 string. */
    public String ja3() {
        return version + "," + join(ciphers) + "," + join(extensions) + "," + join(groups) + "," + join(pointFormats);
    }

    /** The JA3 fingerprint: MD5 of {@link #ja3()}, lower-case hex. */
    public String ja3Md5() {
        return md5(ja3());
    }

    /** MD5 of a JA3 string, lower-case hex. */
    public static String md5(String ja3) {
        return Hashing.md5(ja3.getBytes(StandardCharsets.US_ASCII));
    }

    /** The JA4 fingerprint of this hello sent over TCP. */
    public String ja4() {
        return org.cotejo.forensics.network.pcap.tls.Ja4.of(this).hashed();
    }

    /** JA4 with its lists in the clear (FoxIO's {@code JA4_r}). */
    public String ja4Raw() {
        return org.cotejo.forensics.network.pcap.tls.Ja4.of(this).raw();
    }

    private static String join(List<Integer> values) {
        StringBuilder b = new StringBuilder(values.size() * 6);
        for (int v : values) {
            if (grease(v)) continue;
            if (b.length() > 0) b.append('-');
            b.append(v);
        }
        return b.toString();
    }

    private static final class Reader {
        final byte[] d;
        final int to;
        int pos;

        Reader(byte[] d, int from, int to) {
            this.d = d;
            this.pos = from;
            this.to = to;
        }

        void check(int end) throws NotRead {
            if (end > to) throw new NotRead("ClientHello field runs past its end", false);
        }

        int u8() throws NotRead {
            check(pos + 1);
            return d[pos++] & 0xFF;
        }

        int u16() throws NotRead {
            check(pos + 2);
            int v = PacketDecoder.u16(d, pos);
            pos += 2;
            return v;
        }

        void skip(int n) throws NotRead {
            check(pos + n);
            pos += n;
        }
    }
}
