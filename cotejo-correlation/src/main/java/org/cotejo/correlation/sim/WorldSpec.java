package org.cotejo.correlation.sim;

import java.util.List;
import java.util.Objects;

/**
 * The parameters of a simulated world. Everything random in the world is drawn from {@code seed}, so a
 * spec names one world exactly.
 *
 * @param seed                 random seed
 * @param vendors              spyware vendors (tools); the first is an iOS implant, the second an Android one
 * @param operatorsPerVendor   customers of each vendor, each with its own infrastructure
 * @param devices              phones in the world (targets, journalists who only visited, clean phones)
 * @param countries            ISO country codes of the targets; operators are placed in them in order
 * @param targetedShare        share of the phones that an operator targeted
 * @param exposureShare        share of journalists who only visited spyware domains (browser traces only)
 * @param nameCollisionShare   share of clean phones with an App Store app named like a spyware process
 * @param attemptedShare       share of the targets with delivery traces only (no implant: "attempted")
 * @param secondExtractionShare share of the phones examined twice (two extractions, one device id)
 * @param feedCoverage         share of each operator's domains and accounts the published feed lists;
 *                             one operator per vendor is left out of the feed entirely
 * @param benignPerDevice      benign observables per phone (browsing, apps, system traffic): with the
 *                             spyware traces a phone holds about {@code benignPerDevice + 5} values
 */
public record WorldSpec(long seed, int vendors, int operatorsPerVendor, int devices, List<String> countries,
                        double targetedShare, double exposureShare, double nameCollisionShare, double attemptedShare,
                        double secondExtractionShare, double feedCoverage, int benignPerDevice) {
    public WorldSpec {
        Objects.requireNonNull(countries, "countries");
        countries = List.copyOf(countries);
        if (vendors != 2) throw new IllegalArgumentException("the simulator models exactly two vendors (an iOS and an Android tool)");
        if (operatorsPerVendor < 2) throw new IllegalArgumentException("need at least two operators per vendor, got " + operatorsPerVendor);
        if (devices < 1) throw new IllegalArgumentException("need at least one device, got " + devices);
        if (countries.size() < 2) throw new IllegalArgumentException("need at least two countries, got " + countries);
        share("targetedShare", targetedShare);
        share("exposureShare", exposureShare);
        share("nameCollisionShare", nameCollisionShare);
        share("attemptedShare", attemptedShare);
        share("secondExtractionShare", secondExtractionShare);
        share("feedCoverage", feedCoverage);
        if (targetedShare + exposureShare > 1) throw new IllegalArgumentException("targeted and exposure shares add up to more than 1");
        if (benignPerDevice < 0) throw new IllegalArgumentException("benignPerDevice must not be negative");
    }

    private static void share(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(name + " must be between 0 and 1, got " + v);
    }

    /**
     * The default "hard" world: five operators per vendor across six countries (one operator in two
     * countries, two operators of one vendor in the same country), 30 % of phones targeted, 5 %
     * exposure-only journalists, 2 % name collisions, 15 % attempted-only targets, 3 % examined twice,
     * 60 % of operator infrastructure published, 45 benign values per phone.
     */
    public static WorldSpec hard(long seed, int devices) {
        return new WorldSpec(seed, 2, 5, devices, List.of("ES", "FR", "MX", "HU", "MA", "IN"),
                0.30, 0.05, 0.02, 0.15, 0.03, 0.60, 45);
    }

    public WorldSpec withSeed(long s) {
        return new WorldSpec(s, vendors, operatorsPerVendor, devices, countries, targetedShare, exposureShare,
                nameCollisionShare, attemptedShare, secondExtractionShare, feedCoverage, benignPerDevice);
    }

    public WorldSpec withDevices(int n) {
        return new WorldSpec(seed, vendors, operatorsPerVendor, n, countries, targetedShare, exposureShare,
                nameCollisionShare, attemptedShare, secondExtractionShare, feedCoverage, benignPerDevice);
    }

    public WorldSpec withOperatorsPerVendor(int k) {
        return new WorldSpec(seed, vendors, k, devices, countries, targetedShare, exposureShare,
                nameCollisionShare, attemptedShare, secondExtractionShare, feedCoverage, benignPerDevice);
    }

    public WorldSpec withCountries(List<String> c) {
        return new WorldSpec(seed, vendors, operatorsPerVendor, devices, c, targetedShare, exposureShare,
                nameCollisionShare, attemptedShare, secondExtractionShare, feedCoverage, benignPerDevice);
    }
}
