package org.cotejo.report.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.sim.DeviceEvidenceJson;
import org.cotejo.indicators.feed.Feed;
import org.cotejo.indicators.feed.FeedReader;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.FeedEntry;

/**
 * Exchange packages between authorities: a folder of files, a manifest with the SHA-256 of each, and
 * an Ed25519 signature over the manifest (layout and rules in docs/exchange.md). {@link PackageWriter}
 * writes one, {@link PackageVerifier} checks one, {@link #open} reads one that verifies.
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
        return open(folder, null);
    }

    /** As {@link #open(Path)}, refusing a package not signed by {@code expectedKeyId} (null: any key). */
    public static ReceivedPackage open(Path folder, String expectedKeyId) {
        return read(PackageVerifier.verify(folder, expectedKeyId));
    }

    /** Reads a package {@link PackageVerifier} has just verified. */
    public static ReceivedPackage read(PackageVerifier.Verified v) {
        Manifest m = v.manifest();
        String provenance = "package " + v.manifestSha256();
        List<DeviceEvidence> devices = new ArrayList<>();
        for (ManifestEntry e : m.withRole(PackageFile.ROLE_DEVICE_EVIDENCE)) {
            DeviceEvidence d = DeviceEvidenceJson.read(v.file(e));
            // The sender's own sources were dropped when the package was made; what the recipient can cite is the package.
            devices.add(new DeviceEvidence(d.device(), d.verdict(), d.sightings(), List.of(provenance + ": " + e.path())));
        }
        devices.sort(Comparator.comparing(DeviceEvidence::device));
        List<DeviceEntry> entries = new ArrayList<>();
        for (ManifestEntry e : m.withRole(PackageFile.ROLE_DEVICE_FINDINGS)) entries.add(DeviceFindingsJson.read(v.file(e)));
        entries.sort(Comparator.comparing(DeviceEntry::ref));
        List<FeedEntry> feeds = new ArrayList<>();
        FeedReader reader = FeedReader.defaults().retrieved(m.header().createdAt());
        for (ManifestEntry e : m.withRole(PackageFile.ROLE_FEED)) {
            Feed feed = reader.read(v.file(e));
            feeds.add(new FeedEntry(v.file(e).getFileName().toString(), e.sha256(), feed.format(), "received in " + provenance,
                    m.header().createdAt(), feed.indicators().size(), "by type"));
        }
        PackageHeader h = m.header();
        return new ReceivedPackage(v.folder(), h.sender(), h.recipient(), h.tlp().tlp2Name(), h.createdAt(), m.keyId(),
                m.publicKeyBase64(), v.manifestSha256(), h.caseId(), h.caseName(), h.reference(), devices, entries, feeds);
    }
}
