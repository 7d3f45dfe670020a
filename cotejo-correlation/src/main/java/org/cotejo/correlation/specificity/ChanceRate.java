package org.cotejo.correlation.specificity;

/**
 * How likely a device of a DIFFERENT operator shows a value by chance, estimated from the value's spread
 * over the background devices (those with no indicator match at all: the best available picture of
 * phones nobody targeted with this tool).
 *
 * <p>The estimate is a beta-binomial mean: the calibrated rate {@code pHd} of the value's kind acts as a
 * prior worth {@code weight} devices, and each background device showing the value pulls the rate up.
 * It never goes below {@code pHd}: the spread can only weaken an item, never make it stronger than its
 * kind's calibrated ratio. With no background devices (a case of targeted phones only) the kind's rate
 * stands, because the devices of one operator sharing its domain say nothing about how common it is.
 */
public final class ChanceRate {
    private ChanceRate() {}

    public static double of(double pHd, int onBackground, int backgroundDevices, double weight) {
        double smoothed = (onBackground + weight * pHd) / (backgroundDevices + weight);
        return Math.max(pHd, Math.min(1, smoothed));
    }
}
