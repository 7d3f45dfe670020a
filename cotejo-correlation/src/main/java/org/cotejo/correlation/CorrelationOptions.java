package org.cotejo.correlation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.cotejo.correlation.lr.Calibration;
import org.cotejo.correlation.lr.SupportScale;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.pivot.PivotDecision;
import org.cotejo.correlation.specificity.FanOutCap;
import org.cotejo.indicators.warninglist.WarningLists;

/**
 * Everything correlation can be told; every result file repeats it, so a reader knows the thresholds the
 * conclusions rest on. {@link #defaults()} holds the values docs/correlation.md explains.
 *
 * @param feedLevels         evidence level per feed, by collection name or feed SHA-256 (indicator-level
 *                           statements still win)
 * @param fanOutCap          values and keys on more devices than this link nothing
 * @param linkLog10          a pair is a link when log10 of its ratio reaches this (default 2: LR ≥ 100,
 *                           "moderately strong support", so no single medium feature links)
 * @param maxLog10           the product of ratios is capped at 10^this (default 10)
 * @param calibration        the model's parameters (default: {@link Calibration#shipped()}, estimated on simulated worlds;
 *                           {@link Calibration#defaultPriors()} on request)
 * @param warningLists       values on these lists link nothing (default: Cotejo's curated lists)
 * @param pivotDecisions     analysts' decisions on pivots
 * @param hostingDomains     an address more than this many domains resolved to is shared hosting (default 20)
 * @param burstDays          registrations with one registrar at most this many days apart are a burst (default 3)
 * @param backgroundWeight   how many background devices the calibrated chance rate is worth (default 100)
 * @param pivotBackground    a pivot candidate may occur on at most max(1, this × background devices) (default 0.001)...
 * @param pivotLift          ...unless it is at least this many times as frequent among targeted devices as among background
 *                           devices (default 5; background count plus one): undetected targets of an operator show its
 *                           unknown domains too, and are background devices to correlation
 * @param combinationFanOut  keys too weak to link alone (custom name servers, a value its spread weakened) are paired on
 *                           only when on at most this many targeted devices (default 1,000; see {@code LinkSearch})
 */
public record CorrelationOptions(Map<String, EvidenceLevel> feedLevels, FanOutCap fanOutCap, double linkLog10, double maxLog10,
                                 Calibration calibration, WarningLists warningLists, List<PivotDecision> pivotDecisions,
                                 int hostingDomains, int burstDays, double backgroundWeight, double pivotBackground,
                                 double pivotLift, int combinationFanOut) {
    public CorrelationOptions {
        feedLevels = java.util.Collections.unmodifiableMap(new TreeMap<>(feedLevels));
        Objects.requireNonNull(fanOutCap, "fanOutCap");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(warningLists, "warningLists");
        pivotDecisions = List.copyOf(pivotDecisions);
        if (linkLog10 <= 0) throw new IllegalArgumentException("the link threshold must be a ratio above 1");
        if (maxLog10 < linkLog10) throw new IllegalArgumentException("the cap must not be below the link threshold");
        if (hostingDomains < 1 || burstDays < 0 || backgroundWeight < 0 || pivotBackground < 0 || pivotLift < 1 || combinationFanOut < 2) {
            throw new IllegalArgumentException("negative or zero limits");
        }
    }

    public static CorrelationOptions defaults() {
        return new CorrelationOptions(Map.of(), FanOutCap.defaults(), SupportScale.MODERATELY_STRONG.fromLog10(), 10,
                Calibration.shipped(), WarningLists.curated(), List.of(), 20, 3, 100, 0.001, 5, 1_000);
    }

    public CorrelationOptions withFeedLevels(Map<String, EvidenceLevel> m) {
        return new CorrelationOptions(m, fanOutCap, linkLog10, maxLog10, calibration, warningLists, pivotDecisions, hostingDomains,
                burstDays, backgroundWeight, pivotBackground, pivotLift, combinationFanOut);
    }

    public CorrelationOptions withFanOutCap(FanOutCap c) {
        return new CorrelationOptions(feedLevels, c, linkLog10, maxLog10, calibration, warningLists, pivotDecisions, hostingDomains,
                burstDays, backgroundWeight, pivotBackground, pivotLift, combinationFanOut);
    }

    /** Links from this band of the verbal scale upwards. */
    public CorrelationOptions withLinkThreshold(SupportScale from) {
        return new CorrelationOptions(feedLevels, fanOutCap, from.fromLog10(), Math.max(maxLog10, from.fromLog10()), calibration,
                warningLists, pivotDecisions, hostingDomains, burstDays, backgroundWeight, pivotBackground, pivotLift, combinationFanOut);
    }

    public CorrelationOptions withCalibration(Calibration c) {
        return new CorrelationOptions(feedLevels, fanOutCap, linkLog10, maxLog10, c, warningLists, pivotDecisions, hostingDomains,
                burstDays, backgroundWeight, pivotBackground, pivotLift, combinationFanOut);
    }

    public CorrelationOptions withWarningLists(WarningLists w) {
        return new CorrelationOptions(feedLevels, fanOutCap, linkLog10, maxLog10, calibration, w, pivotDecisions, hostingDomains,
                burstDays, backgroundWeight, pivotBackground, pivotLift, combinationFanOut);
    }

    public CorrelationOptions withPivotDecisions(List<PivotDecision> d) {
        return new CorrelationOptions(feedLevels, fanOutCap, linkLog10, maxLog10, calibration, warningLists, d, hostingDomains,
                burstDays, backgroundWeight, pivotBackground, pivotLift, combinationFanOut);
    }

    public CorrelationOptions withInfrastructureLimits(int hostingDomainLimit, int burstDayLimit) {
        return new CorrelationOptions(feedLevels, fanOutCap, linkLog10, maxLog10, calibration, warningLists, pivotDecisions,
                hostingDomainLimit, burstDayLimit, backgroundWeight, pivotBackground, pivotLift, combinationFanOut);
    }

    /** Pivot candidates by frequency among targeted against background devices: an absolute share, or a lift. */
    public CorrelationOptions withPivotRule(double pivotFraction, double lift) {
        return new CorrelationOptions(feedLevels, fanOutCap, linkLog10, maxLog10, calibration, warningLists, pivotDecisions,
                hostingDomains, burstDays, backgroundWeight, pivotFraction, lift, combinationFanOut);
    }

    public CorrelationOptions withCombinationFanOut(int devices) {
        return new CorrelationOptions(feedLevels, fanOutCap, linkLog10, maxLog10, calibration, warningLists, pivotDecisions,
                hostingDomains, burstDays, backgroundWeight, pivotBackground, pivotLift, devices);
    }

    public CorrelationOptions withBackground(double weight, double pivotFraction) {
        return new CorrelationOptions(feedLevels, fanOutCap, linkLog10, maxLog10, calibration, warningLists, pivotDecisions,
                hostingDomains, burstDays, weight, pivotFraction, pivotLift, combinationFanOut);
    }
}
