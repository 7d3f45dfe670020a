package org.cotejo.forensics.evidence.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.evidence.WorkArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveTreeTest {
    private static final String SMS = "private/var/mobile/Library/SMS/sms.db";
    private static final String SHUTDOWN = "private/var/db/diagnostics/shutdown.log";

    @TempDir Path evidence;
    private WorkArea work;

    @BeforeEach
    void createWorkArea() throws Exception {
        work = WorkArea.create();
    }

    @AfterEach
    void removeWorkArea() {
        work.close();
    }

    private static ArchiveBuilder smallDump() {
        return ArchiveBuilder.archive()
                .dir("private/var/db/diagnostics")
                .file(SHUTDOWN, "remaining client pid: 123 (/usr/libexec/bh)\n")
                .file(SMS, "SQLite format 3\0 not really, but bytes all the same")
                .file("private/var/mobile/Library/Preferences/com.apple.x.plist", "<plist/>");
    }

    private Path write(String name) throws Exception {
        ArchiveBuilder b = smallDump();
        Path out = evidence.resolve(name);
        if (name.endsWith(".zip")) return b.zip(out);
        if (name.endsWith(".tar")) return b.tar(out);
        return b.tarGz(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dump.tar", "dump.tar.gz", "dump.tgz", "dump.zip"})
    void readsEveryFormatInPlaceAndLeavesTheEvidenceUntouched(String name) throws Exception {
        Path archive = write(name);
        String before = Hashing.sha256(Files.readAllBytes(archive));
        try (ArchiveTree tree = ArchiveTree.open(archive, work)) {
            FileEntry log = tree.entry(SHUTDOWN).orElseThrow();
            assertThat(log.isFile()).isTrue();
            assertThat(log.size()).isEqualTo(44);
            try (InputStream in = tree.open(log)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("remaining client pid: 123");
            }
            assertThat(tree.sha256(log)).isEqualTo(Hashing.sha256("remaining client pid: 123 (/usr/libexec/bh)\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(tree.freshSha256(log)).isEqualTo(tree.sha256(log));
            assertThat(tree.archiveSha256()).isEqualTo(before);
            assertThat(tree.entry("private/var/mobile").orElseThrow().isDirectory())
                    .as("folders without an entry of their own are listed").isTrue();
            assertThat(tree.skipped()).isEmpty();
        }
        assertThat(Hashing.sha256(Files.readAllBytes(archive))).isEqualTo(before);
        try (Stream<Path> beside = Files.list(evidence)) {
            assertThat(beside.toList()).as("nothing is written beside the evidence").containsExactly(archive);
        }
    }

    @Test
    void decompressesATarGzOnceIntoThePrivateWorkArea() throws Exception {
        try (ArchiveTree tree = ArchiveTree.open(write("dump.tar.gz"), work)) {
            assertThat(tree.format()).isEqualTo(ArchiveTree.Format.TAR_GZ);
            try (Stream<Path> copies = Files.walk(work.root())) {
                assertThat(copies.filter(Files::isRegularFile).toList()).singleElement()
                        .satisfies(p -> assertThat(p.getFileName().toString()).isEqualTo("dump.tar"));
            }
        }
    }

    @Test
    void readsAPlainTarWithoutCopyingIt() throws Exception {
        try (ArchiveTree tree = ArchiveTree.open(write("dump.tar"), work)) {
            assertThat(tree.open(tree.entry(SMS).orElseThrow()).readAllBytes()).startsWith("SQLite format 3".getBytes(StandardCharsets.US_ASCII));
            try (Stream<Path> copies = Files.walk(work.root())) {
                assertThat(copies.filter(Files::isRegularFile).toList()).isEmpty();
            }
        }
    }

    @Test
    void readsEveryEntryOfAMixedTarByItsRecordedOffset() throws Exception {
        ArchiveBuilder b = ArchiveBuilder.archive();
        java.util.Map<String, byte[]> written = new java.util.LinkedHashMap<>();
        java.util.Random random = new java.util.Random(42);
        int[] sizes = {0, 1, 511, 512, 513, 70_000, 200_000, 3, 65_536, 1_000_000, 17};
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = new byte[sizes[i]];
            random.nextBytes(data);
            // every third name is long enough to need a PAX header of its own after a large file
            String name = (i % 3 == 0 ? "deep/" + "folder-with-a-long-name/".repeat(6) : "flat/") + "f" + i;
            written.put(name, data);
            b.file(name, data);
        }
        try (ArchiveTree tree = ArchiveTree.open(b.tar(evidence.resolve("mixed.tar")), work)) {
            for (var e : written.entrySet()) {
                try (InputStream in = tree.open(tree.entry(e.getKey()).orElseThrow())) {
                    assertThat(in.readAllBytes()).as(e.getKey()).isEqualTo(e.getValue());
                }
            }
        }
    }

    @Test
    void globsAndWalksInPathOrder() throws Exception {
        try (ArchiveTree tree = ArchiveTree.open(write("dump.zip"), work)) {
            assertThat(tree.glob("private/var/*/Library/*/*.db")).extracting(FileEntry::path).containsExactly(SMS);
            assertThat(tree.glob("*/var")).extracting(FileEntry::path).containsExactly("private/var");
            assertThat(tree.glob("private/var/db/diagnostics/shutdown.log")).hasSize(1);
            assertThat(tree.glob("private/var/nothing/*")).isEmpty();
            List<String> walked = new ArrayList<>();
            tree.walk(e -> walked.add(e.path()));
            assertThat(walked).isSorted().contains("private", "private/var/db/diagnostics", SMS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hostile.tar", "hostile.zip"})
    void refusesEntriesThatWouldEscapeAndListsThem(String name) throws Exception {
        ArchiveBuilder b = ArchiveBuilder.archive()
                .file("../../etc/cron.d/evil", "x")
                .file("/etc/passwd", "root:x:0:0")
                .file("private\\var\\evil.txt", "x")
                .file("private/var/ok.txt", "fine");
        Path archive = name.endsWith(".zip") ? b.zip(evidence.resolve(name)) : b.tar(evidence.resolve(name));
        try (ArchiveTree tree = ArchiveTree.open(archive, work)) {
            List<String> paths = new ArrayList<>();
            tree.walk(e -> paths.add(e.path()));
            assertThat(paths).containsExactly("private", "private/var", "private/var/ok.txt");
            assertThat(tree.skipped()).hasSize(3).allSatisfy(s -> assertThat(s).contains(archive.toString()).contains("refused"));
            assertThat(tree.skipped().get(0)).contains("'../../etc/cron.d/evil'").contains("'..' segment");
            assertThat(tree.skipped().get(1)).contains("'/etc/passwd'").contains("absolute path");
            assertThat(tree.skipped().get(2)).contains("backslash");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"links.tar", "links.zip"})
    void listsASymlinkPointingOutsideButNeverFollowsIt(String name) throws Exception {
        ArchiveBuilder b = ArchiveBuilder.archive()
                .symlink("private/var/mobile/escape", "../../../../../etc/passwd")
                .file("private/var/mobile/real.txt", "real");
        Path archive = name.endsWith(".zip") ? b.zip(evidence.resolve(name)) : b.tar(evidence.resolve(name));
        try (ArchiveTree tree = ArchiveTree.open(archive, work)) {
            FileEntry link = tree.entry("private/var/mobile/escape").orElseThrow();
            assertThat(link.type()).isEqualTo(FileEntry.Type.SYMLINK);
            assertThatThrownBy(() -> tree.open(link)).isInstanceOf(CotejoException.class)
                    .hasMessageContaining("symbolic link").hasMessageContaining("never follows");
            assertThat(tree.glob("private/var/mobile/*.txt")).extracting(FileEntry::path).containsExactly("private/var/mobile/real.txt");
        }
    }

    @Test
    void skipsHardLinksFifosAndDuplicatesWithTheirReasons() throws Exception {
        Path archive = ArchiveBuilder.archive()
                .file("a/first.txt", "first")
                .file("a/first.txt", "second copy")
                .hardlink("a/hard", "a/first.txt")
                .fifo("a/pipe")
                .tar(evidence.resolve("odd.tar"));
        try (ArchiveTree tree = ArchiveTree.open(archive, work)) {
            assertThat(new String(tree.open(tree.entry("a/first.txt").orElseThrow()).readAllBytes(), StandardCharsets.UTF_8))
                    .as("the first of two entries with one name is kept").isEqualTo("first");
            assertThat(tree.entry("a/hard")).isEmpty();
            assertThat(tree.entry("a/pipe")).isEmpty();
            assertThat(tree.skipped()).satisfiesExactly(
                    s -> assertThat(s).contains("'a/first.txt'").contains("duplicate").contains("first one is kept"),
                    s -> assertThat(s).contains("'a/hard'").contains("hard link to 'a/first.txt'"),
                    s -> assertThat(s).contains("'a/pipe'").contains("FIFO"));
        }
    }

    @Test
    void refusesAnythingThatIsNotAnArchive() throws Exception {
        Path text = Files.writeString(evidence.resolve("notes.txt"), "just notes");
        assertThatThrownBy(() -> ArchiveTree.open(text, work)).isInstanceOf(CotejoException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("is not a .tar, .tar.gz/.tgz or .zip archive");
    }
}
