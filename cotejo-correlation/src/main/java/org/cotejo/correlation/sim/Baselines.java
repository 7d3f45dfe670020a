package org.cotejo.correlation.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.model.Sighting;

/**
 * Reference predictors that run the benchmark without the correlator, to show what the metrics say
 * about known behaviour: the truth itself (every figure at its best), and MISP-style single linkage on
 * shared matched values, of every level or of operator level only. They are yardsticks, not correlators.
 */
public final class Baselines {
    private Baselines() {}

    /** The true operators of the detected targets, as clusters. */
    public static Function<World, Prediction> truth() {
        return w -> {
            Map<String, Set<String>> byOperator = new TreeMap<>();
            w.truth().operatorOfDetectedTargets().forEach((d, op) -> byOperator.computeIfAbsent(op, k -> new TreeSet<>()).add(d));
            return new Prediction(new ArrayList<>(byOperator.values()), Map.of(), Map.of(), w.truth().pivots());
        };
    }

    /** Single linkage of targeted phones sharing any value an indicator matched as evidence (tool level included). */
    public static Function<World, Prediction> sharedMatches() {
        return w -> singleLinkage(w, s -> true);
    }

    /** Single linkage of targeted phones sharing a matched value of operator level (by its type's default). */
    public static Function<World, Prediction> sharedOperatorMatches() {
        return w -> singleLinkage(w, s -> EvidenceLevel.defaultFor(s.value().type()) == EvidenceLevel.OPERATOR);
    }

    private static Prediction singleLinkage(World w, Predicate<Sighting> counts) {
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (DeviceEvidence e : w.devices()) {
            if (e.targeted() && index.putIfAbsent(e.device().id(), ids.size()) == null) ids.add(e.device().id());
        }
        int[] parent = new int[ids.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        Map<String, Integer> firstHolder = new HashMap<>();
        for (DeviceEvidence e : w.devices()) {
            if (!e.targeted()) continue;
            int me = index.get(e.device().id());
            for (Sighting s : e.sightings()) {
                if (!s.isEvidence() || !counts.test(s)) continue;
                Integer other = firstHolder.putIfAbsent(s.value().type().key() + ":" + s.value().value(), me);
                if (other != null) parent[find(parent, me)] = find(parent, other);
            }
        }
        Map<Integer, Set<String>> groups = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) groups.computeIfAbsent(find(parent, i), k -> new TreeSet<>()).add(ids.get(i));
        return Prediction.ofClusters(new ArrayList<>(groups.values()));
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
