package org.cotejo.forensics.evidence.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes real tar, tar.gz and zip files for tests, entry names exactly as given (absolute paths, '..'
 * and backslashes included), the way a careless or hostile acquisition tool could write them.
 */
public final class ArchiveBuilder {
    private enum Kind { FILE, DIR, SYMLINK, HARDLINK, FIFO }

    private record Item(Kind kind, String name, byte[] bytes, String target) {}

    private final List<Item> items = new ArrayList<>();

    public static ArchiveBuilder archive() { return new ArchiveBuilder(); }

    public ArchiveBuilder file(String name, byte[] bytes) {
        items.add(new Item(Kind.FILE, name, bytes, null));
        return this;
    }

    public ArchiveBuilder file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public ArchiveBuilder dir(String name) {
        items.add(new Item(Kind.DIR, name.endsWith("/") ? name : name + "/", new byte[0], null));
        return this;
    }

    public ArchiveBuilder symlink(String name, String target) {
        items.add(new Item(Kind.SYMLINK, name, new byte[0], target));
        return this;
    }

    public ArchiveBuilder hardlink(String name, String target) {
        items.add(new Item(Kind.HARDLINK, name, new byte[0], target));
        return this;
    }

    public ArchiveBuilder fifo(String name) {
        items.add(new Item(Kind.FIFO, name, new byte[0], null));
        return this;
    }

    /** Every file under {@code folder}, named {@code prefix} + its relative path, in sorted order. */
    public ArchiveBuilder folder(Path folder, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted().toList()) {
                if (Files.isRegularFile(p)) file(prefix + folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return this;
    }

    public Path tar(Path out) throws IOException {
        try (OutputStream o = Files.newOutputStream(out)) {
            writeTar(o);
        }
        return out;
    }

    public Path tarGz(Path out) throws IOException {
        try (OutputStream o = new GzipCompressorOutputStream(Files.newOutputStream(out))) {
            writeTar(o);
        }
        return out;
    }

    public Path zip(Path out) throws IOException {
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out.toFile())) {
            for (Item i : items) {
                // The writer would turn backslashes into '/' (as for DOS names): write a placeholder, restored below.
                ZipArchiveEntry e = new ZipArchiveEntry(i.name().replace('\\', BACKSLASH_PLACEHOLDER));
                byte[] data = i.bytes();
                switch (i.kind()) {
                    case SYMLINK -> {
                        e.setUnixMode(0120777);
                        data = i.target().getBytes(StandardCharsets.UTF_8);
                    }
                    case FIFO -> e.setUnixMode(0010644);
                    case DIR -> e.setUnixMode(0040755);
                    default -> e.setUnixMode(0100644);
                }
                z.putArchiveEntry(e);
                z.write(data);
                z.closeArchiveEntry();
            }
        }
        restoreBackslashes(out);
        return out;
    }

    private static final char BACKSLASH_PLACEHOLDER = '\u0001';

    /** Puts the raw backslashes back into the name fields of local and central directory headers. */
    private static void restoreBackslashes(Path zip) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= b.length; i++) {
            int sig = buf.getInt(i);
            int start = sig == 0x04034b50 ? i + 30 : sig == 0x02014b50 ? i + 46 : -1;
            if (start < 0) continue;
            int length = Short.toUnsignedInt(buf.getShort(sig == 0x04034b50 ? i + 26 : i + 28));
            for (int j = start; j < Math.min(b.length, start + length); j++) if (b[j] == BACKSLASH_PLACEHOLDER) b[j] = '\\';
        }
        Files.write(zip, b);
    }

    private void writeTar(OutputStream out) throws IOException {
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            t.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Item i : items) {
                TarArchiveEntry e = switch (i.kind()) {
                    case FILE, DIR -> new TarArchiveEntry(i.name(), true);
                    case SYMLINK -> new TarArchiveEntry(i.name(), TarConstants.LF_SYMLINK, true);
                    case HARDLINK -> new TarArchiveEntry(i.name(), TarConstants.LF_LINK, true);
                    case FIFO -> new TarArchiveEntry(i.name(), TarConstants.LF_FIFO, true);
                };
                if (i.target() != null) e.setLinkName(i.target());
                e.setSize(i.kind() == Kind.FILE ? i.bytes().length : 0);
                t.putArchiveEntry(e);
                if (i.kind() == Kind.FILE) t.write(i.bytes());
                t.closeArchiveEntry();
            }
        }
    }
}
