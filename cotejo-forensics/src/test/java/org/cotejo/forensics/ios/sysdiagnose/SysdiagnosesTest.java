package org.cotejo.forensics.ios.sysdiagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.archive.ArchiveBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysdiagnosesTest {
    private static final String TOP = "sysdiagnose_2023.03.15_11-05-00+0100_iPhone-OS_iPhone_20D67";

    @TempDir Path dir;

    @Test
    void reRootsAnArchiveIntoItsOneTopLevelFolder() throws Exception {
        Path archive = ArchiveBuilder.archive()
                .file(TOP + "/sysdiagnose.log", "sysdiagnose_2023.03.15_11-05-00+0100_iPhone-OS_iPhone_20D67.tar.gz\n")
                .file(TOP + "/crashes_and_spins/x.ips", IpsFixtures.jetsam())
                .tarGz(dir.resolve(TOP + ".tar.gz"));
        try (Extraction x = Sysdiagnoses.open(archive)) {
            assertThat(x.kind()).isEqualTo(EvidenceKind.SYSDIAGNOSE);
            assertThat(x.tree().glob("crashes_and_spins/*.ips")).extracting(FileEntry::path).containsExactly("crashes_and_spins/x.ips");
            assertThat(x.tree().entry("sysdiagnose.log")).isPresent();
        }
    }

    @Test
    void refusesAnArchiveWithTwoTopLevelFolders() throws Exception {
        Path archive = ArchiveBuilder.archive().file("one/sysdiagnose.log", "a").file("two/sysdiagnose.log", "b")
                .tarGz(dir.resolve("two.tar.gz"));
        assertThatThrownBy(() -> Sysdiagnoses.open(archive)).isInstanceOf(CotejoException.class)
                .hasMessageContaining("two.tar.gz").hasMessageContaining("exactly one top-level folder")
                .hasMessageContaining("holds 2 folder(s) (one, two)");
    }

    @Test
    void refusesAnArchiveWithFilesBesideItsFolder() throws Exception {
        Path archive = ArchiveBuilder.archive().file(TOP + "/sysdiagnose.log", "a").file("README.txt", "b")
                .tarGz(dir.resolve("extra.tar.gz"));
        assertThatThrownBy(() -> Sysdiagnoses.open(archive)).isInstanceOf(CotejoException.class)
                .hasMessageContaining("1 folder(s) and 1 other entries");
    }

    @Test
    void takesAFolderAsTheSysdiagnoseOrUnwrapsItsOnlySysdiagnoseFolder() throws Exception {
        Files.createDirectories(dir.resolve("given/" + TOP + "/crashes_and_spins"));
        try (Extraction x = Sysdiagnoses.open(dir.resolve("given"))) {
            assertThat(x.tree().entry("crashes_and_spins")).isPresent();
        }
        try (Extraction x = Sysdiagnoses.open(dir.resolve("given/" + TOP))) {
            assertThat(x.tree().entry("crashes_and_spins")).isPresent();
        }
    }
}
