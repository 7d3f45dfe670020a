package org.cotejo.cases;

import java.time.Instant;

/** One file of an evidence item as hashed at intake: path inside the item, size, modification time, SHA-256. */
public record EvidenceFile(String path, long size, Instant modified, String sha256) {}
