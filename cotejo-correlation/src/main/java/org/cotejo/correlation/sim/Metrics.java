package org.cotejo.correlation.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.Observable;
import org.cotejo.correlation.model.EvidenceLevel;

/**
 * Judges a {@link Prediction} against the truth (issue 6, "Quality and scale"). Pure functions: the same
 * inputs give the same figures. Pair counts come from the contingency table of predicted groups against
 * true operators, so a 100,000-phone world is judged without enumerating its five billion pairs.
 */
public final class Metrics {
    /** log10 of 1,000: the lower bound of "strong support" on the ENFSI verbal scale. */
    public static final double STRONG_LOG10 = 3.0;

    private Metrics() {}

    /** Judges on the detected targets of a world and its true pivots. */
    public static QualityReport evaluate(Prediction p, Truth truth) {
        return evaluate(p, truth.operatorOfDetectedTargets(), truth.pivots());
    }

    /**
     * @param operatorOf the phones judged (device id → true operator); phones of the prediction outside it
     *                   are ignored except to count non-targets put in clusters
     * @param truePivots the values a pivot search should propose
     * @throws IllegalArgumentException when a device is in two predicted clusters
     */
    public static QualityReport evaluate(Prediction p, Map<String, String> operatorOf, Set<Observable> truePivots) {
        Map<String, Integer> groupOf = groups(p.clusters());
        long nonTargets = 0;
        for (Set<String> c : p.clusters()) {
            if (c.size() >= 2) nonTargets += c.stream().filter(d -> !operatorOf.containsKey(d)).count();
        }
        // Judged phones in no predicted cluster stand alone: each gets a group of its own.
        Map<String, Integer> group = new HashMap<>();
        int next = p.clusters().size();
        for (String d : operatorOf.keySet()) {
            Integer g = groupOf.get(d);
            group.put(d, g != null ? g : next++);
        }
        Map<Integer, Long> predictedSizes = new HashMap<>();
        Map<String, Long> trueSizes = new HashMap<>();
        Map<String, Long> cells = new HashMap<>();
        operatorOf.forEach((d, op) -> {
            int g = group.get(d);
            predictedSizes.merge(g, 1L, Long::sum);
            trueSizes.merge(op, 1L, Long::sum);
            cells.merge(g + "\u0000" + op, 1L, Long::sum);
        });
        long n = operatorOf.size();
        double sumCells = cells.values().stream().mapToDouble(Metrics::pairs).sum();
        double sumPredicted = predictedSizes.values().stream().mapToDouble(Metrics::pairs).sum();
        double sumTrue = trueSizes.values().stream().mapToDouble(Metrics::pairs).sum();
        double bPrecision = 0;
        double bRecall = 0;
        for (Map.Entry<String, Long> cell : cells.entrySet()) {
            String key = cell.getKey();
            int g = Integer.parseInt(key.substring(0, key.indexOf('\u0000')));
            String op = key.substring(key.indexOf('\u0000') + 1);
            double nij = cell.getValue();
            bPrecision += nij * nij / predictedSizes.get(g);
            bRecall += nij * nij / trueSizes.get(op);
        }
        bPrecision = n == 0 ? 1 : bPrecision / n;
        bRecall = n == 0 ? 1 : bRecall / n;
        long different = (long) (pairs(n) - sumTrue);
        long scored = 0;
        long strong = 0;
        for (Map.Entry<DevicePair, Double> e : p.log10Lr().entrySet()) {
            String a = operatorOf.get(e.getKey().first());
            String b = operatorOf.get(e.getKey().second());
            if (a == null || b == null || a.equals(b)) continue;
            scored++;
            if (e.getValue() >= STRONG_LOG10) strong++;
        }
        long toolOnly = 0;
        for (Map.Entry<DevicePair, Set<EvidenceLevel>> e : p.linkedOn().entrySet()) {
            String a = operatorOf.get(e.getKey().first());
            String b = operatorOf.get(e.getKey().second());
            if (a == null || b == null || a.equals(b)) continue;
            boolean together = group.get(e.getKey().first()).equals(group.get(e.getKey().second()));
            if (together && !e.getValue().isEmpty() && e.getValue().stream().allMatch(l -> l == EvidenceLevel.TOOL)) toolOnly++;
        }
        return new QualityReport((int) n, trueSizes.size(), predictedSizes.size(),
                sumPredicted == 0 ? 1 : sumCells / sumPredicted, sumTrue == 0 ? 1 : sumCells / sumTrue,
                bPrecision, bRecall, f1(bPrecision, bRecall), ari(sumCells, sumPredicted, sumTrue, pairs(n)),
                recall(p.pivots(), truePivots), recall(truePivots, p.pivots()), different, scored, strong,
                (long) (sumPredicted - sumCells), toolOnly, !p.linkedOn().isEmpty(), nonTargets);
    }

    /** Adjusted Rand index (Hubert and Arabie 1985) of two partitions of the same devices. */
    public static double adjustedRandIndex(List<Set<String>> predicted, Map<String, String> truth) {
        return evaluate(Prediction.ofClusters(predicted), truth, Set.of()).adjustedRandIndex();
    }

    private static double ari(double index, double predicted, double truth, double all) {
        if (all == 0) return 1;
        double expected = predicted * truth / all;
        double max = (predicted + truth) / 2;
        // Both partitions all singletons, or both one group: identical, and the formula divides by zero.
        if (max == expected) return index == expected ? 1 : 0;
        return (index - expected) / (max - expected);
    }

    private static double pairs(double size) {
        return size * (size - 1) / 2;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Share of {@code expected} found in {@code proposed}, on type and value (raw text aside); 1 when nothing is expected. */
    private static double recall(Set<Observable> proposed, Set<Observable> expected) {
        if (expected.isEmpty()) return 1;
        Set<String> keys = new HashSet<>();
        proposed.forEach(o -> keys.add(o.type().key() + ":" + o.value()));
        return (double) expected.stream().filter(o -> keys.contains(o.type().key() + ":" + o.value())).count() / expected.size();
    }

    private static Map<String, Integer> groups(List<Set<String>> clusters) {
        Map<String, Integer> groupOf = new HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (String d : clusters.get(i)) {
                Integer before = groupOf.put(d, i);
                if (before != null) {
                    throw new IllegalArgumentException("device " + d + " is in predicted clusters " + before + " and " + i
                            + "; clusters must be disjoint (merge a phone's extractions under its device id)");
                }
            }
        }
        return groupOf;
    }
}
