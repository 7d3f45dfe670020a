package org.cotejo.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.cotejo.cli.Main;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.ios.backup.write.BackupDevice;
import org.cotejo.forensics.ios.backup.write.BackupEncryption;
import org.cotejo.forensics.ios.backup.write.BackupWriter;
import org.cotejo.forensics.ios.synth.PhoneFile;
import org.cotejo.forensics.ios.synth.SyntheticPhone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cotejo check` and `cotejo decrypt` run in-process on extractions written in their real formats. */
class CheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse";

    @TempDir
    Path tmp;
    Path feed;
    List<PhoneFile> phone;

    record Run(int code, String out, String err) {}

    static Run cotejo(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void infectedPhone() throws Exception {
        feed = tmp.resolve("spy.txt");
        Files.writeString(feed, "# test indicators\nexploit-delivery.net\n");
        Path processes = tmp.resolve("processes.txt");
        Files.writeString(processes, "bh\nroleaccountd\n");
        phone = new SyntheticPhone(300, 500, 50, 20, 7)
                .planting(List.of("https://track.exploit-delivery.net/p/3Xz"), List.of("bh"))
                .write(tmp.resolve("scratch"));
    }

    private Path backup(String name, BackupEncryption encryption) throws Exception {
        Path folder = tmp.resolve("evidence").resolve(name);
        try (BackupWriter w = encryption == null ? BackupWriter.create(folder, BackupDevice.example())
                : BackupWriter.createEncrypted(folder, BackupDevice.example(), encryption)) {
            for (PhoneFile f : phone) w.file(f.domain(), f.relativePath(), Files.readAllBytes(f.content()));
            w.finish();
        }
        return folder;
    }

    private static BackupEncryption encryption() {
        return BackupEncryption.withPassword(PASSWORD.toCharArray()).iterations(10, 10).seed(1L);
    }

    private static Map<String, String> treeHashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(root.relativize(p).toString(), Hashing.sha256(Files.readAllBytes(p)));
        }
        return out;
    }

    private String[] args(String... a) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of("--iocs", feed.toString(), "--iocs", tmp.resolve("processes.txt").toString()));
        return l.toArray(String[]::new);
    }

    @Test
    void anEncryptedBackupIsCheckedWithItsPasswordFileAndFoundInfected() throws Exception {
        Path b = backup("enc", encryption());
        Map<String, String> before = treeHashes(b);
        Path pw = tmp.resolve("password.txt");
        Files.writeString(pw, PASSWORD + "\n");
        Path out = tmp.resolve("out");

        Run r = cotejo(args("check", "ios-backup", b.toString(), "--password-file", pw.toString(), "--out", out.toString()));

        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).contains("Verdict: INFECTED");
        JsonNode findings = JSON.readTree(out.resolve("findings.json").toFile());
        assertThat(findings.get("format").asText()).isEqualTo("cotejo-findings");
        assertThat(findings.get("verdict").get("verdict").asText()).isEqualTo("infected");
        List<String> found = new ArrayList<>();
        findings.get("detections").forEach(d -> found.add(d.get("module").asText() + ":" + d.get("observable").get("raw").asText()
                + ":" + d.get("source").get("logical").asText()));
        assertThat(found).contains("sms:https://track.exploit-delivery.net/p/3Xz:HomeDomain/Library/SMS/sms.db",
                "datausage:bh:WirelessDomain/Library/Databases/DataUsage.sqlite");
        for (String f : List.of("sms.json", "sms_detected.json", "datausage.json", "alerts.json", "alerts_timeline.csv",
                "timeline.csv", "timeline.jsonl", "info.json", "safari_history.json")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        JsonNode alerts = JSON.readTree(out.resolve("sms_detected.json").toFile());
        assertThat(alerts.get(0).get("level").asText()).isEqualTo("CRITICAL");
        assertThat(alerts.get(0).get("matched_indicator").get("value").asText()).isEqualTo("exploit-delivery.net");
        assertThat(treeHashes(b)).as("evidence unchanged").isEqualTo(before);
        assertThat(Files.list(tmp).filter(p -> p.getFileName().toString().contains("partial")).toList()).isEmpty();
    }

    @Test
    void aWrongPasswordIsOneLineAndExitTwo() throws Exception {
        Path b = backup("enc", encryption());
        Path pw = tmp.resolve("password.txt");
        Files.writeString(pw, "wrong");
        Path out = tmp.resolve("out");
        Run r = cotejo(args("check", "ios-backup", b.toString(), "--password-file", pw.toString(), "--out", out.toString()));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("cotejo: wrong password").doesNotContain("\n").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void aPlainBackupNeedsNoPasswordAndTwoRunsAreIdentical() throws Exception {
        Path b = backup("plain", null);
        Path a = tmp.resolve("a");
        Path c = tmp.resolve("c");
        assertThat(cotejo(args("check", "ios-backup", b.toString(), "--out", a.toString())).code()).isEqualTo(3);
        assertThat(cotejo(args("check", "ios-backup", b.toString(), "--out", c.toString())).code()).isEqualTo(3);
        Map<String, String> ha = treeHashes(a);
        Map<String, String> hc = treeHashes(c);
        ha.remove("info.json");
        hc.remove("info.json");
        assertThat(ha).isEqualTo(hc);
    }

    @Test
    void oneModuleCanBeRunAlone() throws Exception {
        Path b = backup("plain", null);
        Path out = tmp.resolve("out");
        Run r = cotejo(args("check", "ios-backup", b.toString(), "--module", "SMS", "--out", out.toString()));
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("SMS").doesNotContain("SafariHistory").contains("Verdict: ATTEMPTED");
        assertThat(out.resolve("safari_history.json")).doesNotExist();
        assertThat(cotejo(args("check", "ios-backup", b.toString(), "--module", "Nope")).err()).contains("unknown module 'Nope'");
    }

    @Test
    void listsModulesAndHeuristicsWithoutAnExtraction() {
        Run r = cotejo("check", "ios-backup", "--list-modules");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("SMS", "SafariHistory", "Datausage", "sms.apple-threat-notification", "netbase.manipulated-process");
        assertThat(cotejo("check", "ios-fs", "--list-modules").out()).contains("ShutdownLog", "Filesystem", "shutdown.suspicious-path");
    }

    @Test
    void refusesAnOutputFolderInsideTheEvidenceOrNotEmpty() throws Exception {
        Path b = backup("plain", null);
        Map<String, String> before = treeHashes(b);
        Run inside = cotejo(args("check", "ios-backup", b.toString(), "--out", b.resolve("results").toString()));
        assertThat(inside.code()).isEqualTo(2);
        assertThat(inside.err()).contains("inside the evidence");
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "x");
        Run notEmpty = cotejo(args("check", "ios-backup", b.toString(), "--out", full.toString()));
        assertThat(notEmpty.code()).isEqualTo(2);
        assertThat(notEmpty.err()).contains("is not empty");
        assertThat(treeHashes(b)).isEqualTo(before);
    }

    @Test
    void aMissingPathIsAUserError() {
        Run r = cotejo("check", "ios-backup", tmp.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("cotejo: no such file or folder");
    }

    @Test
    void mvtResultsAreReCheckedWithNewFeeds() throws Exception {
        Path b = backup("plain", null);
        Path first = tmp.resolve("first");
        // First run without the process feed: only the SMS link is found.
        assertThat(cotejo("check", "ios-backup", b.toString(), "--iocs", feed.toString(), "--out", first.toString()).code()).isEqualTo(3);
        Path again = tmp.resolve("again");
        Run r = cotejo(args("check", "mvt-results", first.toString(), "--out", again.toString()));
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        JsonNode findings = JSON.readTree(again.resolve("findings.json").toFile());
        List<String> modules = new ArrayList<>();
        findings.get("detections").forEach(d -> modules.add(d.get("module").asText() + " " + d.get("source").get("file").asText()));
        assertThat(modules).contains("sms sms.json", "datausage datausage.json");
        assertThat(findings.get("verdict").get("verdict").asText()).isEqualTo("infected");
    }

    @Test
    void aFilesystemDumpArchiveIsReadInPlaceAndHostileEntriesAreReported() throws Exception {
        Path dump = tmp.resolve("evidence/dump.tar.gz");
        Files.createDirectories(dump.getParent());
        try (OutputStream fo = Files.newOutputStream(dump); GzipCompressorOutputStream gz = new GzipCompressorOutputStream(fo);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (PhoneFile f : phone) {
                byte[] bytes = Files.readAllBytes(f.content());
                TarArchiveEntry e = new TarArchiveEntry("dump/" + f.fsPath());
                e.setSize(bytes.length);
                tar.putArchiveEntry(e);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
            byte[] evil = "overwrite me".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("../../escape.txt", true);
            e.setSize(evil.length);
            tar.putArchiveEntry(e);
            tar.write(evil);
            tar.closeArchiveEntry();
        }
        String before = Hashing.sha256(Files.readAllBytes(dump));
        Path out = tmp.resolve("out");
        Run r = cotejo(args("check", "ios-fs", dump.toString(), "--out", out.toString()));
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).contains("Verdict: INFECTED");
        assertThat(r.err()).contains("escape.txt");
        JsonNode findings = JSON.readTree(out.resolve("findings.json").toFile());
        assertThat(findings.get("problems").toString()).contains("escape.txt");
        assertThat(tmp.resolve("escape.txt")).doesNotExist();
        assertThat(Hashing.sha256(Files.readAllBytes(dump))).isEqualTo(before);
    }

    @Test
    void decryptWritesACopyThatChecksAsAPlainBackup() throws Exception {
        Path b = backup("enc", encryption());
        Path pw = tmp.resolve("password.txt");
        Files.writeString(pw, PASSWORD);
        Path copy = tmp.resolve("decrypted");
        Run d = cotejo("decrypt", "ios-backup", b.toString(), "--password-file", pw.toString(), "--out", copy.toString());
        assertThat(d.code()).as(d.err()).isZero();
        assertThat(d.out()).contains("Decrypted");
        assertThat(copy.resolve("cotejo-decryption.json")).isRegularFile();
        Run r = cotejo(args("check", "ios-backup", copy.toString(), "--out", tmp.resolve("out").toString()));
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).contains("Verdict: INFECTED");
    }
}
