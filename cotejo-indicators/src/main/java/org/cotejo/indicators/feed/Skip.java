package org.cotejo.indicators.feed;

import java.util.Objects;

/**
 * Something in a feed that was not loaded, and why. Readers never drop an entry silently: a person
 * checking a scan must be able to see that, say, 3 registry keys of a feed were not used.
 *
 * @param file     the feed file as given
 * @param location where in the file: "line 12", "object indicator--…", "Event 5f0c… Attribute 9a1b…"
 * @param reason   a sentence: "MISP type 'mutex' is out of scope"
 */
public record Skip(String file, String location, String reason) {
    public Skip {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return file + ", " + location + ": " + reason;
    }
}
