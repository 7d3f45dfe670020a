package org.cotejo.forensics.evidence;

import org.cotejo.core.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.cotejo.core.CotejoException;

/**
 * An extraction that is a {@code .tar}, {@code .tar.gz}/{@code .tgz} or {@code .zip} file, read in
 * place: zip entries by random access, tar entries by the offsets recorded in one listing pass. A
 * {@code .tar.gz} is first decompressed once into the private work area (see {@link ArchiveGunzip}).
 * Nothing is ever written beside the evidence.
 *
 * <p>Entries that could escape the extraction (absolute paths, '..', backslashes), hard links,
 * devices and duplicates are not listed; {@link #skipped()} says which and why. Symbolic links are
 * listed as links and never followed. Caps on total size, entry count and compression ratio
 * ({@link ArchiveLimits}) stop an archive bomb with a message naming the archive and the entry.
 */
public final class ArchiveTree implements FileTree {
    /** How the archive stores its entries. */
    public enum Format { TAR, TAR_GZ, ZIP }

    private final Path archive;
    private final Format format;
    private final String label;
    private final ArchiveIndex index;
    private final FileChannel tar;
    private final ZipFile zip;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private volatile String archiveSha256;
    private volatile boolean closed;

    private ArchiveTree(Path archive, Format format, ArchiveIndex index, FileChannel tar, ZipFile zip) {
        this.archive = archive;
        this.format = format;
        this.label = "archive " + archive;
        this.index = index;
        this.tar = tar;
        this.zip = zip;
    }

    /** Opens an archive with the default limits; {@code work} receives the decompressed copy of a .tar.gz. */
    public static ArchiveTree open(Path archive, WorkArea work) throws IOException {
        return open(archive, work, ArchiveLimits.DEFAULT);
    }

    public static ArchiveTree open(Path archive, WorkArea work, ArchiveLimits limits) throws IOException {
        Path file = archive.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) throw new CotejoException("no such archive file: " + archive);
        Format format = formatOf(file).orElseThrow(() -> new CotejoException(archive
                + " is not a .tar, .tar.gz/.tgz or .zip archive (neither its first bytes nor its name say so)"));
        String label = "archive " + file;
        ArchiveIndex index = new ArchiveIndex(label, limits);
        if (format == Format.ZIP) {
            return new ArchiveTree(file, format, index, null, ArchiveZipScan.scan(file, label, index, limits));
        }
        Path plain = format == Format.TAR_GZ ? ArchiveGunzip.toTar(file, label, work, limits) : file;
        ArchiveTarScan.scan(plain, label, index);
        return new ArchiveTree(file, format, index, FileChannel.open(plain, StandardOpenOption.READ), null);
    }

    /** The archive format of {@code file} from its first bytes, else from its name; empty when neither says. */
    public static Optional<Format> formatOf(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6)) {
            return Optional.of(Format.ZIP);
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return Optional.of(Format.TAR_GZ);
        if (n >= 262 && new String(head, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar")) {
            return Optional.of(Format.TAR);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tar")) return Optional.of(Format.TAR); // pre-POSIX tars carry no magic
        return Optional.empty();
    }

    public Path archive() { return archive; }

    public Format format() { return format; }

    /** Entries that were not listed, each with its reason, in archive order. */
    public List<String> skipped() { return index.skipped(); }

    /** SHA-256 of the whole archive file as it is on disk (the evidence item itself); computed once. */
    public String archiveSha256() throws IOException {
        String h = archiveSha256;
        if (h == null) {
            try (InputStream in = Files.newInputStream(archive)) {
                h = Hashing.sha256(in);
            }
            archiveSha256 = h;
        }
        return h;
    }

    @Override
    public String describe() { return label; }

    @Override
    public Optional<FileEntry> entry(String path) {
        ArchiveIndex.Item item = index.items().get(path);
        return item == null ? Optional.empty() : Optional.of(item.entry());
    }

    @Override
    public void walk(Consumer<FileEntry> visitor) {
        for (ArchiveIndex.Item item : index.items().values()) visitor.accept(item.entry());
    }

    @Override
    public List<FileEntry> glob(String pattern) {
        String literal = Globs.literalPrefixFolder(pattern);
        if (literal.equals(pattern)) return entry(pattern).map(List::of).orElse(List.of());
        Pattern re = Globs.toRegex(pattern);
        int segments = pattern.split("/", -1).length;
        Map<String, ArchiveIndex.Item> candidates = literal.isEmpty() ? index.items()
                : index.items().subMap(literal + "/", true, literal + "/\uffff", true);
        List<FileEntry> out = new ArrayList<>();
        for (Map.Entry<String, ArchiveIndex.Item> e : candidates.entrySet()) {
            String path = e.getKey();
            if (path.chars().filter(c -> c == '/').count() + 1 == segments && re.matcher(path).matches()) {
                out.add(e.getValue().entry());
            }
        }
        return out;
    }

    @Override
    public InputStream open(FileEntry entry) throws IOException {
        if (closed) throw new IOException(label + " is closed");
        ArchiveIndex.Item item = index.items().get(entry.path());
        if (item == null) throw new CotejoException(label + " has no entry '" + CotejoException.printable(entry.path()) + "'");
        if (item.entry().type() == FileEntry.Type.SYMLINK) {
            throw new CotejoException(label + ": entry '" + entry.path() + "' is a symbolic link; Cotejo never follows links");
        }
        if (!item.entry().isFile()) throw new CotejoException(label + ": entry '" + entry.path() + "' is a folder, not a file");
        if (zip != null) {
            ZipArchiveEntry z = (ZipArchiveEntry) item.zipEntry();
            return new ArchiveEntryStream(zip.getInputStream(z), z.getSize(), label, entry.path());
        }
        return new ArchiveEntryStream(new Slice(tar, item.dataOffset(), item.entry().size()), item.entry().size(), label, entry.path());
    }

    /**
     * SHA-256 of the entry's bytes (uncompressed), remembered. For a {@code .tar.gz} these are read
     * from the private decompressed copy; the evidence as received is covered by {@link #archiveSha256()}.
     */
    @Override
    public String sha256(FileEntry entry) throws IOException {
        String known = hashes.get(entry.path());
        if (known != null) return known;
        String h = freshSha256(entry);
        hashes.put(entry.path(), h);
        return h;
    }

    @Override
    public String freshSha256(FileEntry entry) throws IOException {
        try (InputStream in = open(entry)) {
            return Hashing.sha256(in);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        closed = true;
        if (zip != null) zip.close();
        if (tar != null) tar.close();
    }

    /** A tar entry's bytes: positional reads of one range of the tar (safe to use from several threads). */
    private static final class Slice extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        Slice(FileChannel channel, long offset, long size) {
            this.channel = channel;
            this.position = offset;
            this.end = offset + size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) return -1;
            int want = (int) Math.min(len, end - position);
            int n = channel.read(ByteBuffer.wrap(b, off, want), position);
            if (n < 0) return -1;
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long s = Math.max(0, Math.min(n, end - position));
            position += s;
            return s;
        }
    }
}
