package org.cotejo.report.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.cotejo.cases.custody.InstallationKey;
import org.cotejo.core.CotejoException;
import org.cotejo.core.Hashing;
import org.cotejo.core.indicator.Tlp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageVerifierTest {
    @TempDir
    Path tmp;

    InstallationKey key;
    Path pkg;

    static PackageHeader header() {
        return new PackageHeader("ANSSI", "CCN-CERT", Tlp.AMBER, Instant.parse("2026-11-28T10:00:00Z"), "case-fr", "FR-2024",
                "Tribunal judiciaire de Paris, 24/001", "European Investigation Order EIO-2024-118", "0.1.0-test");
    }

    @BeforeEach
    void writeAPackage() throws Exception {
        key = InstallationKey.open(tmp.resolve("keys"));
        Path feed = tmp.resolve("domains.txt");
        Files.writeString(feed, "evil.example\n");
        pkg = PackageWriter.write(header(), List.of(
                PackageFile.of("report.json", PackageFile.ROLE_REPORT, "{\"format\":\"cotejo-report\"}\n".getBytes(StandardCharsets.UTF_8)),
                PackageFile.of("devices/FR-01.device-evidence.json", PackageFile.ROLE_DEVICE_EVIDENCE, "{}\n".getBytes(StandardCharsets.UTF_8)),
                PackageFile.copyOf("feeds/domains.txt", PackageFile.ROLE_FEED, feed)), key, tmp.resolve("out/pkg")).folder();
    }

    @Test
    void aPackageAsWrittenVerifies() {
        var v = PackageVerifier.verify(pkg, null);
        assertThat(v.manifest().files()).extracting(ManifestEntry::path)
                .containsExactly("devices/FR-01.device-evidence.json", "feeds/domains.txt", "report.json");
        assertThat(v.manifest().keyId()).isEqualTo(key.keyId());
        assertThat(v.manifest().header()).isEqualTo(header());
        assertThat(v.manifestSha256()).isEqualTo(sha(pkg.resolve("manifest.json")));
        assertThat(PackageVerifier.verify(pkg, key.keyId().substring(0, 16)).manifestSha256()).isEqualTo(v.manifestSha256());
    }

    @Test
    void theSameInputGiveTheSameManifestBytes() throws Exception {
        Path again = PackageWriter.write(header(), List.of(
                PackageFile.of("report.json", PackageFile.ROLE_REPORT, "{\"format\":\"cotejo-report\"}\n".getBytes(StandardCharsets.UTF_8)),
                PackageFile.of("devices/FR-01.device-evidence.json", PackageFile.ROLE_DEVICE_EVIDENCE, "{}\n".getBytes(StandardCharsets.UTF_8)),
                PackageFile.copyOf("feeds/domains.txt", PackageFile.ROLE_FEED, tmp.resolve("domains.txt"))), key, tmp.resolve("again")).folder();
        assertThat(Files.readAllBytes(again.resolve("manifest.json"))).isEqualTo(Files.readAllBytes(pkg.resolve("manifest.json")));
    }

    @Test
    void onePayloadByteChangedFailsNamingThatFile() throws Exception {
        Path f = pkg.resolve("devices/FR-01.device-evidence.json");
        byte[] b = Files.readAllBytes(f);
        b[0] = '[';
        Files.write(f, b);
        assertThatThrownBy(() -> PackageVerifier.verify(pkg, null)).isInstanceOf(CotejoException.class)
                .hasMessageContaining("devices/FR-01.device-evidence.json has SHA-256").hasMessageContaining("altered");
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Files.delete(pkg.resolve("feeds/domains.txt"));
        assertThatThrownBy(() -> PackageVerifier.verify(pkg, null)).hasMessageContaining("feeds/domains.txt is missing");
    }

    @Test
    void anUnlistedFileIsNamed() throws Exception {
        Files.writeString(pkg.resolve("devices/extra.json"), "{}");
        assertThatThrownBy(() -> PackageVerifier.verify(pkg, null))
                .hasMessageContaining("holds devices/extra.json, which manifest.json does not list");
    }

    @Test
    void aSymbolicLinkInThePackageIsRefused() throws Exception {
        Files.createSymbolicLink(pkg.resolve("link"), tmp.resolve("domains.txt"));
        assertThatThrownBy(() -> PackageVerifier.verify(pkg, null)).hasMessageContaining("link (a symbolic link)");
    }

    @Test
    void aManifestThatIsALinkIsNotFollowed() throws Exception {
        Path real = tmp.resolve("elsewhere.json");
        Files.move(pkg.resolve("manifest.json"), real);
        Files.createSymbolicLink(pkg.resolve("manifest.json"), real);
        assertThatThrownBy(() -> PackageVerifier.verify(pkg, null)).hasMessageContaining("manifest.json is a symbolic link");
    }

    @Test
    void aBadSignatureFails() throws Exception {
        byte[] other = key.sign("something else".getBytes(StandardCharsets.UTF_8));
        Files.writeString(pkg.resolve("manifest.sig"), Base64.getEncoder().encodeToString(other) + "\n");
        assertThatThrownBy(() -> PackageVerifier.verify(pkg, null))
                .hasMessageContaining("the signature in manifest.sig does not verify over manifest.json");
    }

    @Test
    void anEditedManifestFails() throws Exception {
        Path m = pkg.resolve("manifest.json");
        Files.writeString(m, Files.readString(m).replace("\"recipient\" : \"CCN-CERT\"", "\"recipient\" : \"BKA\""));
        assertThat(Files.readString(m)).contains("BKA");
        assertThatThrownBy(() -> PackageVerifier.verify(pkg, null)).hasMessageContaining("does not verify");
    }

    @Test
    void anotherSendersKeyFailsWhenTheKeyIsPinned() {
        assertThatThrownBy(() -> PackageVerifier.verify(pkg, "0123456789abcdef0123"))
                .hasMessageContaining("is signed with key " + key.keyId() + ", not the expected sender key 0123456789abcdef0123");
    }

    @Test
    void aSignedPathLeadingOutOfThePackageIsRefused() throws Exception {
        // A hostile sender can sign anything: the path rule is checked whatever the signature says.
        Manifest m = new Manifest(header(), key.keyId(), key.publicKeyBase64(),
                List.of(new ManifestEntry("../outside.txt", "0".repeat(64), 0, "feed")));
        signed(m);
        assertThatThrownBy(() -> PackageVerifier.verify(pkg, null)).hasMessageContaining("'../outside.txt' leads out of the package");
    }

    @Test
    void anotherFormatVersionIsOneClearLine() throws Exception {
        Path m = pkg.resolve("manifest.json");
        Files.writeString(m, Files.readString(m).replace("\"version\" : 1,", "\"version\" : 2,"));
        assertThatThrownBy(() -> PackageVerifier.verify(pkg, null))
                .hasMessageContaining("is exchange-package format version 2; this Cotejo reads version 1")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aManifestThatIsNotJsonNamesThePosition() throws Exception {
        Files.writeString(pkg.resolve("manifest.json"), "{\n  \"format\": \"cotejo-exchange-package\",\n  \"version\": 1 oops\n}");
        assertThatThrownBy(() -> PackageVerifier.verify(pkg, null)).hasMessageContaining("is not valid JSON (line 3, column");
    }

    @Test
    void aFolderWithoutSignatureIsIncomplete() throws Exception {
        Files.delete(pkg.resolve("manifest.sig"));
        assertThatThrownBy(() -> PackageVerifier.verify(pkg, null)).hasMessageContaining("manifest.sig is missing");
    }

    @Test
    void theWriterRefusesUnsafePathsLinksAndNonEmptyFolders() throws Exception {
        byte[] x = {1};
        assertThatThrownBy(() -> PackageWriter.write(header(), List.of(PackageFile.of("a/../../x", "feed", x)), key, tmp.resolve("p1")))
                .hasMessageContaining("leads out of the package");
        assertThatThrownBy(() -> PackageWriter.write(header(), List.of(PackageFile.of("/etc/x", "feed", x)), key, tmp.resolve("p2")))
                .hasMessageContaining("is absolute");
        Path link = tmp.resolve("link.txt");
        Files.createSymbolicLink(link, tmp.resolve("domains.txt"));
        assertThatThrownBy(() -> PackageWriter.write(header(), List.of(PackageFile.copyOf("l.txt", "feed", link)), key, tmp.resolve("p3")))
                .hasMessageContaining("symbolic links are not followed");
        assertThatThrownBy(() -> PackageWriter.write(header(), List.of(PackageFile.of("x", "feed", x)), key, pkg))
                .hasMessageContaining("exists and is not empty");
        assertThat(tmp.resolve("p1")).doesNotExist();
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
    }

    private void signed(Manifest m) throws Exception {
        byte[] bytes = ManifestJson.toBytes(m);
        Files.write(pkg.resolve("manifest.json"), bytes);
        Files.writeString(pkg.resolve("manifest.sig"), Base64.getEncoder().encodeToString(key.sign(bytes)) + "\n");
    }

    private static String sha(Path p) {
        try {
            return Hashing.sha256(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
