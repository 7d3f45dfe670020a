package org.cotejo.correlation.enrich;

import java.time.Instant;
import java.util.Objects;

/**
 * A TLS certificate a host presented (from a scan archive or a capture). The same KEY on servers of two
 * devices is deployment-level evidence; a self-signed SUBJECT pattern is only tool-level.
 *
 * @param host       normalised host name or canonical IP address
 * @param certSha256 SHA-256 of the certificate (DER), lower-case hex
 * @param keySha256  SHA-256 of its public key (SPKI), lower-case hex, or ""
 * @param subject    subject distinguished name, or ""
 * @param notBefore  validity start, or null
 * @param notAfter   validity end, or null
 * @param from       where it was read
 */
public record TlsCertificate(String host, String certSha256, String keySha256, String subject, Instant notBefore,
                             Instant notAfter, Fact from) {
    public TlsCertificate {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(certSha256, "certSha256");
        keySha256 = keySha256 == null ? "" : keySha256;
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(from, "from");
    }
}
