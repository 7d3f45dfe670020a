package org.cotejo.correlation.sim;

/**
 * How well a prediction matches the truth, over the targeted phones Cotejo's verdict rule can see.
 *
 * @param devices                   phones judged (detected targets)
 * @param operators                 true operators among them
 * @param clusters                  predicted groups among them (singletons included)
 * @param pairPrecision             of the pairs put together, the share truly of one operator (1 when none)
 * @param pairRecall                of the pairs truly of one operator, the share put together (1 when none)
 * @param bcubedPrecision           B-cubed precision
 * @param bcubedRecall              B-cubed recall
 * @param bcubedF1                  their harmonic mean
 * @param adjustedRandIndex         adjusted Rand index of the predicted groups against the operators
 * @param pivotRecall               true pivots proposed / true pivots (1 when there are none)
 * @param pivotPrecision            true pivots proposed / pivots proposed (1 when none proposed)
 * @param differentOperatorPairs    pairs of judged phones of different operators
 * @param differentOperatorScored   of those, pairs the prediction gave a ratio
 * @param strongDifferentOperator   of those, pairs with "strong support" or above (LR ≥ 1,000)
 * @param differentOperatorClustered pairs of different operators put in one cluster, whatever the reason
 * @param toolOnlyCrossLinks        of those, pairs whose stated link rests on tool-level evidence only
 *                                  (counted only when the prediction states its links)
 * @param linksStated               whether the prediction stated the evidence levels of its links
 * @param nonTargetsClustered       phones that are not detected targets yet sit in a cluster of two or more
 */
public record QualityReport(int devices, int operators, int clusters, double pairPrecision, double pairRecall,
                            double bcubedPrecision, double bcubedRecall, double bcubedF1, double adjustedRandIndex,
                            double pivotRecall, double pivotPrecision, long differentOperatorPairs, long differentOperatorScored,
                            long strongDifferentOperator, long differentOperatorClustered, long toolOnlyCrossLinks,
                            boolean linksStated, long nonTargetsClustered) {
    /** "Strong support or above" among ALL different-operator pairs (the wording). */
    public double strongRateOfAll() {
        return differentOperatorPairs == 0 ? 0 : (double) strongDifferentOperator / differentOperatorPairs;
    }

    /** "Strong support or above" among the different-operator pairs the prediction scored: the stricter reading. */
    public double strongRateOfScored() {
        return differentOperatorScored == 0 ? 0 : (double) strongDifferentOperator / differentOperatorScored;
    }
}
