package org.cotejo.report.model;

import java.time.Instant;

/**
 * One evidence item in the inventory.
 *
 * @param id          the item's id in its case, or the folder name
 * @param kind        the evidence kind ("ios-backup", "androidqf", "pcap", "mvt-results", ...)
 * @param name        the file or folder name as received (never a full path of the examiner's machine)
 * @param sha256      the SHA-256 of the file, or of the item's manifest of file hashes for a folder
 * @param files       how many files it holds
 * @param bytes       its total size
 * @param acquiredBy  who acquired it, or ""
 * @param acquiredAt  when, or null
 * @param method      how (e.g. "logical backup over USB"), or ""
 * @param tool        with what tool and version, or ""
 */
public record EvidenceEntry(String id, String kind, String name, String sha256, long files, long bytes, String acquiredBy,
                            Instant acquiredAt, String method, String tool) {
    public EvidenceEntry {
        id = id == null ? "" : id;
        kind = kind == null ? "" : kind;
        name = name == null ? "" : name;
        sha256 = sha256 == null ? "" : sha256;
        acquiredBy = acquiredBy == null ? "" : acquiredBy;
        method = method == null ? "" : method;
        tool = tool == null ? "" : tool;
    }
}
