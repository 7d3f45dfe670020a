package org.cotejo.forensics.network.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;

/**
 * Opens a folder of Zeek logs ({@code conn.log}, {@code dns.log}, {@code ssl.log}, {@code http.log}, {@code x509.log}, and
 * rotated ones such as {@code dns.2025-01-01-00-00-00.log}, in any sub-folder) as an extraction of kind
 * {@link EvidenceKind#ZEEK}. Logs may be Zeek's tab-separated text or its JSON lines, file by file.
 * Gzipped logs ({@code dns.log.gz}, {@code dns.00:00:00-01:00:00.log.gz}) are read as they stand, streamed.
 */
public final class ZeekLogs {
    private ZeekLogs() {}

    /** Opens the folder of logs at {@code dir}. */
    public static Extraction open(Path dir) throws IOException {
        if (!Files.exists(dir)) throw new CotejoException("no such folder: " + dir);
        if (!Files.isDirectory(dir)) throw new CotejoException(dir + " is not a folder: give the folder holding Zeek's logs (conn.log, dns.log...)");
        WorkArea work = WorkArea.create();
        try {
            FolderTree tree = new FolderTree(dir);
            return new Extraction(EvidenceKind.ZEEK, dir, tree, new FsLocator(tree), work, Map.of());
        } catch (RuntimeException e) {
            work.close();
            throw e;
        }
    }
}
