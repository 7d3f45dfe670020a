package org.cotejo.forensics.ios.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSDictionary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationsTest {
    @TempDir Path dir;

    @Test
    void readsAppsFromTheBackupInfoPlistWithTheirEmbeddedMetadataAndIcon() throws Exception {
        byte[] icon = "\u0089PNG fake icon".getBytes(StandardCharsets.ISO_8859_1);
        NSDictionary apps = new NSDictionary();
        apps.put("com.example.chat", app(metadata("com.example.chat", "Chat", "com.apple.AppStore", "2023-01-15T12:00:00Z"), icon));
        apps.put("com.example.sideloaded", app(metadata("com.example.sideloaded", "Side", "com.example.store", null), null));
        var x = TestBackup.at(dir.resolve("backup")).info("Applications", apps).open();

        List<Record> records = ModuleHarness.run(x, "Applications").of("applications");

        assertThat(records).hasSize(2);
        Record chat = records.get(0);
        assertThat(chat.fields().string("softwareVersionBundleId")).isEqualTo("com.example.chat");
        assertThat(chat.fields().string("name")).isEqualTo("com.example.chat");
        assertThat(chat.fields().string("icon_sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(icon)));
        assertThat(chat.fields().string("isodate")).isEqualTo("2023-01-15 12:00:00.000000");
        assertThat(chat.fields().object("com.apple.iTunesStore.downloadInfo").string("purchaseDate")).isEqualTo("2023-01-15T12:00:00Z");
        assertThat(chat.provenance().file()).isEqualTo("Info.plist");
        assertThat(chat.provenance().locator()).isEqualTo("Applications[\"com.example.chat\"]");
        assertThat(chat.observables()).extracting(o -> o.observable().type(), o -> o.observable().value()).containsExactlyInAnyOrder(
                tuple(ObservableType.APP_ID, "com.example.chat"), tuple(ObservableType.PROCESS_NAME, "com.example.chat"));
        assertThat(chat.timeline()).extracting(TimelineEvent::time, TimelineEvent::event, TimelineEvent::description).containsExactly(
                tuple(Instant.parse("2023-01-15T12:00:00Z"), "app_installed",
                        "App com.example.chat version 2.1 from Example Ltd installed from com.apple.AppStore"));

        Record side = records.get(1);
        assertThat(side.fields().string("sourceApp")).isEqualTo("com.example.store");
        assertThat(side.fields().has("icon_sha256")).isFalse();
        assertThat(side.fields().has("isodate")).isFalse();
        assertThat(side.timeline()).isEmpty();
    }

    @Test
    void listsAnAppWhoseEmbeddedMetadataIsDamagedAndSaysSo() throws Exception {
        NSDictionary broken = new NSDictionary();
        broken.put("iTunesMetadata", "bplist00 truncated".getBytes(StandardCharsets.US_ASCII));
        NSDictionary apps = new NSDictionary();
        apps.put("com.example.broken", broken);
        var x = TestBackup.at(dir.resolve("backup")).info("Applications", apps).open();

        ModuleHarness.Result result = ModuleHarness.run(x, "Applications");

        assertThat(result.of("applications")).singleElement().satisfies(r -> {
            assertThat(r.fields().keys()).containsExactly("name");
            assertThat(r.observables()).isEmpty();
        });
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Applications[\"com.example.broken\"].iTunesMetadata").contains("without its metadata"));
    }

    @Test
    void readsEveryITunesMetadataPlistOfADump() throws Exception {
        write("private/var/containers/Bundle/Application/0AAA/iTunesMetadata.plist",
                metadata("com.example.chat", "Chat", "com.apple.AppStore", "2023-01-15T12:00:00Z"));
        write("private/var/containers/Bundle/Application/1BBB/iTunesMetadata.plist",
                metadata("com.example.mdm", "Managed", "com.apple.dmd", "2022-11-02T08:00:00Z"));
        Files.createDirectories(dir.resolve("private/var/containers/Bundle/Application/2CCC"));
        Files.writeString(dir.resolve("private/var/containers/Bundle/Application/2CCC/iTunesMetadata.plist"), "");

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dir), "Applications");

        List<Record> records = result.of("applications");
        assertThat(records).extracting(r -> r.fields().string("file_path")).containsExactly(
                "private/var/containers/Bundle/Application/0AAA/iTunesMetadata.plist",
                "private/var/containers/Bundle/Application/1BBB/iTunesMetadata.plist");
        assertThat(records.get(1).fields().string("isodate")).isEqualTo("2022-11-02 08:00:00.000000");
        // Dump records have no "name"; the timeline falls back to the store's item name.
        assertThat(records.get(1).timeline()).singleElement()
                .satisfies(e -> assertThat(e.description()).isEqualTo("App Managed version 2.1 from Example Ltd installed from com.apple.dmd"));
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("2CCC/iTunesMetadata.plist");
            assertThat(p.message()).contains("app skipped");
        });
    }

    static NSDictionary metadata(String bundleId, String itemName, String sourceApp, String purchaseDate) {
        NSDictionary m = new NSDictionary();
        m.put("softwareVersionBundleId", bundleId);
        m.put("itemName", itemName);
        m.put("artistName", "Example Ltd");
        m.put("bundleShortVersionString", "2.1");
        m.put("itemId", 1234567890L);
        m.put("sourceApp", sourceApp);
        if (purchaseDate != null) {
            NSDictionary download = new NSDictionary();
            download.put("purchaseDate", purchaseDate);
            m.put("com.apple.iTunesStore.downloadInfo", download);
        }
        return m;
    }

    private static NSDictionary app(NSDictionary metadata, byte[] icon) throws Exception {
        NSDictionary a = new NSDictionary();
        a.put("ApplicationSINF", new byte[] {0, 0, 1});
        a.put("iTunesMetadata", BinaryPropertyListWriter.writeToArray(metadata));
        if (icon != null) a.put("PlaceholderIcon", icon);
        return a;
    }

    private void write(String path, NSDictionary plist) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        // Dumps hold these as XML property lists.
        com.dd.plist.XMLPropertyListWriter.write(plist, file);
    }
}
