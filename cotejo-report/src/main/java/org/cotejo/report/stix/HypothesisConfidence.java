package org.cotejo.report.stix;

import org.cotejo.correlation.lr.SupportScale;

/**
 * The STIX {@code confidence} (0–100) of a single-source hypothesis, from the verbal band of its
 * likelihood ratio. The bands are placed inside the ranges of STIX 2.1's "None / Low / Med / High"
 * scale (Appendix A: Low 1–29, Med 30–69, High 70–100): weak and moderate support are Low, moderately
 * strong and strong support Med, very strong and extremely strong support High.
 *
 * <p>It is an ordinal restatement of the band, not a probability that the devices share a source: a
 * likelihood ratio says how much more probable the observations are under one proposition than the
 * other, and turning it into a probability would need prior odds the examiner does not have.
 */
public final class HypothesisConfidence {
    private HypothesisConfidence() {}

    public static int of(SupportScale support) {
        return switch (support) {
            case NO_SUPPORT -> 0;
            case WEAK -> 10;
            case MODERATE -> 20;
            case MODERATELY_STRONG -> 40;
            case STRONG -> 60;
            case VERY_STRONG -> 80;
            case EXTREMELY_STRONG -> 95;
        };
    }
}
