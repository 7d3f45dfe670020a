package org.cotejo.forensics.network.pcap.tls;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.core.Hashing;

/**
 * One certificate of the chain a server sent in clear (TLS 1.2 and earlier: in TLS 1.3 the
 * Certificate message is encrypted), parsed with the JDK's X.509 reader.
 *
 * @param subject    RFC 2253 distinguished name
 * @param issuer     RFC 2253 distinguished name
 * @param serial     serial number, lower-case hex
 * @param sans       subject alternative names: DNS names and IP addresses, in their order
 * @param sha256     SHA-256 of the DER bytes, lower-case hex (what feeds call the certificate's fingerprint)
 * @param selfSigned issuer equals subject and the certificate's own key verifies its signature
 */
public record ServerCertificate(String subject, String issuer, String serial, java.time.Instant notBefore, java.time.Instant notAfter,
        List<String> sans, String sha256, String sha1, boolean selfSigned) {

    /** Why a certificate (or the Certificate message) could not be read. */
    public static final class Malformed extends Exception {
        Malformed(String message) { super(message); }
    }

    /** The DER certificates of a TLS 1.2 Certificate message body: a 3-byte list length, then each with a 3-byte length. */
    public static List<byte[]> chain(byte[] d, int from, int to) throws Malformed {
        if (to - from < 3) throw new Malformed("Certificate message too short");
        int end = Math.min(to, from + 3 + u24(d, from));
        List<byte[]> out = new ArrayList<>();
        int p = from + 3;
        while (p + 3 <= end) {
            int len = u24(d, p);
            if (p + 3 + len > end) throw new Malformed("certificate " + (out.size() + 1) + " of the chain runs past the message's end");
            out.add(java.util.Arrays.copyOfRange(d, p + 3, p + 3 + len));
            p += 3 + len;
        }
        return out;
    }

    public static ServerCertificate parse(byte[] der) throws Malformed {
        X509Certificate c;
        try {
            c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new Malformed("certificate unreadable: " + e.getMessage());
        }
        List<String> sans = new ArrayList<>();
        try {
            var names = c.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> n : names) {
                    if (n.size() >= 2 && n.get(0) instanceof Integer type && (type == 2 || type == 7) && n.get(1) instanceof String v) sans.add(v);
                }
            }
        } catch (CertificateException e) {
            // a broken SAN extension: the certificate is still reported, without names
        }
        boolean self = c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
        if (self) {
            try {
                c.verify(c.getPublicKey());
            } catch (Exception e) {
                self = false;
            }
        }
        return new ServerCertificate(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                c.getSerialNumber().toString(16), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), List.copyOf(sans),
                Hashing.sha256(der), Hashing.sha1(der), self);
    }


    private static int u24(byte[] d, int p) {
        return (d[p] & 0xFF) << 16 | (d[p + 1] & 0xFF) << 8 | (d[p + 2] & 0xFF);
    }
}
