package org.cotejo.report.stix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.cotejo.indicators.feed.NameBasedUuid;

/**
 * The properties every object of one report's bundle shares, and how its ids are made. SDOs and SROs
 * are created and modified at the report's generation time, by the agency's identity, under the
 * report's TLP marking; their ids are UUIDv5 in Cotejo's namespace over a name that says what the
 * object is (so the same report gives the same ids). SCOs get the ids STIX 2.1 itself defines (§2.9).
 */
final class StixObjects {
    /** STIX 2.1's namespace for the deterministic ids of cyber-observable objects. */
    static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    final ObjectMapper mapper = new ObjectMapper();
    private final String created;
    private final String creatorId;
    private final String markingId;

    StixObjects(Instant created, String creatorId, String markingId) {
        this.created = TIME.format(created);
        this.creatorId = creatorId;
        this.markingId = markingId;
    }

    /** {@code type--UUIDv5(Cotejo namespace, "type|name")}. */
    static String id(String type, String name) {
        return type + "--" + NameBasedUuid.of(type + "|" + name);
    }

    /**
     * The id STIX 2.1 defines for an SCO whose id-contributing property is {@code value} (domain-name,
     * ipv4-addr, ipv6-addr, url, email-addr): UUIDv5 in the SCO namespace over the JCS form
     * {@code {"value":"…"}}. Anyone recomputes it from the value, which is what lets two authorities'
     * bundles meet on the same domain, and why these ids are never pseudonyms.
     */
    String scoId(String type, String value) {
        return type + "--" + NameBasedUuid.v5(SCO_NAMESPACE, "{\"value\":" + jsonString(value) + "}");
    }

    /** The id of an x509-certificate known by one hash: JCS of {@code {"hashes":{"SHA-256":"…"}}}. */
    String certificateId(String algorithm, String hash) {
        return "x509-certificate--" + NameBasedUuid.v5(SCO_NAMESPACE,
                "{\"hashes\":{" + jsonString(algorithm) + ":" + jsonString(hash) + "}}");
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    String creatorId() {
        return creatorId;
    }

    /** An SDO or SRO with its common properties; the caller adds the rest. */
    ObjectNode sdo(String type, String id) {
        ObjectNode o = mapper.createObjectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        if (!id.equals(creatorId)) o.put("created_by_ref", creatorId);
        o.put("created", created);
        o.put("modified", created);
        o.putArray("object_marking_refs").add(markingId);
        return o;
    }

    /** A cyber-observable object with its value. */
    ObjectNode sco(String type, String id) {
        ObjectNode o = mapper.createObjectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.putArray("object_marking_refs").add(markingId);
        return o;
    }

    /** source → type → target, with an id over the three. */
    ObjectNode relationship(String type, String source, String target) {
        ObjectNode o = sdo("relationship", id("relationship", type + "|" + source + "|" + target));
        o.put("relationship_type", type);
        o.put("source_ref", source);
        o.put("target_ref", target);
        return o;
    }

    /** A JSON string literal; for these short values Jackson's escaping is JCS's. */
    private String jsonString(String s) {
        try {
            return mapper.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a string to memory cannot fail", e);
        }
    }
}
