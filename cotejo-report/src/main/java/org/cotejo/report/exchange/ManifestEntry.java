package org.cotejo.report.exchange;

/**
 * One file a manifest lists.
 *
 * @param path   relative, '/'-separated
 * @param sha256 its SHA-256, lower-case hex
 * @param size   its size in bytes
 * @param role   what it is ({@link PackageFile}'s ROLE_ constants)
 */
public record ManifestEntry(String path, String sha256, long size, String role) {}
