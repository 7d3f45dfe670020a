package org.cotejo.cases;

import java.time.Instant;

/**
 * An observable seen on a device in one evidence item, aggregated over its records.
 *
 * @param type      observable type key ("domain", "url", "process"...)
 * @param value     normalised value
 * @param count     how many times it was seen
 * @param firstSeen earliest record time it appeared in (null when no record had a time)
 * @param lastSeen  latest
 * @param trace     trace class of the first sighting ("execution", "delivery"...)
 */
public record StoredObservation(String type, String value, long count, Instant firstSeen, Instant lastSeen, String trace) {}
