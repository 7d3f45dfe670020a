package org.cotejo.cli.iocs;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.indicators.index.IndicatorIndex;
import org.cotejo.indicators.index.MatchSink;

/**
 * Checks every line of a large file: the file is mapped read-only in chunks that end on line
 * breaks, the chunks are matched on all cores, and each line first goes through the index's
 * allocation-free hot path. Only lines that match (or all lines, when asked) are checked again in
 * full to build their result, so the cost of a line that matches nothing is one scan of its bytes.
 */
final class BulkCheck {
    private static final int CHUNK = 32 << 20;
    private static final int MAX_LINE = 1 << 20;

    record Totals(long lines, long matched, long invalid) {}

    private final LoadedFeeds feeds;
    private final ObservableType type;
    private final boolean everyLine;

    BulkCheck(LoadedFeeds feeds, ObservableType type, boolean everyLine) {
        this.feeds = feeds;
        this.type = type;
        this.everyLine = everyLine;
    }

    /** Runs over {@code file}; results (matches, or every line) reach {@code sink} in file order. */
    Totals run(Path file, Consumer<CheckResult> sink) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "cotejo-check");
                t.setDaemon(true);
                return t;
            });
            try {
                // At most two chunks per core in flight, so memory stays flat on files of any size.
                java.util.ArrayDeque<Future<Chunk>> inFlight = new java.util.ArrayDeque<>();
                long[] totals = new long[3];
                long start = 0;
                while (start < size) {
                    long end = chunkEnd(ch, start, size);
                    MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, start, end - start);
                    inFlight.add(pool.submit(() -> scan(buf)));
                    start = end;
                    if (inFlight.size() >= 2 * threads) drain(inFlight.poll(), totals, sink);
                }
                while (!inFlight.isEmpty()) drain(inFlight.poll(), totals, sink);
                long lines = totals[0], matched = totals[1], invalid = totals[2];
                return new Totals(lines, matched, invalid);
            } finally {
                pool.shutdownNow();
            }
        } catch (IOException e) {
            throw new CotejoException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void drain(Future<Chunk> f, long[] totals, Consumer<CheckResult> sink) {
        Chunk c = get(f);
        totals[0] += c.lines;
        for (CheckResult r : c.results) {
            if (r.matched()) totals[1]++;
            if (r.error() != null) totals[2]++;
            sink.accept(r);
        }
    }

    private static Chunk get(Future<Chunk> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CotejoException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The end of a chunk that starts at {@code start}: just after a line break, or the end of the file. */
    private static long chunkEnd(FileChannel ch, long start, long size) throws IOException {
        long end = Math.min(size, start + CHUNK);
        if (end == size) return end;
        MappedByteBuffer tail = ch.map(FileChannel.MapMode.READ_ONLY, end, Math.min(MAX_LINE, size - end));
        for (int i = 0; i < tail.limit(); i++) {
            if (tail.get(i) == '\n') return end + i + 1;
        }
        if (end + tail.limit() == size) return size;
        throw new CotejoException("a line near byte " + end + " is longer than " + MAX_LINE + " bytes; is this a list of values?");
    }

    private static final class Chunk {
        long lines;
        final List<CheckResult> results = new ArrayList<>();
    }

    private Chunk scan(MappedByteBuffer buf) {
        Chunk chunk = new Chunk();
        ByteLine line = new ByteLine();
        long[] hits = new long[1];
        MatchSink counter = (indicator, rule) -> hits[0]++;
        IndicatorIndex index = feeds.index();
        int limit = buf.limit();
        int from = 0;
        while (from < limit) {
            int to = from;
            while (to < limit && buf.get(to) != '\n') to++;
            int next = to + 1;
            while (to > from && isSpace(buf.get(to - 1))) to--;
            int begin = from;
            while (begin < to && isSpace(buf.get(begin))) begin++;
            from = next;
            if (begin == to || buf.get(begin) == '#') continue;
            chunk.lines++;
            line.set(buf, begin, to - begin);
            if (!everyLine && !mayMatch(index, line, counter, hits)) continue;
            CheckResult r = CheckResult.check(line.toString(), type, feeds);
            if (everyLine || r.matched()) chunk.results.add(r);
        }
        return chunk;
    }

    /**
     * The hot path: false only when the line certainly matches nothing. Lines whose kind needs the
     * full normaliser (e-mails, paths, bare IPv6, values with spaces) answer true and are checked in full.
     */
    private boolean mayMatch(IndicatorIndex index, ByteLine line, MatchSink counter, long[] hits) {
        hits[0] = 0;
        ObservableType t = type;
        if (t == null) t = quickKind(line);
        if (t == null) return true;
        switch (t) {
            case URL, DOMAIN, IPV4 -> index.matchUrl(line, counter);
            case MD5, SHA1, SHA256, SHA512 -> index.matchHash(line, counter);
            default -> { return true; }
        }
        return hits[0] > 0;
    }

    /** URL/DOMAIN/IPV4 (all three go through the URL matcher), a hash, or null for "ask the full inference". */
    private static ObservableType quickKind(ByteLine s) {
        int n = s.length();
        int colons = 0;
        boolean hex = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                if (i + 2 < n && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') return ObservableType.URL;
                colons++;
            } else if (c == '@' || c == ' ' || c == '\t') {
                return null;
            }
            if (hex && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) hex = false;
        }
        if (hex && (n == 32 || n == 40 || n == 64 || n == 128)) return ObservableType.SHA256;
        if (colons > 1 || (n > 0 && s.charAt(0) == '/')) return null;
        return ObservableType.URL;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
