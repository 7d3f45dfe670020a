package org.cotejo.correlation.sim;

import java.util.List;
import java.util.Objects;

/**
 * What really happened to one phone.
 *
 * @param deviceId    the phone's identity (shared by its extractions)
 * @param kind        targeted, exposure only, name collision or clean
 * @param operator    the operator that targeted it, or "" when none did
 * @param vendor      that operator's vendor, or ""
 * @param country     where its owner lives
 * @param platform    "ios" or "android"
 * @param detected    whether at least one of its extractions is targeted by Cotejo's verdict rule (a target
 *                    reached only through unpublished infrastructure can go unseen)
 * @param extractions labels of its extractions, in the order they were taken
 */
public record DeviceTruth(String deviceId, Kind kind, String operator, String vendor, String country, String platform,
                          boolean detected, List<String> extractions) {
    public DeviceTruth {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(kind, "kind");
        extractions = List.copyOf(extractions);
    }

    public enum Kind {
        /** An operator sent it links, and infected it unless attempted only. */
        TARGETED,
        /** A journalist who only visited spyware domains in a browser. */
        EXPOSURE_ONLY,
        /** A clean phone with an App Store app named like a spyware process. */
        NAME_COLLISION,
        /** Nothing but benign traces. */
        CLEAN
    }

    public boolean targeted() { return kind == Kind.TARGETED; }
}
