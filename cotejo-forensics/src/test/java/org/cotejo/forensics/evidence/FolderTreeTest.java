package org.cotejo.forensics.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTreeTest {
    @TempDir
    Path tmp;

    @Test
    void aSymlinkOutOfTheDumpIsListedButNeverFollowed() throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "not evidence");
        Path root = Files.createDirectories(tmp.resolve("dump/private/var/mobile"));
        Files.writeString(root.resolve("real.txt"), "evidence");
        Files.createSymbolicLink(root.resolve("escape.txt"), outside);
        Files.createSymbolicLink(root.resolve("escape-dir"), tmp);
        FolderTree tree = new FolderTree(tmp.resolve("dump"));

        FileEntry link = tree.entry("private/var/mobile/escape.txt").orElseThrow();
        assertThat(link.type()).isEqualTo(FileEntry.Type.SYMLINK);
        assertThatThrownBy(() -> tree.open(link)).isInstanceOf(CotejoException.class).hasMessageContaining("escape.txt");
        List<String> all = new ArrayList<>();
        tree.walk(e -> all.add(e.path()));
        assertThat(all).contains("private/var/mobile/escape-dir").noneMatch(p -> p.startsWith("private/var/mobile/escape-dir/"));
        assertThat(tree.glob("private/var/mobile/*/*")).isEmpty();
        assertThat(tree.glob("private/var/mobile/*.txt")).extracting(FileEntry::path)
                .containsExactly("private/var/mobile/escape.txt", "private/var/mobile/real.txt");
    }

    @Test
    void pathsThatClimbOutAreRefused() throws Exception {
        Files.createDirectories(tmp.resolve("dump"));
        FolderTree tree = new FolderTree(tmp.resolve("dump"));
        assertThat(tree.entry("../outside.txt")).isEmpty();
        assertThat(tree.entry("/etc/passwd")).isEmpty();
        assertThat(tree.glob("../*")).isEmpty();
    }
}
