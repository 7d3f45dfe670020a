package org.cotejo.correlation.enrich;

import java.util.Objects;

/**
 * An announced IP prefix and the autonomous system announcing it.
 *
 * @param prefix canonical CIDR ("203.0.113.0/24")
 * @param asn    AS number
 * @param asName AS name (the hosting provider), or ""
 * @param from   where it was read
 */
public record AsnPrefix(String prefix, long asn, String asName, Fact from) {
    public AsnPrefix {
        Objects.requireNonNull(prefix, "prefix");
        asName = asName == null ? "" : asName;
        Objects.requireNonNull(from, "from");
    }
}
