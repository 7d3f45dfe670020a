package org.cotejo.indicators.update;

import java.util.List;

/**
 * The outcome of one {@code cotejo iocs update}: the index and each feed it lists, in index order.
 */
public record UpdateReport(FeedResult index, List<FeedResult> feeds) {
    public UpdateReport {
        feeds = List.copyOf(feeds);
    }

    public long count(FeedResult.Status status) {
        return feeds.stream().filter(f -> f.status() == status).count();
    }

    /** True when some feed could not be fetched; the command should then exit non-zero. */
    public boolean hasFailures() {
        return count(FeedResult.Status.FAILED) > 0;
    }
}
