package org.cotejo.indicators.warninglist;

import java.util.Objects;

/**
 * One observable found on one warning list.
 *
 * @param entry the list entry that matched, as written in the list
 * @param how   one readable line saying why it matched, e.g. "x.apple.com is a subdomain of apple.com"
 */
public record WarningHit(WarningList list, String entry, String how) {
    public WarningHit {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(how, "how");
    }

    @Override
    public String toString() {
        return list.name() + ": " + how;
    }
}
