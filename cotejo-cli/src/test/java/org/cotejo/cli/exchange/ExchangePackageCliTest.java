package org.cotejo.cli.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cotejo.cases.custody.InstallationKey;
import org.cotejo.cases.folder.ImportedPackages;
import org.cotejo.cli.Main;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.correlation.sim.DeviceEvidenceJson;
import org.cotejo.detection.Disposition;
import org.cotejo.detection.Verdict;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.report.exchange.DeviceFindingsJson;
import org.cotejo.report.exchange.ExchangePackages;
import org.cotejo.report.exchange.PackageFile;
import org.cotejo.report.exchange.PackageHeader;
import org.cotejo.report.exchange.PackageWriter;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.Finding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cotejo package verify` and `cotejo case import-package` as the receiving authority types them. */
class ExchangePackageCliTest {
    static final Instant T = Instant.parse("2024-05-02T10:15:00Z");

    @TempDir
    Path tmp;
    InstallationKey sender;
    Path pkg;

    record Run(int code, String out, String err) {}

    static Run cotejo(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** France's package: two devices (one infected by a lure and a process), their findings and the feed that matched. */
    @BeforeEach
    void franceSendsAPackage() throws Exception {
        sender = InstallationKey.open(tmp.resolve("anssi-keys"));
        MatchRef m = new MatchRef("spy.txt:1", "spy.txt", "ab".repeat(32), "", Optional.empty(), Disposition.EVIDENCE);
        List<PackageFile> files = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            DeviceRef ref = new DeviceRef("dev-0000000000000000000" + i, "FR-0" + i, "FR", "ios");
            List<Sighting> s = i == 1 ? List.of(
                    new Sighting(ObservableType.DOMAIN.normalise("exploit-delivery.net"), TraceClass.DELIVERY, 1, T, T, "sms: sms.db (row 4)", List.of(m)),
                    new Sighting(ObservableType.PROCESS_NAME.normalise("bh"), TraceClass.EXECUTION, 3, T, T, "datausage (row 9)", List.of()))
                    : List.of();
            Verdict v = i == 1 ? Verdict.INFECTED : Verdict.NOTHING_FOUND;
            files.add(PackageFile.of("devices/FR-0" + i + ".device-evidence.json", PackageFile.ROLE_DEVICE_EVIDENCE,
                    DeviceEvidenceJson.toBytes(new DeviceEvidence(ref, v, s, List.of()))));
            List<Finding> f = i == 1 ? List.of(new Finding("detection", "high", "evidence", "delivery traces", "SMS", "domain",
                    "exploit-delivery.net", "exploit-delivery.net", "spy.txt:1", "spy.txt", "ab".repeat(32), "subdomain", "sms.db", "",
                    "row 4", T, "domain \"exploit-delivery.net\" matched indicator spy.txt:1 of spy.txt", "")) : List.of();
            files.add(PackageFile.of("devices/FR-0" + i + ".findings.json", PackageFile.ROLE_DEVICE_FINDINGS,
                    DeviceFindingsJson.toBytes(new DeviceEntry(ref, v, "two-classes", List.of(), List.of(), f, List.of()))));
        }
        files.add(PackageFile.of("feeds/spy.txt", PackageFile.ROLE_FEED, "exploit-delivery.net\n".getBytes(StandardCharsets.UTF_8)));
        PackageHeader header = new PackageHeader("ANSSI", "CCN-CERT", Tlp.AMBER, Instant.parse("2026-11-28T09:00:00Z"), "case-fr",
                "FR-2024", "TJ Paris 24/001", "European Investigation Order EIO-2024-118", "0.1.0-test");
        pkg = PackageWriter.write(header, files, sender, tmp.resolve("received/fr-2024")).folder();
    }

    @Test
    void aPackageVerifiesWithItsSummaryAndATamperedOneNamesTheFile() throws Exception {
        Run ok = cotejo("package", "verify", pkg.toString(), "--expect-key", sender.keyId().substring(0, 16));
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("sender      ANSSI", "recipient   CCN-CERT", "TLP         TLP:AMBER", "key id      " + sender.keyId(),
                "files       5,", "manifest    SHA-256 ");

        Path f = pkg.resolve("devices/FR-01.findings.json");
        byte[] b = Files.readAllBytes(f);
        b[b.length - 2] ^= 1;
        Files.write(f, b);
        Run bad = cotejo("package", "verify", pkg.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("cotejo: package ").contains("devices/FR-01.findings.json has SHA-256").doesNotContain("\n");
    }

    @Test
    void anImportedPackageIsAForeignCaseThatVerifiesAndKeepsTheSendersProvenance() throws Exception {
        Path caseDir = tmp.resolve("cases/fr-received");
        Run imp = cotejo("case", "import-package", pkg.toString(), "--case", caseDir.toString(), "--expect-key", sender.keyId(),
                "--analyst", "Analyst 7");
        assertThat(imp.code()).as(imp.err()).isZero();
        String manifest = org.cotejo.core.Hashing.sha256(pkg.resolve("manifest.json"));
        assertThat(imp.out()).contains("Imported the package from ANSSI", "manifest SHA-256 " + manifest, "2 devices, 1 feeds");

        Run verify = cotejo("case", "verify", "-C", caseDir.toString());
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("received package's files and signature");

        Run log = cotejo("case", "log", "-C", caseDir.toString());
        assertThat(log.out()).contains("import-package", "\"manifest_sha256\":\"" + manifest + "\"", "\"key_id\":\"" + sender.keyId() + "\"");
        Run devices = cotejo("case", "devices", "-C", caseDir.toString());
        assertThat(devices.out()).contains("FR-01", "FR-02");

        Path folder = ImportedPackages.folderOf(caseDir).orElseThrow();
        var received = ExchangePackages.open(folder, sender.keyId());
        assertThat(received.manifestSha256()).isEqualTo(manifest);
        assertThat(received.devices()).hasSize(2);
        assertThat(ImportedPackages.folderOf(tmp.resolve("cases/fr-received"))).isPresent();
    }

    @Test
    void scanningOrAddingToAForeignCaseIsRefused() throws Exception {
        Path caseDir = tmp.resolve("cases/fr-received");
        assertThat(cotejo("case", "import-package", pkg.toString(), "--case", caseDir.toString()).code()).isZero();

        Run scan = cotejo("case", "scan", "-C", caseDir.toString());
        assertThat(scan.code()).isEqualTo(2);
        assertThat(scan.err()).contains("cannot scan case", "read-only foreign case imported from ANSSI's exchange package");
        Files.createDirectories(tmp.resolve("evidence"));
        Files.writeString(tmp.resolve("evidence/capture.pcap"), "x");
        Run add = cotejo("case", "add-evidence", "-C", caseDir.toString(), "--device", "FR-01", tmp.resolve("evidence/capture.pcap").toString());
        assertThat(add.code()).isEqualTo(2);
        assertThat(add.err()).contains("cannot add evidence to case");
        Run device = cotejo("case", "add-device", "-C", caseDir.toString(), "--label", "FR-09", "--platform", "ios");
        assertThat(device.err()).contains("cannot add a device to case");
    }

    @Test
    void aTamperedPackageIsNotImportedAndNothingIsWritten() throws Exception {
        Files.writeString(pkg.resolve("feeds/extra.txt"), "other.example\n");
        Path caseDir = tmp.resolve("cases/fr-received");
        Run imp = cotejo("case", "import-package", pkg.toString(), "--case", caseDir.toString());
        assertThat(imp.code()).isEqualTo(2);
        assertThat(imp.err()).contains("feeds/extra.txt, which manifest.json does not list");
        assertThat(caseDir).doesNotExist();

        Files.delete(pkg.resolve("feeds/extra.txt"));
        Run wrongKey = cotejo("case", "import-package", pkg.toString(), "--case", caseDir.toString(), "--expect-key", "00112233445566778899");
        assertThat(wrongKey.err()).contains("not the expected sender key");
        assertThat(caseDir).doesNotExist();
    }

    @Test
    void caseVerifyNamesAReceivedFileChangedAfterImport() throws Exception {
        Path caseDir = tmp.resolve("cases/fr-received");
        assertThat(cotejo("case", "import-package", pkg.toString(), "--case", caseDir.toString()).code()).isZero();
        Path copy = ImportedPackages.folderOf(caseDir).orElseThrow();
        Path f = copy.resolve("devices/FR-02.device-evidence.json");
        f.getParent().toFile().setWritable(true);
        f.toFile().setWritable(true);
        Files.writeString(f, Files.readString(f).replace("nothing_found", "infected"));

        Run verify = cotejo("case", "verify", "-C", caseDir.toString());
        assertThat(verify.code()).isEqualTo(3);
        assertThat(verify.out()).contains("package: " + f, "changed since import");
    }
}
