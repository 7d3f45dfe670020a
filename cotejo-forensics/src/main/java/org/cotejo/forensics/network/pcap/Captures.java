package org.cotejo.forensics.network.pcap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;

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

    /** Receives each packet of each capture with the file it is in. */
    @FunctionalInterface
    interface PacketHandler {
        void packet(SourceFile file, PcapReader.Packet packet) throws IOException;
    }

    /**
     * Streams every packet of every capture in the extraction, in path order then packet order, to
     * {@code handler}. The reader's damage reports become problems naming the file.
     */
    static void eachPacket(ModuleContext ctx, PacketHandler handler) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        ctx.extraction().tree().walk(e -> {
            if (e.isFile()) files.add(SourceFile.of(e));
        });
        files.sort(java.util.Comparator.comparing(SourceFile::path));
        for (SourceFile file : files) {
            try (InputStream in = new BufferedInputStream(ctx.open(file), 1 << 16)) {
                in.mark(4);
                byte[] head = in.readNBytes(4);
                in.reset();
                if (!PcapReader.isCapture(head)) continue; // a folder's other files
                try (PcapReader reader = new PcapReader(in, message -> ctx.problem(file, message))) {
                    for (PcapReader.Packet p; (p = reader.next()) != null; ) handler.packet(file, p);
                }
            } catch (IOException e) {
                ctx.problem(file, "not read to its end: " + e.getMessage());
            }
        }
    }
}
