package org.cotejo.cases;

import java.time.Instant;

/**
 * An evidence item: one extraction as received, registered with the hash of every file.
 *
 * @param id             stable id (a UUID)
 * @param deviceId       the device it was taken from
 * @param kind           evidence kind key ("ios-backup", "ios-fs", "sysdiagnose", "mvt-results")
 * @param sourcePath     where it was added from (absolute)
 * @param storedAs       "reference" (read where it is) or "vault" (copied into the case, read-only)
 * @param vaultPath      the copy, relative to the case folder, or null
 * @param acquisition    the acquisition record
 * @param manifestSha256 SHA-256 of the sorted "sha256  size  path" lines of its files: the item's identity
 * @param fileCount      files
 * @param totalBytes     their total size
 * @param addedAt        when it was added
 */
public record EvidenceInfo(String id, String deviceId, String kind, String sourcePath, String storedAs, String vaultPath,
                           Acquisition acquisition, String manifestSha256, long fileCount, long totalBytes, Instant addedAt) {}
