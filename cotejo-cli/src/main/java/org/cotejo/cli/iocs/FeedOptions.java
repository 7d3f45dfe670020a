package org.cotejo.cli.iocs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;
import picocli.CommandLine.Option;

/** How indicator feeds are chosen and read; shared by every command that loads feeds. */
public final class FeedOptions {
    @Option(names = {"-i", "--iocs"}, paramLabel = "FEED",
            description = {"Indicator feed: STIX 2.1 bundle, MISP event JSON, CSV or plain list; a folder is",
                "searched for *.stix2, *.json, *.csv, *.txt. Repeatable. Without it, the bundled feeds",
                "(updated by `cotejo iocs update`) are used."})
    List<Path> feeds = new ArrayList<>();

    @Option(names = "--with-defaults", description = "Also load the bundled feeds when --iocs is given.")
    boolean withDefaults;

    @Option(names = "--strict", description = "Treat anything a feed reader would skip as an error.")
    boolean strict;

    @Option(names = "--list-type", paramLabel = "TYPE",
            description = "Type of every value in plain-list feeds (default: inferred from the file name or each value).")
    String listType;

    @Option(names = "--include-non-ids",
            description = "Also load MISP attributes whose to_ids flag is false (MISP marks them as not for detection).")
    boolean includeNonIds;

    @Option(names = "--max-feed-size", paramLabel = "SIZE", defaultValue = "512m",
            description = "Refuse feeds larger than this (e.g. 512m, 2g). Default: ${DEFAULT-VALUE}.")
    String maxFeedSize = "512m";

    @Option(names = "--warninglist", paramLabel = "FILE|DIR",
            description = "MISP warning-list JSON file or folder, in addition to the bundled curated lists. Repeatable.")
    List<Path> warningLists = new ArrayList<>();

    /** Options naming exactly these feed files (no bundled feeds), as a command given --iocs for each would have. */
    public static FeedOptions of(List<Path> files) {
        FeedOptions o = new FeedOptions();
        o.feeds = new ArrayList<>(files);
        return o;
    }

    /** The feed files and folders given with --iocs. */
    public List<Path> files() {
        return List.copyOf(feeds);
    }

    Long maxBytes() {
        return parseSize(maxFeedSize);
    }

    ObservableType listTypeOrNull() {
        if (listType == null) return null;
        return ObservableType.fromKey(listType).orElseThrow(() -> new CotejoException(
                "unknown type '" + listType + "' for --list-type; use one of " + typeKeys()));
    }

    static String typeKeys() {
        StringBuilder b = new StringBuilder();
        for (ObservableType t : ObservableType.values()) b.append(b.length() == 0 ? "" : ", ").append(t.key());
        return b.toString();
    }

    static long parseSize(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("b")) s = s.substring(0, s.length() - 1);
        if (s.endsWith("k")) unit = 1L << 10;
        else if (s.endsWith("m")) unit = 1L << 20;
        else if (s.endsWith("g")) unit = 1L << 30;
        if (unit > 1) s = s.substring(0, s.length() - 1);
        try {
            long v = Long.parseLong(s.strip());
            if (v <= 0) throw new NumberFormatException();
            return Math.multiplyExact(v, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CotejoException("not a size: '" + text + "' (write e.g. 512m or 2g)");
        }
    }
}
