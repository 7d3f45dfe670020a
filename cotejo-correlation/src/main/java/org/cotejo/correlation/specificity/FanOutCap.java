package org.cotejo.correlation.specificity;

/**
 * The most devices a value may occur on and still link anything: more than {@code max(absolute,
 * fraction × devices)} and it is excluded. The relative part scales with the population (a value on 5 %
 * of 100,000 phones is a CDN, not an operator); the absolute floor keeps a small case, where one operator
 * may well have targeted every phone examined, from excluding its own domains. MISP's default cap is 20
 * correlations per value; ours counts devices, so it can afford to be higher.
 *
 * @param absolute floor on the limit, in devices
 * @param fraction share of all devices
 */
public record FanOutCap(int absolute, double fraction) {
    public FanOutCap {
        if (absolute < 2) throw new IllegalArgumentException("a fan-out cap below 2 devices would exclude every shared value");
        if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("fan-out fraction must lie in (0, 1]: " + fraction);
    }

    /** max(50, 5 %). */
    public static FanOutCap defaults() {
        return new FanOutCap(50, 0.05);
    }

    /** The largest number of devices a value may occur on among {@code devices}. */
    public int limit(int devices) {
        return (int) Math.max(absolute, Math.ceil(fraction * devices));
    }

    public boolean exceeds(int occurrences, int devices) {
        return occurrences > limit(devices);
    }

    public String describe(int devices) {
        return "max(" + absolute + ", " + fmt(fraction * 100) + " % of " + devices + " devices) = " + limit(devices) + " devices";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
