package org.cotejo.report.exchange;

import java.nio.file.Path;

/**
 * Exchange packages between authorities: a folder of files, a manifest with the SHA-256 of each, and
 * an Ed25519 signature over the manifest.
 */
public final class ExchangePackages {
    private ExchangePackages() {}

    /**
     * Verifies the package in {@code folder} without reading its payload: see {@link PackageVerifier}.
     *
     * @param expectedKeyId the sender's key id agreed out of band, or null to accept the key the manifest carries
     * @throws org.cotejo.core.CotejoException naming the problem and the file
     */
    public static PackageVerifier.Verified verify(Path folder, String expectedKeyId) {
        return PackageVerifier.verify(folder, expectedKeyId);
    }

    /**
     * Verifies the package in {@code folder} (signature, every listed file present with its hash, no
     * unlisted file) and reads it.
     *
     * @throws org.cotejo.core.CotejoException naming the file when anything does not verify
     */
    public static ReceivedPackage open(Path folder) {
        throw new UnsupportedOperationException("exchange packages are being written (issue 7)");
    }
}
