package org.cotejo.report.stix;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The STIX 2.1 object types (OASIS STIX 2.1, sections 4 to 7), their category and the properties each
 * requires beyond the common ones, as plain data for {@link StixValidator}.
 */
final class StixTypes {
    private StixTypes() {}

    enum Category { SDO, SRO, SMO, SCO, UNKNOWN }

    private static final Set<String> SDO = Set.of("attack-pattern", "campaign", "course-of-action", "grouping", "identity",
            "incident", "indicator", "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note",
            "observed-data", "opinion", "report", "threat-actor", "tool", "vulnerability");
    private static final Set<String> SRO = Set.of("relationship", "sighting");
    private static final Set<String> SMO = Set.of("marking-definition", "language-content", "extension-definition");
    private static final Set<String> SCO = Set.of("artifact", "autonomous-system", "directory", "domain-name", "email-addr",
            "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software",
            "url", "user-account", "windows-registry-key", "x509-certificate");

    /** Properties a type requires besides type, id, spec_version, created and modified. */
    static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("attack-pattern", List.of("name")),
            Map.entry("campaign", List.of("name")),
            Map.entry("course-of-action", List.of("name")),
            Map.entry("grouping", List.of("context", "object_refs")),
            Map.entry("identity", List.of("name")),
            Map.entry("incident", List.of("name")),
            Map.entry("indicator", List.of("pattern", "pattern_type", "valid_from")),
            Map.entry("infrastructure", List.of("name")),
            Map.entry("intrusion-set", List.of("name")),
            Map.entry("malware", List.of("is_family")),
            Map.entry("malware-analysis", List.of("product")),
            Map.entry("note", List.of("content", "object_refs")),
            Map.entry("observed-data", List.of("first_observed", "last_observed", "number_observed")),
            Map.entry("opinion", List.of("opinion", "object_refs")),
            Map.entry("report", List.of("name", "published", "object_refs")),
            Map.entry("threat-actor", List.of("name")),
            Map.entry("tool", List.of("name")),
            Map.entry("vulnerability", List.of("name")),
            Map.entry("relationship", List.of("relationship_type", "source_ref", "target_ref")),
            Map.entry("sighting", List.of("sighting_of_ref")),
            Map.entry("language-content", List.of("object_ref", "contents")),
            Map.entry("extension-definition", List.of("name", "schema", "version", "extension_types", "created_by_ref")),
            Map.entry("domain-name", List.of("value")),
            Map.entry("ipv4-addr", List.of("value")),
            Map.entry("ipv6-addr", List.of("value")),
            Map.entry("mac-addr", List.of("value")),
            Map.entry("url", List.of("value")),
            Map.entry("email-addr", List.of("value")),
            Map.entry("mutex", List.of("name")),
            Map.entry("software", List.of("name")),
            Map.entry("autonomous-system", List.of("number")),
            Map.entry("directory", List.of("path")),
            Map.entry("network-traffic", List.of("protocols")),
            Map.entry("email-message", List.of("is_multipart")));

    /** Timestamp properties (RFC 3339, UTC, "Z"). */
    static final Set<String> TIMESTAMPS = Set.of("created", "modified", "valid_from", "valid_until", "first_seen", "last_seen",
            "published", "first_observed", "last_observed", "start_time", "stop_time", "date", "ctime", "mtime", "atime",
            "validity_not_before", "validity_not_after", "account_created", "account_expires", "credential_last_changed",
            "account_first_login", "account_last_login", "analysis_started", "analysis_ended", "submitted");

    /** What a reference property may point to, for the properties whose target type STIX fixes. */
    static final Map<String, Set<String>> REF_TARGETS = Map.of(
            "created_by_ref", Set.of("identity"),
            "object_marking_refs", Set.of("marking-definition"),
            "marking_ref", Set.of("marking-definition"),
            "where_sighted_refs", Set.of("identity", "location"),
            "observed_data_refs", Set.of("observed-data"));

    static Category category(String type) {
        if (SDO.contains(type)) return Category.SDO;
        if (SRO.contains(type)) return Category.SRO;
        if (SMO.contains(type)) return Category.SMO;
        if (SCO.contains(type)) return Category.SCO;
        return Category.UNKNOWN;
    }
}
