package org.cotejo.cases.store;

import java.time.Instant;

/**
 * A device on which an observable occurs, summed over its evidence items.
 *
 * @param deviceId  the device
 * @param count     how many times it was seen there
 * @param firstSeen earliest sighting, or null when no record had a time
 * @param lastSeen  latest sighting, or null
 */
public record DeviceSighting(String deviceId, long count, Instant firstSeen, Instant lastSeen) {}
