package org.cotejo.cases;

import java.time.Instant;

/** A timeline event of a scan, with where it was read. */
public record StoredEvent(Instant time, String module, String event, String description, String sourceFile, String sourceSha256,
                          String locator) {}
