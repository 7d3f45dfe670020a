package org.cotejo.forensics.network.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;

/**
 * Opens one Suricata EVE JSON log ({@code eve.json}: one JSON object per line, each with its
 * {@code event_type}) as an extraction of kind {@link EvidenceKind#SURICATA}, holding that file alone.
 * Plain files only: a gzipped or rotated-and-compressed log is not read; unpack it first.
 */
public final class SuricataEve {
    private SuricataEve() {}

    /** Opens the EVE log at {@code file}. */
    public static Extraction open(Path file) throws IOException {
        if (!Files.exists(file)) throw new CotejoException("no such file: " + file);
        if (!Files.isRegularFile(file)) throw new CotejoException(file + " is not a file: give Suricata's EVE JSON log (eve.json)");
        if (!looksLikeJson(file)) throw new CotejoException(file + " is not an EVE JSON log: its first line is not a JSON object");
        WorkArea work = WorkArea.create();
        try {
            org.cotejo.forensics.evidence.SingleFileTree tree = org.cotejo.forensics.evidence.SingleFileTree.of(file);
            Extraction x = new Extraction(EvidenceKind.SURICATA, file, tree, new FsLocator(tree), work, Map.of());
            return x.with(Reported.class, new Reported());
        } catch (IOException | RuntimeException e) {
            work.close();
            throw e;
        }
    }

    /** Whether the file is empty or its first non-blank byte opens a JSON object. */
    private static boolean looksLikeJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4096);
            int i = 0;
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) i = 3;
            for (; i < head.length; i++) {
                byte b = head[i];
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n') continue;
                return b == '{';
            }
            return true;
        }
    }

    /**
     * The problems already reported about the log: every Suricata module reads the whole file, so a
     * broken line would otherwise be reported once per module.
     */
    static final class Reported {
        private final Set<String> keys = ConcurrentHashMap.newKeySet();

        boolean firstTime(String key) { return keys.add(key); }
    }
}
