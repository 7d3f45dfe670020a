package org.cotejo.forensics.ios.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.ios.backup.BackupLocator;
import org.cotejo.forensics.ios.backup.BackupManifest;
import org.cotejo.forensics.ios.backup.ManifestEntry;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    @TempDir Path dir;

    private static final String WEBKIT_FOLDER = "Library/WebKit/WebsiteData/LocalStorage/https_www.evil-example.com_0.localstorage";

    @Test
    void listsEveryFileWithItsTimesModeOwnerAndSize() throws Exception {
        ManifestEntry sms = new ManifestEntry("3d0d7e5fb2ce288813306e4d4636395e047a3d28", "HomeDomain", "Library/SMS/sms.db", 1,
                meta(1_600_000_000L, 1_600_000_100L, 1_600_000_100L, 0100644));

        Record r = only(ModuleHarness.run(backupListing(List.of(sms), false), "Manifest").of("manifest"));

        Fields f = r.fields();
        assertThat(f.keys()).containsExactly("file_id", "domain", "relative_path", "flags", "created", "modified",
                "status_changed", "mode", "owner", "size");
        assertThat(f.string("created")).isEqualTo("2020-09-13 12:26:40.000000");
        assertThat(f.string("modified")).isEqualTo("2020-09-13 12:28:20.000000");
        assertThat(f.string("mode")).isEqualTo("0o100644");
        assertThat(f.longValue("owner")).isEqualTo(501L);
        assertThat(f.longValue("size")).isEqualTo(4096L);
        assertThat(r.provenance().file()).isEqualTo("Manifest.db");
        assertThat(r.provenance().locator()).isEqualTo("Files fileID 3d0d7e5fb2ce288813306e4d4636395e047a3d28");
        assertThat(r.observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), ObservedValue::trace)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ObservableType.FILE_PATH, "/Library/SMS/sms.db", TraceClass.FILESYSTEM));
    }

    @Test
    void givesOneMacbEventPerDistinctTime() throws Exception {
        ManifestEntry changedLater = new ManifestEntry("aa", "HomeDomain", "Library/a", 1, meta(100L, 200L, 300L, 0100644));
        ManifestEntry allSame = new ManifestEntry("bb", "HomeDomain", "Library/b", 1, meta(100L, 100L, 100L, 0100644));
        List<Record> records = ModuleHarness.run(backupListing(List.of(changedLater, allSame), false), "Manifest").of("manifest");

        assertThat(records.get(0).timeline()).extracting(TimelineEvent::time, TimelineEvent::event).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Instant.ofEpochSecond(100), "---B"),
                org.assertj.core.groups.Tuple.tuple(Instant.ofEpochSecond(200), "M---"),
                org.assertj.core.groups.Tuple.tuple(Instant.ofEpochSecond(300), "--C-"));
        assertThat(records.get(1).timeline()).singleElement()
                .satisfies(e -> {
                    assertThat(e.event()).isEqualTo("M-CB");
                    assertThat(e.description()).isEqualTo("Library/b - HomeDomain");
                });
    }

    @Test
    void namesTheWebSiteOfAWebKitStorageFolderAsABrowsingTrace() {
        Fields row = Fields.builder().put("file_id", "cc").put("domain", "AppDomain-com.apple.mobilesafari")
                .put("relative_path", WEBKIT_FOLDER).put("flags", 1).put("created", "").build();

        List<ObservedValue> seen = new Manifest().observe(row);

        assertThat(seen).anySatisfy(o -> {
            assertThat(o.observable().type()).isEqualTo(ObservableType.DOMAIN);
            assertThat(o.observable().value()).isEqualTo("evil-example.com");
            assertThat(o.trace()).isEqualTo(TraceClass.BROWSING);
        });
        assertThat(seen).filteredOn(o -> o.observable().type() != ObservableType.FILE_PATH).hasSize(1);
    }

    @Test
    void takesNoDomainFromOrdinaryFileNames() {
        assertThat(Manifest.namesHost("library/preferences/com.apple.news.plist")).isFalse();
        assertThat(Manifest.namesHost("0.localstorage")).isFalse();
        assertThat(Manifest.namesHost("https")).isFalse();
        assertThat(Manifest.namesHost("evil-example.co.uk")).isTrue();
        assertThat(Manifest.namesHost("198.51.100.7")).isTrue();
    }

    @Test
    void readsRecordsLoadedFromMvtJsonWithTextNumbers() {
        Fields fromJson = Fields.of(Map.of("file_id", "dd", "domain", "HomeDomain", "relative_path", "Library/x",
                "flags", "1", "created", "2020-09-13 12:26:40", "modified", "2020-09-13 12:28:20.000000",
                "status_changed", "2020-09-13 12:28:20.000000"));

        assertThat(new Manifest().timeline(fromJson)).extracting(TimelineEvent::event).containsExactlyInAnyOrder("---B", "M-C-");
    }

    @Test
    void listsRowsOfARealBackupIncludingFolders() throws Exception {
        Extraction x = TestBackup.at(dir.resolve("backup"))
                .folder("HomeDomain", "Library/SMS")
                .file("HomeDomain", "Library/SMS/sms.db", new byte[] {1, 2, 3})
                .open();

        List<Record> records = ModuleHarness.run(x, "Manifest").of("manifest");

        // Like iTunes, the backup writer also lists the folders above each file: the domain root and Library.
        assertThat(records).extracting(r -> r.fields().string("relative_path"))
                .containsExactlyInAnyOrder("", "Library", "Library/SMS", "Library/SMS/sms.db");
        assertThat(records).filteredOn(r -> r.fields().string("relative_path").equals("Library/SMS")).singleElement()
                .satisfies(r -> {
                    assertThat(r.fields().longValue("flags")).isEqualTo(2L);
                    assertThat(r.fields().string("domain")).isEqualTo("HomeDomain");
                });
        assertThat(records).allSatisfy(r -> assertThat(r.fields().has("created")).isTrue());
    }

    @Test
    void keepsTheRowsReadBeforeTheManifestBrokeAndSaysWhere() throws Exception {
        ManifestEntry first = new ManifestEntry("aa", "HomeDomain", "Library/a", 1, null);
        ModuleHarness.Result result = ModuleHarness.run(backupListing(List.of(first), true), "Manifest");

        assertThat(result.of("manifest")).hasSize(1);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("database disk image is malformed").contains("not listed");
            assertThat(p.fatal()).isFalse();
        });
    }

    @Test
    void readsNothingFromAFilesystemDump() throws Exception {
        Files.createDirectories(dir.resolve("dump/private/var"));
        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dir.resolve("dump")), ModuleOptions.DEFAULT,
                List.of(new Manifest()));

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    private static Fields meta(long birth, long modified, long changed, int mode) {
        return Fields.builder().put("Birth", birth).put("LastModified", modified).put("LastStatusChange", changed)
                .put("Mode", mode).put("UserID", 501).put("GroupID", 501).put("Size", 4096).build();
    }

    private static Record only(List<Record> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    /** A backup extraction whose manifest is these rows (as the real decoder will give them), optionally failing after them. */
    private Extraction backupListing(List<ManifestEntry> rows, boolean failAfter) throws IOException {
        Path root = Files.createDirectories(dir.resolve("listing"));
        Files.write(root.resolve("Manifest.db"), "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        BackupManifest manifest = new BackupManifest() {
            @Override public List<ManifestEntry> find(String domain, String relativePath) { return List.of(); }

            @Override public void forEach(Consumer<ManifestEntry> visitor) throws IOException {
                rows.forEach(visitor);
                if (failAfter) throw new IOException("Manifest.db could not be read to its end: database disk image is malformed");
            }
        };
        FolderTree tree = new FolderTree(root);
        return new Extraction(EvidenceKind.IOS_BACKUP, root, tree, new BackupLocator(tree, manifest), WorkArea.create(), Map.of())
                .with(BackupManifest.class, manifest);
    }
}
