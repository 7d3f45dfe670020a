package org.cotejo.forensics.ios.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSDictionary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.evidence.archive.ArchiveBuilder;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.Sqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IosFilesystemsTest {
    private static final String SMS_DB = "private/var/mobile/Library/SMS/sms.db";

    @TempDir Path dir;

    /** A phone filesystem with one iMessage carrying a link, laid out under {@code root}. */
    private static Path phone(Path root) throws Exception {
        try (Sqlite db = Sqlite.create(root.resolve(SMS_DB))) {
            db.exec("CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, service TEXT)",
                    "CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, "
                            + "handle_id INTEGER DEFAULT 0, service TEXT, account TEXT, date INTEGER, date_read INTEGER, "
                            + "is_from_me INTEGER DEFAULT 0)");
            db.insert("INSERT INTO handle (ROWID, id, service) VALUES (?, ?, ?)", 1, "+34600000000", "iMessage");
            db.insert("INSERT INTO message (ROWID, guid, text, handle_id, service, account, date, date_read, is_from_me) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", 7, "GUID-7", "look https://bad.example.org/x now", 1, "iMessage",
                    "e:me@example.com", 648_000_000_000_000_000L, 0, 0);
        }
        return root;
    }

    @Test
    void findsTheDumpRootInsideWrappingFolders() throws Exception {
        phone(dir.resolve("case-12/filesystem"));
        try (Extraction x = IosFilesystems.open(dir.resolve("case-12"), null)) {
            assertThat(x.kind()).isEqualTo(EvidenceKind.IOS_FS);
            assertThat(x.tree().describe()).endsWith("folder filesystem");
            assertThat(x.locator().locate(Location.fs(SMS_DB))).singleElement()
                    .satisfies(f -> assertThat(f.entry().path()).isEqualTo(SMS_DB));
        }
    }

    @Test
    void findsFilesUnderAWrappingFolderWhoseNameLooksLikeAWildcard() throws Exception {
        phone(dir.resolve("exports/dump [1]*"));
        try (Extraction x = IosFilesystems.open(dir.resolve("exports"), null)) {
            assertThat(x.locator().locate(Location.fs("private/var/mobile/Library/*/sms.db"))).singleElement()
                    .satisfies(f -> assertThat(f.entry().path()).isEqualTo(SMS_DB));
            assertThat(x.tree().sha256(x.tree().entry(SMS_DB).orElseThrow()))
                    .isEqualTo(Hashing.sha256(Files.readAllBytes(dir.resolve("exports/dump [1]*").resolve(SMS_DB))));
        }
    }

    @Test
    void readsAnSmsDatabaseFromATarGzWrappedInTwoFolders() throws Exception {
        Path archive = ArchiveBuilder.archive().folder(phone(dir.resolve("phone")), "export/dump/")
                .tarGz(dir.resolve("dump.tar.gz"));
        String before = Hashing.sha256(Files.readAllBytes(archive));
        ModuleHarness.Result result = ModuleHarness.run(IosFilesystems.open(archive, null), "SMS");
        assertThat(result.problems()).isEmpty();
        Record sms = result.of("sms").get(0);
        assertThat(sms.fields().string("text")).isEqualTo("look https://bad.example.org/x now");
        assertThat(sms.provenance().file()).isEqualTo(SMS_DB);
        assertThat(sms.provenance().locator()).isEqualTo("message ROWID 7");
        assertThat(sms.observables()).anySatisfy(o -> assertThat(o.observable().value()).contains("bad.example.org"));
        assertThat(Hashing.sha256(Files.readAllBytes(archive))).as("the evidence is unchanged").isEqualTo(before);
    }

    @Test
    void opensAZipDumpAndExposesWhatTheArchiveRefused() throws Exception {
        Path archive = ArchiveBuilder.archive().folder(phone(dir.resolve("phone")), "")
                .file("../outside.txt", "x").zip(dir.resolve("dump.zip"));
        try (Extraction x = IosFilesystems.open(archive, null)) {
            assertThat(x.tree().entry(SMS_DB)).isPresent();
            assertThat(x.service(ArchiveTree.class).orElseThrow().skipped()).singleElement()
                    .satisfies(s -> assertThat(s).contains("'../outside.txt'").contains("'..' segment"));
        }
    }

    @Test
    void refusesAFolderWithoutPrivateVar() throws Exception {
        Files.createDirectories(dir.resolve("photos/DCIM"));
        assertThatThrownBy(() -> IosFilesystems.open(dir.resolve("photos"), null)).isInstanceOf(CotejoException.class)
                .hasMessageContaining("photos").hasMessageContaining("does not look like an iOS filesystem dump (no private/var folder");
    }

    @Test
    void refusesTwoDumpsSideBySide() throws Exception {
        Files.createDirectories(dir.resolve("both/a/private/var"));
        Files.createDirectories(dir.resolve("both/b/private/var"));
        assertThatThrownBy(() -> IosFilesystems.open(dir.resolve("both"), null)).isInstanceOf(CotejoException.class)
                .hasMessageContaining("holds 2 iOS filesystem dumps (a/private/var, b/private/var)");
    }

    @Test
    void readsDeviceIdentifiersFromTheDataArkAndMobileGestalt() throws Exception {
        Path root = dir.resolve("dump");
        NSDictionary ark = new NSDictionary();
        ark.put("-DeviceName", "Ana's iPhone");
        ark.put("-SerialNumber", "F2LXXXXXXX");
        ark.put("-ProductType", "iPhone14,2");
        ark.put("com.apple.mobile.iTunes.store-AppleID", "someone@example.com");
        Path arkFile = root.resolve(DeviceIdentifiers.DATA_ARK);
        Files.createDirectories(arkFile.getParent());
        BinaryPropertyListWriter.write(arkFile.toFile(), ark);
        NSDictionary gestalt = new NSDictionary();
        gestalt.put("CacheVersion", "20G75");
        gestalt.put("CacheExtra", new NSDictionary());
        Path mg = root.resolve("private/var/containers/Shared/SystemGroup/0A1B/Library/Caches/com.apple.MobileGestalt.plist");
        Files.createDirectories(mg.getParent());
        Files.writeString(mg, gestalt.toXMLPropertyList(), StandardCharsets.UTF_8);
        try (Extraction x = IosFilesystems.open(root, null)) {
            assertThat(x.identifiers()).containsEntry("device_name", "Ana's iPhone").containsEntry("serial_number", "F2LXXXXXXX")
                    .containsEntry("product_type", "iPhone14,2").containsEntry("build_version", "20G75")
                    .doesNotContainKey("udid");
        }
    }

    @Test
    void treatsADamagedDataArkAsNoIdentifiers() throws Exception {
        Path ark = dir.resolve("dump").resolve(DeviceIdentifiers.DATA_ARK);
        Files.createDirectories(ark.getParent());
        Files.writeString(ark, "<?xml version=\"1.0\"?><plist><dict><key>-DeviceName</key>");
        try (Extraction x = IosFilesystems.open(dir.resolve("dump"), null)) {
            assertThat(x.identifiers()).isEmpty();
        }
    }
}
