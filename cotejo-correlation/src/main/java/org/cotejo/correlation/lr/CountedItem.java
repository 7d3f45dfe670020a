package org.cotejo.correlation.lr;

import java.util.Objects;

/**
 * An item as weighed for one pair: whether its ratio entered the product, and if not, why.
 *
 * @param item    the item
 * @param counted whether its ratio was multiplied in
 * @param reason  "" when counted; otherwise "same tool only", "depends on shared domain evil.com", …
 */
public record CountedItem(EvidenceItem item, boolean counted, String reason) {
    public CountedItem {
        Objects.requireNonNull(item, "item");
        reason = reason == null ? "" : reason;
    }
}
