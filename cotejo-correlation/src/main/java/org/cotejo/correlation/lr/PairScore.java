package org.cotejo.correlation.lr;

import java.util.List;

/**
 * The combined likelihood ratio of everything one pair of devices shares.
 *
 * @param items   every shared item, counted or not, in {@link EvidenceItem#ORDER}
 * @param log10Lr log10 of the product of the counted items' ratios, after the cap
 * @param capped  whether the cap applied (the product was larger)
 * @param support the ENFSI verbal equivalent
 */
public record PairScore(List<CountedItem> items, double log10Lr, boolean capped, SupportScale support) {
    public PairScore {
        items = List.copyOf(items);
    }

    public double lr() { return Math.pow(10, log10Lr); }

    /** Whether any item not of tool level is shared at all. */
    public boolean sharesBeyondTool() {
        return items.stream().anyMatch(i -> !i.item().kind().isTool());
    }
}
