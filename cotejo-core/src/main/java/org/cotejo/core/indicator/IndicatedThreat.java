package org.cotejo.core.indicator;

import java.util.Objects;

/**
 * What a collection's indicators point to: a malware family (Pegasus), an intrusion set (one
 * operator, e.g. a Citizen Lab codename), a campaign or a threat actor. {@code kind} uses STIX
 * object-type names ({@code malware}, {@code intrusion-set}, {@code campaign}, {@code threat-actor},
 * {@code tool}, {@code infrastructure}).
 */
public record IndicatedThreat(String kind, String name) {
    public IndicatedThreat {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
