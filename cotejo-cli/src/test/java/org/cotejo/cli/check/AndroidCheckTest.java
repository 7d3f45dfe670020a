package org.cotejo.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.cli.check.CheckCommandTest.cotejo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.DeflaterOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.cotejo.cli.check.CheckCommandTest.Run;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.android.bugreport.BugreportBuilder;
import org.cotejo.forensics.android.qf.AndroidQfBuilder;
import org.cotejo.forensics.android.qf.Pkg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Android kinds of `cotejo check`, and `cotejo decrypt android-backup`, on acquisitions written in their real formats. */
class AndroidCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SMS_PATH = "apps/com.android.providers.telephony/d_f/000000_sms_backup";

    @TempDir
    Path tmp;
    Path feed;

    @BeforeEach
    void feed() throws IOException {
        feed = tmp.resolve("spy.txt");
        Files.writeString(feed, "# test indicators\nexploit-delivery.net\n");
    }

    /** A plain (unencrypted, zlib-compressed, version 5) adb backup holding one SMS backup file. */
    private static byte[] backup(String smsBody) throws IOException {
        String sms = "[{\"address\":\"+34600000000\",\"body\":\"" + smsBody + "\",\"date\":\"1700000000000\",\"date_sent\":\"0\",\"type\":\"1\"}]";
        ByteArrayOutputStream zlibbed = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(zlibbed)) {
            z.write(sms.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(tar)) {
            TarArchiveEntry e = new TarArchiveEntry(SMS_PATH);
            e.setSize(zlibbed.size());
            t.putArchiveEntry(e);
            t.write(zlibbed.toByteArray());
            t.closeArchiveEntry();
        }
        ByteArrayOutputStream ab = new ByteArrayOutputStream();
        ab.write("ANDROID BACKUP\n5\n1\nnone\n".getBytes(StandardCharsets.US_ASCII));
        try (OutputStream z = new DeflaterOutputStream(ab)) {
            z.write(tar.toByteArray());
        }
        return ab.toByteArray();
    }

    private static String dnsEvent(String host, long millis) {
        return "{\"dns_event\":{\"hostname\":\"" + host + "\",\"package_name\":\"com.example.app\",\"ip_addresses\":[\"/203.0.113.7\"],"
                + "\"event_time\":" + millis + "}}\n";
    }

    private Path bugreportZip() throws IOException {
        return new BugreportBuilder()
                .property("ro.build.version.release", "14")
                .fsFile("/data/system/users/0/settings.xml", "<settings/>".getBytes(StandardCharsets.UTF_8), LocalDateTime.of(2024, 3, 21, 11, 7, 22))
                .zip(tmp.resolve("scratch-bugreport.zip"));
    }

    private Path collection(byte[] backup) throws IOException {
        return AndroidQfBuilder.collection()
                .prop("ro.product.model", "Pixel 7")
                .prop("ro.build.version.security_patch", "2024-02-05")
                .acquisition("2024-03-22T10:00:00Z", "")
                .pkg(Pkg.named("com.example.app").installer("com.android.vending"))
                .pkg(Pkg.named("com.sideloaded.tool").installer("com.google.android.packageinstaller"))
                .rootBinary("/system/xbin/su")
                .raw("bugreport.zip", Files.readAllBytes(bugreportZip()))
                .raw("backup.ab", backup)
                .raw("intrusion_logs/2024-03-21.txt", dnsEvent("cdn.exploit-delivery.net", 1_710_000_000_000L) + dnsEvent("example.org", 1_710_000_001_000L))
                .writeFolder(tmp.resolve("evidence/collection"));
    }

    @Test
    void anAndroidQfCollectionIsCheckedWithItsBugreportBackupAndIntrusionLogsAsOneDevice() throws Exception {
        Path evidence = collection(backup("Your parcel: https://track.exploit-delivery.net/p/3Xz"));
        String before = Hashing.sha256(Files.readAllBytes(evidence.resolve("backup.ab")));
        Path out = tmp.resolve("results");

        Run r = cotejo("check", "androidqf", evidence.toString(), "--iocs", feed.toString(), "--out", out.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(CheckRun.FOUND_HIGH);
        assertThat(r.out()).contains("AQFPackages", "BugReportTimestamps", "AndroidSMS", "DnsEvent", "Verdict:");
        JsonNode findings = JSON.readTree(out.resolve("findings.json").toFile());
        String all = findings.toString();
        assertThat(all).contains("track.exploit-delivery.net", "cdn.exploit-delivery.net");
        assertThat(all).contains("backup.ab::" + SMS_PATH).contains("intrusion_logs::");
        assertThat(all).contains("android.packages.browser-install", "android.root-binaries.root-binary");
        assertThat(Files.readAllLines(out.resolve("timeline.csv")).get(0))
                .isEqualTo("\"Device Local Timestamp\",\"Plugin\",\"Event\",\"Description\",\"Time Zone\"");
        assertThat(Files.readString(out.resolve("timeline.csv"))).contains("\"device local\"", "\"UTC\"");
        assertThat(Hashing.sha256(Files.readAllBytes(evidence.resolve("backup.ab")))).as("evidence untouched").isEqualTo(before);
        try (var listing = Files.list(evidence)) {
            assertThat(listing.map(p -> p.getFileName().toString()).toList()).as("nothing written beside the evidence")
                    .containsExactlyInAnyOrder("packages.json", "getprop.txt", "root_binaries.json", "acquisition.json",
                            "bugreport.zip", "backup.ab", "intrusion_logs");
        }
    }

    @Test
    void aMalformedNestedBackupIsAProblemAndTheRestOfTheCollectionIsStillChecked() throws Exception {
        Path evidence = collection("ANDROID BACKUP\n9\n1\nnone\n".getBytes(StandardCharsets.US_ASCII));
        Path out = tmp.resolve("results");

        Run r = cotejo("check", "androidqf", evidence.toString(), "--iocs", feed.toString(), "--out", out.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(CheckRun.FOUND_HIGH);
        assertThat(r.err()).contains("backup.ab could not be opened", "version '9'");
        JsonNode findings = JSON.readTree(out.resolve("findings.json").toFile());
        assertThat(findings.toString()).contains("cdn.exploit-delivery.net").doesNotContain("track.exploit-delivery.net");
    }

    @Test
    void aStandaloneBackupIsCheckedAndDecryptedToATarWithoutOverwritingAnything() throws Exception {
        Path ab = tmp.resolve("evidence/backup.ab");
        Files.createDirectories(ab.getParent());
        Files.write(ab, backup("see http://exploit-delivery.net/x"));

        Run check = cotejo("check", "android-backup", ab.toString(), "--iocs", feed.toString());
        assertThat(check.code()).as(check.err()).isEqualTo(CheckRun.FOUND_HIGH);
        assertThat(check.out()).contains("AndroidSMS");

        Path tar = tmp.resolve("out/backup.tar");
        Files.createDirectories(tar.getParent());
        Run decrypt = cotejo("decrypt", "android-backup", ab.toString(), "--out", tar.toString());
        assertThat(decrypt.code()).as(decrypt.err()).isZero();
        assertThat(decrypt.out()).contains(Hashing.sha256(Files.readAllBytes(ab)), Hashing.sha256(Files.readAllBytes(tar)));
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(tar))) {
            assertThat(in.getNextEntry().getName()).isEqualTo(SMS_PATH);
        }

        Run again = cotejo("decrypt", "android-backup", ab.toString(), "--out", tar.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).doesNotContain("Exception").contains(tar.getFileName().toString());
    }

    @Test
    void aBugreportZipIsCheckedAndAFileThatIsNotOneIsAOneLineUserError() throws Exception {
        Path zip = bugreportZip();
        Run r = cotejo("check", "bugreport", zip.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("BugReportTimestamps", "Verdict:");

        Path notZip = tmp.resolve("bugreport.zip");
        Files.writeString(notZip, "hello");
        Run bad = cotejo("check", "bugreport", notZip.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("is not a bugreport archive").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void anIntrusionLogExportIsCheckedOnItsOwn() throws Exception {
        Path folder = tmp.resolve("evidence/intrusion");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("day1.txt"), dnsEvent("cdn.exploit-delivery.net", 1_710_000_000_000L) + "{broken\n");
        Run r = cotejo("check", "intrusion-logs", folder.toString(), "--iocs", feed.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(CheckRun.FOUND_HIGH);
        assertThat(r.out()).contains("DnsEvent");
        assertThat(r.err()).contains("day1.txt", "line 2");
    }
}
