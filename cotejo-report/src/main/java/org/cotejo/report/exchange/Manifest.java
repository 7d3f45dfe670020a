package org.cotejo.report.exchange;

import java.util.List;
import java.util.Optional;

/**
 * A package's manifest as read or written: the header, the signer's public key and the files.
 *
 * @param header          sender, recipient, marking, case, tool
 * @param keyId           SHA-256 (hex) of the signer's public key's X.509 encoding
 * @param publicKeyBase64 the signer's Ed25519 public key, X.509 SubjectPublicKeyInfo, base64
 * @param files           every payload file, sorted by path
 */
public record Manifest(PackageHeader header, String keyId, String publicKeyBase64, List<ManifestEntry> files) {
    public static final String FORMAT = "cotejo-exchange-package";
    public static final int VERSION = 1;

    public Manifest {
        files = List.copyOf(files);
    }

    /** The entry of {@code path}, if the manifest lists it. */
    public Optional<ManifestEntry> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** The entries with this role, in path order. */
    public List<ManifestEntry> withRole(String role) {
        return files.stream().filter(f -> f.role().equals(role)).toList();
    }
}
