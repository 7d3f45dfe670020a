package org.cotejo.correlation.sim;

import java.util.List;
import java.util.Objects;
import org.cotejo.core.observable.Observable;

/**
 * A spyware vendor of the simulated world: the traces its tool leaves on every phone it infects, for
 * every customer alike, and the hosting it buys in bulk for all its customers.
 *
 * @param id          "vendor-a", "vendor-b"
 * @param name        the tool's name ("Halcon", "Mistral"): invented, no real product
 * @param platform    "ios" or "android"
 * @param toolTraces  process names, implant file paths, app ids and signing-certificate hashes
 * @param certSubject the self-signed certificate subject every server of the tool presents (tool level)
 * @param hosting     the /24 networks its customers' servers sit in, shared by all of them
 */
public record Vendor(String id, String name, String platform, List<Observable> toolTraces, String certSubject,
                     List<HostingBlock> hosting) {
    public Vendor {
        Objects.requireNonNull(id, "id");
        toolTraces = List.copyOf(toolTraces);
        hosting = List.copyOf(hosting);
    }

    /** A /24 network, the autonomous system announcing it and the hosting provider's name. */
    public record HostingBlock(String prefix, long asn, String asName) {}
}
