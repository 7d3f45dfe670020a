package org.cotejo.indicators.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The indicator feeds shipped inside the distribution, so a first scan works offline. Only feeds
 * whose licence allows redistribution are bundled (Amnesty International's, CC BY 2.0; the MVT
 * project's, MIT); credits are in {@code NOTICE.md}. Newer versions are fetched by
 * {@code cotejo iocs update} ({@link org.cotejo.indicators.update.FeedUpdater}).
 */
public final class DefaultFeeds {
    static final String INDEX = "feeds/index.json";

    private DefaultFeeds() {}

    /** Every bundled feed, in the order of {@code feeds/index.json} (by publisher, then path). */
    public static List<DefaultFeed> list() {
        return Index.FEEDS;
    }

    // Read once on first use; the index is part of the build, so a failure here is a packaging bug.
    private static final class Index {
        static final List<DefaultFeed> FEEDS = read();

        private static List<DefaultFeed> read() {
            try (InputStream in = DefaultFeeds.class.getResourceAsStream(INDEX)) {
                if (in == null) throw new IllegalStateException("bundled feed index missing from the build: " + INDEX);
                List<DefaultFeed> feeds = new ArrayList<>();
                for (JsonNode f : new ObjectMapper().readTree(in).required("feeds")) {
                    feeds.add(new DefaultFeed(text(f, "resource"), text(f, "name"), text(f, "source"),
                            text(f, "licence"), text(f, "credit"), text(f, "upstream"), text(f, "sha256"),
                            LocalDate.parse(text(f, "copied"))));
                }
                return List.copyOf(feeds);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + INDEX, e);
            }
        }

        private static String text(JsonNode feed, String field) {
            return feed.required(field).asText();
        }
    }
}
