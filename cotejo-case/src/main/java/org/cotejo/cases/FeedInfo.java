package org.cotejo.cases;

import java.time.Instant;

/**
 * An indicator feed pinned in the case by its content hash; the file itself is kept in the case folder.
 *
 * @param sha256     SHA-256 of the feed file
 * @param fileName   its original file name
 * @param format     "stix2", "misp", "csv", "list"
 * @param indicators how many indicators it gave
 * @param storedPath the kept copy, relative to the case folder
 * @param addedAt    when it was added
 */
public record FeedInfo(String sha256, String fileName, String format, long indicators, String storedPath, Instant addedAt) {}
