package org.cotejo.correlation.lr;

import java.util.Objects;

/**
 * One row of a calibration: how often pairs of devices share a kind of evidence under each proposition,
 * and the likelihood ratio that gives.
 *
 * @param kind   the kind of evidence
 * @param pHp    P(the pair shares an item of this kind | the same operator targeted both)
 * @param pHd    P(the pair shares an item of this kind | different operators of the same tool)
 * @param lr     the ratio used: pHp / pHd, never below 1 (a shared item is not taken as evidence
 *               against Hp), and exactly 1 for tool-level kinds
 * @param source "default prior", or the counts it was estimated from
 */
public record KindRate(FeatureKind kind, double pHp, double pHd, double lr, String source) {
    public KindRate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        if (!(pHp > 0 && pHp <= 1 && pHd > 0 && pHd <= 1)) {
            throw new IllegalArgumentException("probabilities of " + kind.key() + " must lie in (0, 1]: " + pHp + ", " + pHd);
        }
        if (lr < 1) throw new IllegalArgumentException("the ratio of " + kind.key() + " must be at least 1: " + lr);
    }

    /** The row for {@code kind} from the two probabilities, with the rules for tool kinds and ratios below 1. */
    public static KindRate of(FeatureKind kind, double pHp, double pHd, String source) {
        double lr = kind.isTool() ? 1 : Math.max(1, pHp / pHd);
        return new KindRate(kind, pHp, pHd, lr, source);
    }
}
