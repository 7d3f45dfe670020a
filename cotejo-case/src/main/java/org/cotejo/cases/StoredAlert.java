package org.cotejo.cases;

import java.time.Instant;

/** A heuristic alert as the case keeps it. */
public record StoredAlert(String deviceId, String level, String heuristic, String module, String message, Instant time,
                          String sourceFile, String sourceSha256, String locator) {}
