package org.cotejo.indicators.feed;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;

/**
 * Reads an indicator feed of any supported format into a {@link Feed}. The format comes from the
 * content, not the file name: JSON with {@code "type": "bundle"} is STIX 2.1, JSON with
 * {@code Event}/{@code response} is MISP, text whose first non-comment line has commas is CSV, and
 * any other text is a plain list.
 *
 * <p>A read is all-or-nothing: it returns the whole feed or throws a {@link CotejoException} whose
 * one-line message names the file and the position. Entries that cannot be used (an unsupported
 * pattern, a MISP mutex) are not errors: they become {@link Skip}s with a reason, unless
 * {@link #strict(boolean) strict} mode is on.
 *
 * <p>Instances are immutable; options return a new reader: {@code FeedReader.defaults().strict(true)}.
 */
public final class FeedReader {
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    private final boolean strict;
    private final ObservableType listType;
    private final long maxBytes;
    private final boolean includeNonIds;
    private final Instant retrieved;

    private FeedReader(boolean strict, ObservableType listType, long maxBytes, boolean includeNonIds, Instant retrieved) {
        this.strict = strict;
        this.listType = listType;
        this.maxBytes = maxBytes;
        this.includeNonIds = includeNonIds;
        this.retrieved = retrieved;
    }

    /** Lenient, types inferred, 512 MiB limit, MISP attributes with to_ids false skipped. */
    public static FeedReader defaults() {
        return new FeedReader(false, null, DEFAULT_MAX_BYTES, false, null);
    }

    /** When on, the first entry that would be skipped fails the whole read instead. */
    public FeedReader strict(boolean on) {
        return new FeedReader(on, listType, maxBytes, includeNonIds, retrieved);
    }

    /** The type of every line of a plain list, instead of inferring it; null to infer. */
    public FeedReader listType(ObservableType type) {
        return new FeedReader(strict, type, maxBytes, includeNonIds, retrieved);
    }

    /** Largest feed accepted, checked before reading a byte of it. */
    public FeedReader maxBytes(long limit) {
        if (limit <= 0) throw new IllegalArgumentException("maxBytes must be positive");
        return new FeedReader(strict, listType, limit, includeNonIds, retrieved);
    }

    /**
     * Whether to load MISP attributes marked {@code to_ids: false}. Off by default: MISP authors use
     * the flag for context that must not raise alerts (reference links, victims' addresses).
     */
    public FeedReader includeNonIds(boolean on) {
        return new FeedReader(strict, listType, maxBytes, on, retrieved);
    }

    /** When the feed was obtained, recorded on its collections; overrides a file's modification time. */
    public FeedReader retrieved(Instant when) {
        return new FeedReader(strict, listType, maxBytes, includeNonIds, when);
    }

    public boolean isStrict() { return strict; }

    public ObservableType listType() { return listType; }

    public long maxBytes() { return maxBytes; }

    public boolean isIncludeNonIds() { return includeNonIds; }

    /** Reads a feed file; its collections are dated by the file's modification time unless {@link #retrieved} was given. */
    public Feed read(Path file) {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) throw new CotejoException("feed " + name + " is a directory, not a file");
            checkSize(name, Files.size(file));
            Instant when = retrieved != null ? retrieved : Files.getLastModifiedTime(file).toInstant();
            return read(name, () -> Files.newInputStream(file), when);
        } catch (NoSuchFileException e) {
            throw new CotejoException("feed " + name + " does not exist");
        } catch (IOException e) {
            throw new CotejoException("cannot read feed " + name + ": " + e.getMessage(), e);
        }
    }

    /** Reads a feed held in memory, e.g. a classpath resource; {@code name} is how it is cited. */
    public Feed read(String name, byte[] content) {
        checkSize(name, content.length);
        try {
            return read(name, () -> new ByteArrayInputStream(content), retrieved);
        } catch (IOException e) {
            throw new IllegalStateException("reading memory cannot fail", e);
        }
    }

    /** Reads a feed from a stream (a classpath resource); at most {@link #maxBytes} bytes are taken. */
    public Feed read(String name, InputStream content) {
        try (InputStream in = content) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new CotejoException("feed " + name + " is larger than the " + size(maxBytes) + " limit; raise it with --max-feed-size");
            }
            return read(name, bytes);
        } catch (IOException e) {
            throw new CotejoException("cannot read feed " + name + ": " + e.getMessage(), e);
        }
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private Feed read(String name, Opener opener, Instant when) throws IOException {
        FeedBytes bytes;
        try (InputStream in = opener.open()) {
            bytes = FeedBytes.scan(name, in);
        }
        checkSize(name, bytes.size());
        FeedLoad load = new FeedLoad(name, bytes.sha256(), this, when);
        String format;
        MessageDigest digest = FeedBytes.sha256Digest();
        try (InputStream raw = opener.open(); DigestInputStream in = new DigestInputStream(raw, digest)) {
            // Parsers close what they read; the rest must still be drained through the digest.
            InputStream unclosable = new java.io.FilterInputStream(in) {
                @Override
                public void close() {}
            };
            format = parse(load, bytes.head(), unclosable);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        // The file is read twice (validate, then parse); the hash we report must be of what we parsed.
        if (!HexFormat.of().formatHex(digest.digest()).equals(bytes.sha256())) {
            throw new CotejoException("feed " + name + " changed while it was being read; read it again once it is complete");
        }
        return load.finish(format);
    }

    private static String parse(FeedLoad load, String head, InputStream in) throws IOException {
        String start = head.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) return new JsonFeedReader(load).read(in);
        BufferedReader text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        text.mark(1);
        if (text.read() != '\uFEFF') text.reset();
        if (firstDataLine(head).contains(",")) {
            CsvFeedReader.read(load, text);
            return "csv";
        }
        ListFeedReader.read(load, text);
        return "list";
    }

    private static String firstDataLine(String head) {
        for (String line : head.split("\r?\n", 50)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) return s;
        }
        return "";
    }

    private void checkSize(String name, long size) {
        if (size > maxBytes) {
            throw new CotejoException("feed " + name + " is " + size(size) + ", more than the " + size(maxBytes)
                    + " limit; raise it with --max-feed-size");
        }
    }

    /** "512 MiB", "2.0 GiB", "300 bytes". */
    static String size(long bytes) {
        if (bytes < 1024) return bytes + " bytes";
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return v == Math.rint(v) && v < 10_000 && u < 2 ? String.format(Locale.ROOT, "%d %s", (long) v, units[u])
                : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** The file's own name, for collections named after their file. */
    static String baseName(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return slash < 0 ? file : file.substring(slash + 1);
    }
}
