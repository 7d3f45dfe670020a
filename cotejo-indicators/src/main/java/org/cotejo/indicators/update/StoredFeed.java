package org.cotejo.indicators.update;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored version of a fetched feed.
 *
 * @param name      the feed's display name when this version was fetched
 * @param file      the stored bytes, {@code <data>/feeds/<slug>/<sha256>.<ext>}
 * @param retrieved when this content was first fetched (UTC)
 * @param url       where it was fetched from
 */
public record StoredFeed(String name, Path file, String sha256, Instant retrieved, String url) {
    public StoredFeed {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(retrieved, "retrieved");
        Objects.requireNonNull(url, "url");
    }

    /** The feed's folder name under {@code <data>/feeds/}, for {@link FeedStore#versions(String)}. */
    public String slug() {
        return file.getParent().getFileName().toString();
    }
}
