package org.cotejo.indicators.update;

import java.util.Objects;

/**
 * What the updater did with one feed (or with the index itself).
 *
 * @param url    where it was (or would have been) fetched from; empty when there was no URL
 * @param sha256 SHA-256 of the fetched content; empty unless NEW or UNCHANGED
 * @param bytes  size of the fetched content; 0 unless NEW or UNCHANGED
 * @param reason why it FAILED or was SKIPPED; empty otherwise
 */
public record FeedResult(String name, String url, Status status, String sha256, long bytes, String reason) {
    public enum Status {
        /** A version not seen before was stored. */
        NEW,
        /** The content is the same as the latest stored version; nothing was written. */
        UNCHANGED,
        /** Fetching or validating failed; nothing was written. */
        FAILED,
        /** The index entry is of a kind the updater does not fetch. */
        SKIPPED
    }

    public FeedResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        url = url == null ? "" : url;
        sha256 = sha256 == null ? "" : sha256;
        reason = reason == null ? "" : reason;
    }

    static FeedResult failed(String name, String url, String reason) {
        return new FeedResult(name, url, Status.FAILED, "", 0, reason);
    }

    static FeedResult skipped(String name, String reason) {
        return new FeedResult(name, "", Status.SKIPPED, "", 0, reason);
    }
}
