package org.cotejo.correlation.lr;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of the likelihood-ratio model: per kind of evidence, how often pairs share it under
 * each proposition. Every result carries the calibration it was computed with, so a reader can see
 * whether the numbers rest on the field's priors or on simulated worlds, and re-derive them.
 *
 * @param name       a short name ("default priors", "sim-hard-2025")
 * @param provenance how it was obtained: "default priors (attribution.md §1.7)" or "simulated worlds:
 *                   seeds …, world parameters …"
 * @param rates      one row per kind, in kind order
 */
public record Calibration(String name, String provenance, List<KindRate> rates) {
    public Calibration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provenance, "provenance");
        Map<FeatureKind, KindRate> byKind = new EnumMap<>(FeatureKind.class);
        for (KindRate r : rates) {
            if (byKind.put(r.kind(), r) != null) throw new IllegalArgumentException("two rows for " + r.kind().key());
        }
        for (FeatureKind k : FeatureKind.values()) {
            if (!byKind.containsKey(k)) throw new IllegalArgumentException("no row for " + k.key());
        }
        rates = List.copyOf(byKind.values());
    }

    /**
     * The field's priors (attribution.md §1.7): an attacker account very strong; a customer-specific
     * domain or URL, a dedicated IP, a server certificate, a registrant e-mail and a TLS key strong;
     * co-resolution moderately strong; custom name servers and registration bursts moderate; /24, ASN
     * and shared hosting weak; tool-level kinds 1.
     */
    public static Calibration defaultPriors() {
        List<KindRate> rows = new ArrayList<>();
        for (FeatureKind k : FeatureKind.values()) rows.add(KindRate.of(k, k.priorHp(), k.priorHd(), "default prior"));
        return new Calibration("default priors",
                "default priors from the field's practice (attribution.md §1.7), not estimated from data", rows);
    }

    /** Where the shipped calibration lives on the class path. */
    public static final String SHIPPED_RESOURCE = "/org/cotejo/correlation/lr/calibration.json";

    private static final class Shipped {
        static final Calibration INSTANCE = load();

        private static Calibration load() {
            try (java.io.InputStream in = Calibration.class.getResourceAsStream(SHIPPED_RESOURCE)) {
                if (in == null) throw new IllegalStateException("the build lost the resource " + SHIPPED_RESOURCE);
                return CalibrationJson.read(in, SHIPPED_RESOURCE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * The calibration shipped with Cotejo, estimated on simulated worlds (its provenance names the seeds and
     * the world parameters; {@code CalibrationRecipe} in the simulator regenerates it, and a test checks the
     * shipped file is what the recipe produces). The default of {@code CorrelationOptions}.
     */
    public static Calibration shipped() {
        return Shipped.INSTANCE;
    }

    public KindRate rate(FeatureKind kind) {
        // rates are in kind order and complete, so the ordinal is the index
        return rates.get(kind.ordinal());
    }

    public double lr(FeatureKind kind) {
        return rate(kind).lr();
    }
}
