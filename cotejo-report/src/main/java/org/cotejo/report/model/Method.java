package org.cotejo.report.model;

import java.util.List;
import org.cotejo.correlation.lr.Calibration;

/**
 * The method's parameters and its validation.
 *
 * @param linkThreshold log10 of the likelihood ratio at which two devices are linked (2 means LR ≥ 100)
 * @param calibration   the per-kind rates the likelihood ratios are formed from (with their provenance)
 * @param validation    measured error rates on simulated worlds with known truth
 * @param limitations   limitations specific to this run (e.g. "2 devices had no dated records"), in addition to the standing ones the renderer states
 */
public record Method(double linkThreshold, Calibration calibration, Validation validation, List<String> limitations) {
    public Method {
        limitations = List.copyOf(limitations);
    }

    /**
     * Error rates measured on simulated worlds.
     *
     * @param provenance how they were measured (worlds, seeds, the command that reproduces them)
     * @param rows       one row per world size and condition
     */
    public record Validation(String provenance, List<ValidationRow> rows) {
        public Validation {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One measurement.
     *
     * @param devices            world size
     * @param condition          "unconfirmed" (no pivot confirmed) or "confirmed" (pivots confirmed by a simulated analyst)
     * @param adjustedRandIndex  agreement of the clusters with the truth (1 is perfect)
     * @param precision          share of clustered same-cluster pairs that truly share an operator
     * @param recall             share of same-operator pairs clustered together
     * @param falseStrongRate    share of sampled different-operator pairs given "strong support" or above
     */
    public record ValidationRow(int devices, String condition, double adjustedRandIndex, double precision, double recall,
                                double falseStrongRate) {}
}
