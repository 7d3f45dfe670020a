package org.cotejo.core.indicator;

import java.util.Locale;
import java.util.Optional;

/**
 * Traffic Light Protocol 2.0 markings, with the fixed STIX 2.1 marking-definition ids of both TLP 2.0
 * (OASIS common objects, carried in bundles) and TLP 1.0 (predefined by STIX 2.1). TLP 1.0 WHITE is
 * read as CLEAR; TLP 1.0 has no AMBER+STRICT.
 */
public enum Tlp {
    CLEAR("TLP:CLEAR", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"),
    GREEN("TLP:GREEN", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"),
    AMBER("TLP:AMBER", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"),
    AMBER_STRICT("TLP:AMBER+STRICT", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", null),
    RED("TLP:RED", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");

    /** The TLP 2.0 extension definition that TLP 2.0 marking objects point to. */
    public static final String TLP2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    /** The {@code created} timestamp of every TLP 2.0 marking-definition object. */
    public static final String TLP2_CREATED = "2022-10-01T00:00:00.000Z";

    private final String label;
    private final String stix2Id;
    private final String stix1Id;

    Tlp(String label, String stix2Id, String stix1Id) {
        this.label = label;
        this.stix2Id = stix2Id;
        this.stix1Id = stix1Id;
    }

    /** "TLP:AMBER+STRICT" and so on. */
    public String label() { return label; }

    /** Level name as in the TLP 2.0 extension ({@code clear}, {@code amber+strict}, ...). */
    public String tlp2Name() { return label.substring(4).toLowerCase(Locale.ROOT); }

    public String stixTlp2Id() { return stix2Id; }

    /** Marking-definition id by either the TLP 2.0 or the TLP 1.0 fixed id. */
    public static Optional<Tlp> fromStixId(String id) {
        for (Tlp t : values()) if (t.stix2Id.equals(id) || id.equals(t.stix1Id)) return Optional.of(t);
        return Optional.empty();
    }

    /** Accepts "TLP:AMBER", "tlp:amber+strict", "amber", "white" (TLP 1.0, read as CLEAR). */
    public static Optional<Tlp> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("tlp:")) s = s.substring(4);
        s = s.replace('_', '+').replace(' ', '+');
        return switch (s) {
            case "clear", "white" -> Optional.of(CLEAR);
            case "green" -> Optional.of(GREEN);
            case "amber" -> Optional.of(AMBER);
            case "amber+strict" -> Optional.of(AMBER_STRICT);
            case "red" -> Optional.of(RED);
            default -> Optional.empty();
        };
    }
}
