package org.cotejo.forensics.evidence;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.cotejo.core.CotejoException;

/**
 * Decompresses a {@code .tar.gz} once into the extraction's private work area. Gzip has no random
 * access: reaching one entry means inflating everything before it, so reading entries in place would
 * inflate the archive again for every file a module opens. One pass into a plain tar, then offsets,
 * costs disk space in the work area (never beside the evidence) and is read fast thereafter.
 */
final class ArchiveGunzip {
    private ArchiveGunzip() {}

    /** The decompressed tar, written under {@code work}; caps from {@code limits} stop a gzip bomb early. */
    static Path toTar(Path gz, String label, WorkArea work, ArchiveLimits limits) throws IOException {
        Path folder = work.newFolder("archive");
        String name = gz.getFileName().toString().replaceFirst("(?i)(\\.tar)?\\.(gz|tgz)$", "");
        Path tar = folder.resolve((name.isEmpty() ? "archive" : name) + ".tar");
        long compressedSize = Files.size(gz);
        long written = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(gz), 1 << 16);
             GzipCompressorInputStream in = GzipCompressorInputStream.builder().setInputStream(raw)
                     .setDecompressConcatenated(true).get();
             OutputStream out = Files.newOutputStream(tar, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                written += n;
                if (written > limits.maxTotalBytes()) {
                    throw new CotejoException(label + " decompresses to more than " + limits.maxTotalBytes()
                            + " bytes (the cap) from " + compressedSize + " compressed bytes; refusing it as a possible "
                            + "archive bomb. If the archive is genuine, extract it with a trusted tool and give Cotejo the folder");
                }
                if (limits.ratioTooHigh(written, in.getCompressedCount())) {
                    throw new CotejoException(label + " expands " + written + " bytes from the first " + in.getCompressedCount()
                            + " compressed bytes, a ratio above " + (long) limits.maxRatio() + ":1; refusing it as a possible "
                            + "archive bomb. If the archive is genuine, extract it with a trusted tool and give Cotejo the folder");
                }
                out.write(buf, 0, n);
            }
        } catch (CotejoException e) {
            throw e;
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("No space left")) {
                throw new CotejoException("no space left in the work area " + work.root() + " while decompressing " + label
                        + " (" + written + " bytes written); free space there or extract the archive with a trusted tool", e);
            }
            throw new CotejoException(label + " is truncated or damaged: the gzip stream failed after " + written
                    + " bytes of decompressed tar (of " + compressedSize + " compressed bytes in the file): " + e.getMessage(), e);
        }
        return tar;
    }
}
