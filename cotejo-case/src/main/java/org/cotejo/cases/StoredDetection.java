package org.cotejo.cases;

import java.time.Instant;

/** A detection as the case keeps it: the observable, the indicator of which feed, the rule, and the source row. */
public record StoredDetection(String deviceId, String level, String disposition, String module, String trace,
                              String observableType, String observableValue, String observableRaw, String field, String rule,
                              String indicatorId, String indicatorType, String indicatorValue, String collection, String feedSha256,
                              String sourceFile, String sourceSha256, String locator, Instant time, String message) {}
