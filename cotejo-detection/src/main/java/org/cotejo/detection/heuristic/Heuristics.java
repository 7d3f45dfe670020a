package org.cotejo.detection.heuristic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The heuristics on the class path, sorted by id. */
public final class Heuristics {
    private Heuristics() {}

    public static List<Heuristic> installed() {
        List<Heuristic> out = new ArrayList<>();
        ServiceLoader.load(Heuristic.class, Heuristics.class.getClassLoader()).forEach(out::add);
        out.sort(Comparator.comparing(Heuristic::id));
        return List.copyOf(out);
    }
}
