package org.cotejo.detection.heuristic;

import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.indicators.index.IndicatorIndex;

/**
 * What a heuristic may know about the run.
 *
 * @param extraction        the extraction being read, or null when records come from an MVT results folder
 * @param options           module options ({@code fast} skips slow filesystem-wide searches)
 * @param indicatorsLoaded  whether any indicator is loaded (MVT runs some rules only then; Cotejo runs
 *                          them always and records this for comparison)
 * @param index             the indicators of the run, for rules that start from a known-bad value (a DNS
 *                          answer for a listed domain); the {@link org.cotejo.detection.Detector} fills it in
 */
public record HeuristicContext(Extraction extraction, ModuleOptions options, boolean indicatorsLoaded, IndicatorIndex index) {
    public HeuristicContext(Extraction extraction, ModuleOptions options, boolean indicatorsLoaded) {
        this(extraction, options, indicatorsLoaded, null);
    }

    /** The same context with the run's index. */
    public HeuristicContext withIndex(IndicatorIndex index) {
        return new HeuristicContext(extraction, options, indicatorsLoaded, index);
    }
}
