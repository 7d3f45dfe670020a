package org.cotejo.cli.iocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.indicators.defaults.DefaultFeed;
import org.cotejo.indicators.defaults.DefaultFeeds;
import org.cotejo.indicators.feed.Feed;
import org.cotejo.indicators.feed.FeedReader;
import org.cotejo.indicators.index.IndicatorIndex;
import org.cotejo.indicators.update.DataDirectory;
import org.cotejo.indicators.update.FeedStore;
import org.cotejo.indicators.update.StoredFeed;
import org.cotejo.indicators.warninglist.WarningLists;

/**
 * The feeds a command works with, read completely (all or nothing), their indicators indexed, and
 * the warning lists that say which values are never evidence on their own.
 */
public record LoadedFeeds(List<Feed> feeds, IndicatorIndex index, WarningLists warnings) {
    private static final List<String> FEED_EXTENSIONS = List.of(".stix2", ".json", ".csv", ".txt");

    public static LoadedFeeds load(FeedOptions options) {
        FeedReader reader = FeedReader.defaults()
                .strict(options.strict)
                .listType(options.listTypeOrNull())
                .maxBytes(options.maxBytes())
                .includeNonIds(options.includeNonIds);
        List<Feed> feeds = new ArrayList<>();
        if (options.feeds.isEmpty() || options.withDefaults) feeds.addAll(readDefaults(reader));
        for (Path p : options.feeds) {
            for (Path file : expand(p)) feeds.add(reader.read(file));
        }
        List<Indicator> all = new ArrayList<>();
        for (Feed f : feeds) all.addAll(f.indicators());
        WarningLists warnings = WarningLists.curated();
        for (Path p : options.warningLists) warnings = warnings.plus(WarningLists.read(p));
        return new LoadedFeeds(List.copyOf(feeds), IndicatorIndex.of(all), warnings);
    }

    /**
     * Exactly these feed files (a case's pinned feeds): no bundled feeds, the curated warning lists.
     * Each is read completely or the load fails naming it.
     */
    public static LoadedFeeds fromFiles(List<Path> files) {
        FeedReader reader = FeedReader.defaults();
        List<Feed> feeds = new ArrayList<>();
        for (Path f : files) feeds.add(reader.read(f));
        List<Indicator> all = new ArrayList<>();
        for (Feed f : feeds) all.addAll(f.indicators());
        return new LoadedFeeds(List.copyOf(feeds), IndicatorIndex.of(all), WarningLists.curated());
    }

    /**
     * The feeds shipped inside Cotejo (see NOTICE.md for their sources and licences), each replaced by
     * its newest copy fetched by `cotejo iocs update` when there is one.
     */
    static List<Feed> readDefaults(FeedReader reader) {
        List<Feed> feeds = new ArrayList<>();
        List<StoredFeed> fetched = new FeedStore(DataDirectory.resolve()).latest();
        List<String> fetchedPaths = new ArrayList<>();
        for (StoredFeed s : fetched) {
            if (s.url() == null || !looksLikeFeed(Path.of(s.file().getFileName().toString()))) continue;
            feeds.add(reader.retrieved(s.retrieved()).read(s.file()));
            fetchedPaths.add(upstreamPath(s.url()));
        }
        for (DefaultFeed d : DefaultFeeds.list()) {
            if (d.upstream() != null && fetchedPaths.contains(upstreamPath(d.upstream()))) continue;
            try (InputStream in = d.open()) {
                feeds.add(reader.read(bundledName(d), in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return feeds;
    }

    /** "bundled:amnesty/2021-07-18_nso/pegasus.stix2": short, and plainly not a file on disk. */
    static String bundledName(DefaultFeed d) {
        String r = d.resource();
        int i = r.indexOf("/feeds/");
        return "bundled:" + (i < 0 ? r : r.substring(i + "/feeds/".length()));
    }

    /** The last two segments of a feed's upstream address ("2021-07-18_nso/pegasus.stix2"). */
    private static String upstreamPath(String url) {
        String[] parts = url.split("/");
        return parts.length < 2 ? url : parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    /**
     * A feed file, or every feed file under a folder in a stable (sorted) order. In a folder, empty files
     * are passed over (real feed collections hold placeholders with nothing in them yet); an empty file
     * named on its own is still an error, from the reader.
     */
    static List<Path> expand(Path p) {
        if (!Files.exists(p)) throw new CotejoException("feed not found: " + p);
        if (!Files.isDirectory(p)) return List.of(p);
        try (Stream<Path> walk = Files.walk(p)) {
            List<Path> files = walk.filter(Files::isRegularFile).filter(LoadedFeeds::looksLikeFeed)
                    .filter(f -> f.toFile().length() > 0).sorted().toList();
            if (files.isEmpty()) {
                throw new CotejoException("no feed files (*.stix2, *.json, *.csv, *.txt) under " + p);
            }
            return files;
        } catch (IOException e) {
            throw new CotejoException("cannot list feed folder " + p + ": " + e.getMessage());
        }
    }

    private static boolean looksLikeFeed(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || name.startsWith("readme") || name.startsWith("license")) return false;
        return FEED_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    public int skipCount() {
        return feeds.stream().mapToInt(f -> f.skips().size()).sum();
    }

    /** One line for stderr: what was loaded. */
    public void summarise(PrintWriter err) {
        err.printf("cotejo: %,d indicators from %d feed(s)%s%n", index.size(), feeds.size(),
                skipCount() == 0 ? "" : String.format(", %,d entries skipped (see `cotejo iocs info`)", skipCount()));
    }
}
