package org.cotejo.forensics.android.bugreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BugreportsTest {
    @TempDir Path tmp;

    private static BugreportBuilder withAccessibility() {
        return new BugreportBuilder().service("accessibility", "  installed services: {\n    0 : com.example.spy/.Watcher\n  }\n");
    }

    @Test
    void opensAZipAndReadsTheDumpstateMainEntryNames() throws Exception {
        Path zip = withAccessibility().zip(tmp.resolve("bugreport.zip"));
        try (Extraction x = Bugreports.open(zip)) {
            assertThat(x.kind()).isEqualTo(EvidenceKind.BUGREPORT);
            Dumpstate d = x.service(Dumpstate.class).orElseThrow();
            assertThat(d.file().orElseThrow().path()).startsWith("bugreport-a10-");
            assertThat(d.sectionNames()).containsExactly("accessibility");
        }
        var result = ModuleHarness.run(Bugreports.open(zip), "DumpsysAccessibility");
        assertThat(result.of("dumpsys_accessibility")).singleElement().satisfies(r -> {
            assertThat(r.fields().string("package_name")).isEqualTo("com.example.spy");
            assertThat(r.provenance().file()).startsWith("bugreport-a10-");
            assertThat(r.provenance().locator()).isEqualTo("line 11");
        });
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void opensAnUnpackedFolderTheSameWay() throws Exception {
        Path dir = withAccessibility().folder(tmp.resolve("unpacked"));
        var result = ModuleHarness.run(Bugreports.open(dir), "DumpsysAccessibility");
        assertThat(result.of("dumpsys_accessibility")).hasSize(1);
    }

    @Test
    void findsTheDumpstateWithoutMainEntryByItsName() throws Exception {
        Path log = withAccessibility().withoutMainEntry().dumpstateName("dumpState_20240321.log").zip(tmp.resolve("a.zip"));
        Path nested = withAccessibility().withoutMainEntry().dumpstateName("collected/dumpsys.txt").zip(tmp.resolve("b.zip"));
        Path top = withAccessibility().withoutMainEntry().dumpstateName("dumpsys.txt").zip(tmp.resolve("c.zip"));
        for (Path p : new Path[] {log, nested, top}) {
            try (Extraction x = Bugreports.open(p)) {
                assertThat(x.service(Dumpstate.class).orElseThrow().file()).as(p.toString()).isPresent();
            }
        }
    }

    @Test
    void aBugreportWithoutDumpstateOpensAndItsModulesReportOneProblem() throws Exception {
        Path zip = new BugreportBuilder().withoutDumpstate()
                .fsFile("/data/tombstones/tombstone_00", "crash".getBytes(StandardCharsets.UTF_8), LocalDateTime.of(2024, 3, 20, 9, 15, 2))
                .zip(tmp.resolve("bugreport.zip"));
        var result = ModuleHarness.run(Bugreports.open(zip), "DumpsysPackages", "DumpsysAppops", "DumpsysGetProp", "BugReportTimestamps");
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(Dumpstate.MISSING));
        assertThat(result.of("bugreport_timestamps")).hasSize(1);
    }

    @Test
    void saysWhenMainEntryNamesAFileTheBugreportLacks() throws Exception {
        Path dir = tmp.resolve("odd");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("main_entry.txt"), "gone.txt\n");
        var result = ModuleHarness.run(Bugreports.open(dir), "DumpsysPackages");
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith(Dumpstate.MISSING).contains("main_entry.txt names 'gone.txt'"));
    }

    @Test
    void refusesAFileThatIsNotAZipAndATruncatedZip() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> Bugreports.open(text)).isInstanceOf(CotejoException.class)
                .hasMessageContaining("is not a bugreport archive");
        byte[] whole = Files.readAllBytes(withAccessibility().zip(tmp.resolve("whole.zip")));
        Path cut = Files.write(tmp.resolve("cut.zip"), Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> Bugreports.open(cut)).isInstanceOf(CotejoException.class)
                .hasMessageContaining("cut.zip is not a bugreport archive");
        assertThatThrownBy(() -> Bugreports.open(tmp.resolve("absent.zip"))).isInstanceOf(CotejoException.class);
    }

    @Test
    void readsAnAndroidQfDumpsysFileAsANestedBugreport() throws Exception {
        Path qf = tmp.resolve("androidqf");
        Files.createDirectories(qf);
        Files.write(qf.resolve("dumpsys.txt"), withAccessibility().dumpstate());
        try (FolderTree tree = new FolderTree(qf);
             Extraction x = Bugreports.ofDumpsys(tree, "dumpsys.txt", qf)) {
            assertThat(x.kind()).isEqualTo(EvidenceKind.BUGREPORT);
            assertThat(x.service(Dumpstate.class).orElseThrow().sectionNames()).containsExactly("accessibility");
        }
        var result = ModuleHarness.run(Bugreports.ofDumpsys(new FolderTree(qf), "dumpsys.txt", qf), "DumpsysAccessibility");
        assertThat(result.of("dumpsys_accessibility")).singleElement()
                .satisfies(r -> assertThat(r.provenance().file()).isEqualTo("dumpsys.txt"));
        assertThatThrownBy(() -> Bugreports.ofDumpsys(new FolderTree(qf), "absent.txt", qf)).isInstanceOf(CotejoException.class);
    }

    @Test
    void timestampsOfFsFilesAreDeviceLocalInAZipUnlessTheZoneIsKnown() throws Exception {
        LocalDateTime t = LocalDateTime.of(2024, 3, 20, 9, 15, 2);
        BugreportBuilder b = withAccessibility().fsFile("/data/tombstones/tombstone_00", new byte[] {1}, t)
                .fsFile("/data/anr/anr_2024", new byte[] {2}, t);
        var local = ModuleHarness.run(Bugreports.open(b.zip(tmp.resolve("a.zip"))), "BugReportTimestamps").of("bugreport_timestamps");
        assertThat(local).extracting(r -> r.fields().string("path")).containsExactly("FS/data/anr/anr_2024", "FS/data/tombstones/tombstone_00");
        TimelineEvent e = local.get(1).timeline().get(0);
        assertThat(e.time()).isEqualTo(Instant.parse("2024-03-20T09:15:02Z"));
        assertThat(e.deviceLocal()).isTrue();
        assertThat(e.event()).isEqualTo("M---");

        b.property("persist.sys.timezone", "Europe/Madrid");
        var zoned = ModuleHarness.run(Bugreports.open(b.zip(tmp.resolve("b.zip"))), "BugReportTimestamps").of("bugreport_timestamps");
        TimelineEvent z = zoned.get(1).timeline().get(0);
        assertThat(z.time()).isEqualTo(Instant.parse("2024-03-20T08:15:02Z"));
        assertThat(z.deviceLocal()).isFalse();
    }
}
