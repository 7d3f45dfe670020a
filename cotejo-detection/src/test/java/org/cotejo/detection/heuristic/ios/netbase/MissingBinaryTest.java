package org.cotejo.detection.heuristic.ios.netbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.detection.heuristic.ios.netbase.NetBaseRecords.DB;
import static org.cotejo.detection.heuristic.ios.netbase.NetBaseRecords.process;
import static org.cotejo.detection.heuristic.ios.netbase.NetBaseRecords.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingBinaryTest {
    @TempDir Path root;

    private Extraction dump(EvidenceKind kind, String... files) throws Exception {
        for (String f : files) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.writeString(root.resolve(f), "binary");
        }
        FolderTree tree = new FolderTree(root);
        return new Extraction(kind, root, tree, new FsLocator(tree), WorkArea.create(), Map.of());
    }

    private static final String[] SYSTEM = {
            "usr/libexec/locationd",
            "System/Library/PrivateFrameworks/WebKit.framework/XPCServices/com.apple.WebKit.Networking.xpc/com.apple.WebKit.Networking"};

    @Test
    void flagsAProcessWhoseBinaryIsNowhereInTheDumpOncePerName() throws Exception {
        Record rolexd = process(3, "rolexd", null, "2021-01-03 00:00:00.000000");
        try (Extraction x = dump(EvidenceKind.IOS_FS, SYSTEM)) {
            List<Alert> alerts = NetBaseRecords.run(new MissingBinary(), new HeuristicContext(x, ModuleOptions.DEFAULT, false),
                    process(1, "locationd", null, "2021-01-01 00:00:00.000000"),
                    process(2, "MobileSafari", "com.apple.mobilesafari", "2021-01-02 00:00:00.000000"),
                    process(6, "locationd/com.apple.locationd.bundle-/System/Library", null, "2021-01-06 00:00:00.000000"),
                    rolexd,
                    row(DB, 3L, "rolexd", null, 999, 3L, "2021-01-03 00:00:00.000000", "2021-02-03 00:00:00.000000"));

            assertThat(alerts).singleElement().satisfies(a -> {
                assertThat(a.level()).isEqualTo(Level.MEDIUM);
                assertThat(a.heuristic()).isEqualTo("netbase.missing-binary");
                assertThat(a.record()).isSameAs(rolexd);
                assertThat(a.eventTime()).isEqualTo(Instant.parse("2021-01-03T00:00:00Z"));
                assertThat(a.message()).contains("No file named rolexd", DB, "process 3 \"rolexd\"").doesNotContain("truncated");
            });
        }
    }

    @Test
    void notesThatASixteenCharacterNameMayBeTruncated() throws Exception {
        try (Extraction x = dump(EvidenceKind.IOS_FS, SYSTEM)) {
            List<Alert> alerts = NetBaseRecords.run(new MissingBinary(), new HeuristicContext(x, ModuleOptions.DEFAULT, false),
                    process(4, "com.apple.WebKit", null, "2021-01-04 00:00:00.000000"));

            assertThat(alerts).singleElement().satisfies(a -> assertThat(a.message())
                    .contains("16 characters and may have been truncated", "the dump has a file named com.apple.WebKit.Networking"));
        }
    }

    @Test
    void flagsAProcessWithAnEmptyName() throws Exception {
        try (Extraction x = dump(EvidenceKind.IOS_FS, SYSTEM)) {
            List<Alert> alerts = NetBaseRecords.run(new MissingBinary(), new HeuristicContext(x, ModuleOptions.DEFAULT, false),
                    process(5, "", null, "2021-01-05 00:00:00.000000"));

            assertThat(alerts).singleElement().satisfies(a -> assertThat(a.message()).contains("Process 5", "empty name"));
        }
    }

    @Test
    void staysQuietInFastModeInBackupsAndWithoutAnExtraction() throws Exception {
        Record rolexd = process(3, "rolexd", null, "2021-01-03 00:00:00.000000");
        try (Extraction x = dump(EvidenceKind.IOS_FS, SYSTEM)) {
            assertThat(NetBaseRecords.run(new MissingBinary(), new HeuristicContext(x, new ModuleOptions(true), false), rolexd)).isEmpty();
        }
        try (Extraction x = dump(EvidenceKind.IOS_BACKUP)) {
            assertThat(NetBaseRecords.run(new MissingBinary(), new HeuristicContext(x, ModuleOptions.DEFAULT, false), rolexd)).isEmpty();
        }
        assertThat(NetBaseRecords.run(new MissingBinary(), new HeuristicContext(null, ModuleOptions.DEFAULT, false), rolexd)).isEmpty();
    }

    @Test
    void leavesRowsWhoseProcessWasDeletedToTheManipulationRule() throws Exception {
        try (Extraction x = dump(EvidenceKind.IOS_FS, SYSTEM)) {
            assertThat(NetBaseRecords.run(new MissingBinary(), new HeuristicContext(x, ModuleOptions.DEFAULT, false),
                    row(DB, null, null, null, 20, 3L, null, "2021-03-01 09:00:00.000000"))).isEmpty();
        }
    }
}
