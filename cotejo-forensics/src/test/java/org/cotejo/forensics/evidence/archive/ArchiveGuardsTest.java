package org.cotejo.forensics.evidence.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.ArchiveLimits;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.evidence.WorkArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archive bombs, caps and truncated archives: each stops with a message naming the archive and what failed. */
class ArchiveGuardsTest {
    private static final byte[] ZEROS = new byte[8 << 20];
    /** 1 MiB of content at most; ratios checked from 64 KiB up. */
    private static final ArchiveLimits TINY = new ArchiveLimits(1 << 20, 100, 1000, 64 << 10);

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

    @Test
    void stopsAZipThatExpandsPastTheSizeCap() throws Exception {
        Path bomb = ArchiveBuilder.archive().file("a.txt", "hello").file("zeros.bin", ZEROS).zip(evidence.resolve("bomb.zip"));
        assertThat(Files.size(bomb)).as("a few KB on disk").isLessThan(64 << 10);
        assertThatThrownBy(() -> ArchiveTree.open(bomb, work, new ArchiveLimits(1 << 20, 100, 1e9, 1L << 40)))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining(bomb.toString()).hasMessageContaining("'zeros.bin'")
                .hasMessageContaining("more than 1048576 bytes").hasMessageContaining("cap").hasMessageContaining("archive bomb");
    }

    @Test
    void stopsAZipWhoseLargeEntryCompressesTooWell() throws Exception {
        Path bomb = ArchiveBuilder.archive().file("zeros.bin", ZEROS).zip(evidence.resolve("ratio.zip"));
        assertThatThrownBy(() -> ArchiveTree.open(bomb, work, new ArchiveLimits(1L << 30, 100, 100, 64 << 10)))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining("'zeros.bin'").hasMessageContaining("ratio above 100:1").hasMessageContaining("zip bomb");
    }

    @Test
    void stopsAZipEntryThatInflatesPastItsDeclaredSize() throws Exception {
        Path zip = ArchiveBuilder.archive().file("liar.bin", new byte[100_000]).zip(evidence.resolve("liar.zip"));
        declareUncompressedSize(zip, 1000);
        try (ArchiveTree tree = ArchiveTree.open(zip, work)) {
            assertThat(tree.entry("liar.bin").orElseThrow().size()).isEqualTo(1000);
            assertThatThrownBy(() -> {
                try (InputStream in = tree.open(tree.entry("liar.bin").orElseThrow())) {
                    in.readAllBytes();
                }
            }).isInstanceOf(CotejoException.class).hasMessageContaining("'liar.bin' expands beyond its declared 1000 bytes");
        }
    }

    @Test
    void stopsAGzipThatExpandsPastTheSizeCap() throws Exception {
        Path bomb = ArchiveBuilder.archive().file("zeros.bin", ZEROS).tarGz(evidence.resolve("bomb.tar.gz"));
        assertThatThrownBy(() -> ArchiveTree.open(bomb, work, new ArchiveLimits(1 << 20, 100, 1e9, 1L << 40)))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining(bomb.toString()).hasMessageContaining("decompresses to more than 1048576 bytes");
    }

    @Test
    void stopsAGzipThatCompressesTooWell() throws Exception {
        Path bomb = ArchiveBuilder.archive().file("zeros.bin", ZEROS).tarGz(evidence.resolve("ratio.tgz"));
        assertThatThrownBy(() -> ArchiveTree.open(bomb, work, new ArchiveLimits(1L << 30, 100, 100, 64 << 10)))
                .isInstanceOf(CotejoException.class).hasMessageContaining("ratio above 100:1");
    }

    @Test
    void stopsAnArchiveWithMoreEntriesThanTheCap() throws Exception {
        ArchiveBuilder b = ArchiveBuilder.archive();
        for (int i = 0; i < 101; i++) b.file("f" + i, "x");
        Path many = b.tar(evidence.resolve("many.tar"));
        assertThatThrownBy(() -> ArchiveTree.open(many, work, TINY)).isInstanceOf(CotejoException.class)
                .hasMessageContaining("more than 100 entries").hasMessageContaining("'f100'");
    }

    @Test
    void reportsHowFarATruncatedTarGzGot() throws Exception {
        byte[] noise = new byte[200_000];
        new java.util.Random(7).nextBytes(noise); // incompressible, so half the file is half the content
        Path whole = ArchiveBuilder.archive().file("a.txt", "first").file("noise.bin", noise).tarGz(evidence.resolve("whole.tar.gz"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(evidence.resolve("cut.tar.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ArchiveTree.open(cut, work)).isInstanceOf(CotejoException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("truncated or damaged")
                .hasMessageMatching("(?s).*failed after \\d+ bytes of decompressed tar \\(of " + bytes.length / 2 + " compressed bytes.*");
    }

    @Test
    void namesTheEntryATruncatedTarEndsIn() throws Exception {
        Path whole = ArchiveBuilder.archive().file("a.txt", "first").file("big.bin", new byte[50_000]).tar(evidence.resolve("whole.tar"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(evidence.resolve("cut.tar"), Arrays.copyOf(bytes, 20_000));
        String before = Hashing.sha256(Files.readAllBytes(cut));
        assertThatThrownBy(() -> ArchiveTree.open(cut, work)).isInstanceOf(CotejoException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("truncated").hasMessageContaining("'big.bin'")
                .hasMessageContaining("2 entries in").hasMessageContaining("the tar ends at byte 20000");
        assertThat(Hashing.sha256(Files.readAllBytes(cut))).isEqualTo(before);
    }

    @Test
    void saysATruncatedZipLostItsCentralDirectory() throws Exception {
        Path whole = ArchiveBuilder.archive().file("a.txt", "first").file("b.txt", "second").zip(evidence.resolve("whole.zip"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(evidence.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length - 40));
        assertThatThrownBy(() -> ArchiveTree.open(cut, work)).isInstanceOf(CotejoException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("cannot be read as a zip archive")
                .hasMessageContaining("truncated");
    }

    /** Rewrites the uncompressed size of the (single) entry in its local header and central directory record. */
    private static void declareUncompressedSize(Path zip, int size) throws Exception {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= b.length; i++) {
            int sig = buf.getInt(i);
            if (sig == 0x04034b50) buf.putInt(i + 22, size);
            if (sig == 0x02014b50) buf.putInt(i + 24, size);
        }
        Files.write(zip, b);
    }
}
