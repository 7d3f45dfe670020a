package org.cotejo.forensics.network.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;

/**
 * Opens packet captures as an extraction of kind {@link EvidenceKind#PCAP}: one capture file (pcap or
 * pcapng, recognised by its magic, whatever its name), or a folder, whose capture files (again by
 * magic) are read in path order and whose other files are ignored.
 */
public final class Captures {
    private Captures() {}

    public static Extraction open(Path path) throws IOException {
        if (!Files.exists(path)) throw new CotejoException("no such file or folder: " + path);
        Path abs = path.toAbsolutePath().normalize();
        FileTree tree;
        if (Files.isDirectory(abs)) {
            tree = new FolderTree(abs);
        } else {
            if (!isCapture(abs)) throw new CotejoException(path + " is not a packet capture (pcap or pcapng)");
            tree = org.cotejo.forensics.evidence.SingleFileTree.of(abs);
        }
        WorkArea work = WorkArea.create();
        try {
            return new Extraction(EvidenceKind.PCAP, abs, tree, new FsLocator(tree), work, Map.of());
        } catch (RuntimeException e) {
            tree.close();
            work.close();
            throw e;
        }
    }

    private static boolean isCapture(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return PcapReader.isCapture(in.readNBytes(4));
        }
    }
}
