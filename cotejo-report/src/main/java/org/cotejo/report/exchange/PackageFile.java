package org.cotejo.report.exchange;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One payload file to put in a package: its path inside the package, its role, and where its bytes
 * come from (bytes in memory, or a file copied as it is).
 *
 * @param path   relative, '/'-separated, normalised ({@code devices/FR-03.device-evidence.json})
 * @param role   what it is (one of the {@code ROLE_} constants, or another short word the recipient may ignore)
 * @param bytes  its content, or null when {@code source} gives it
 * @param source a regular file to copy (never a symbolic link), or null when {@code bytes} gives it
 */
public record PackageFile(String path, String role, byte[] bytes, Path source) {
    /** report.json: the report as data. */
    public static final String ROLE_REPORT = "report";
    /** The report rendered for people (HTML, PDF). */
    public static final String ROLE_REPORT_DOCUMENT = "report-document";
    /** A STIX 2.1 bundle. */
    public static final String ROLE_STIX = "stix";
    /** A MISP event. */
    public static final String ROLE_MISP = "misp";
    /** A timeline (Timesketch JSONL or CSV). */
    public static final String ROLE_TIMELINE = "timeline";
    /** One device's evidence as correlation reads it ({@code cotejo-device-evidence}). */
    public static final String ROLE_DEVICE_EVIDENCE = "device-evidence";
    /** One device's inventory and findings ({@code cotejo-device-findings}). */
    public static final String ROLE_DEVICE_FINDINGS = "device-findings";
    /** An indicator feed the sender used (STIX, MISP, CSV or list). */
    public static final String ROLE_FEED = "feed";
    /** A file of an extraction, included only when the sender asked for it. */
    public static final String ROLE_EXTRACTION = "extraction";

    public PackageFile {
        Objects.requireNonNull(path, "path");
        if (role == null || role.isBlank()) throw new IllegalArgumentException("package file " + path + " needs a role");
        if ((bytes == null) == (source == null)) {
            throw new IllegalArgumentException("package file " + path + " takes its content from bytes or from a file, exactly one");
        }
    }

    /** A file whose content is {@code bytes}. */
    public static PackageFile of(String path, String role, byte[] bytes) {
        return new PackageFile(path, role, Objects.requireNonNull(bytes, "bytes"), null);
    }

    /** A copy of the regular file {@code source}. */
    public static PackageFile copyOf(String path, String role, Path source) {
        return new PackageFile(path, role, null, Objects.requireNonNull(source, "source"));
    }
}
