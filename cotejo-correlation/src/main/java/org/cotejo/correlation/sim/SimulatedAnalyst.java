package org.cotejo.correlation.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cotejo.core.observable.Observable;
import org.cotejo.correlation.pivot.Pivot;
import org.cotejo.correlation.pivot.PivotDecision;

/**
 * The analyst the benchmark simulates between two correlation runs (issue 6: a pivot "counts as proof only
 * after an analyst confirms" it). It decides every candidate of the first run from the truth: a value some
 * operator set up (a domain or attacker account) is confirmed, anything else rejected. A real analyst
 * decides from what the candidate listing shows (devices, background spread, enrichment) and can err; this
 * one never does, so the confirmed run shows what pivoting can reach, not what a given analyst will.
 */
public final class SimulatedAnalyst {
    /** The analyst's name in every decision. */
    public static final String NAME = "simulated analyst (benchmark)";
    private static final Instant WHEN = InfrastructureGenerator.day(InfrastructureGenerator.AS_OF);

    private SimulatedAnalyst() {}

    /** One decision per candidate, in the candidates' order. */
    public static List<PivotDecision> decide(List<Pivot> pivots, Truth truth) {
        Set<String> operatorValues = new HashSet<>();
        for (Operator o : truth.operators()) for (Observable v : o.infrastructure()) operatorValues.add(v.type().key() + ":" + v.value());
        List<PivotDecision> out = new ArrayList<>();
        for (Pivot p : pivots) {
            if (p.status() != Pivot.Status.CANDIDATE) continue;
            boolean theirs = operatorValues.contains(p.type().key() + ":" + p.value());
            out.add(new PivotDecision(p.value(), p.type(), theirs ? PivotDecision.Decision.CONFIRMED : PivotDecision.Decision.REJECTED,
                    NAME, WHEN, theirs ? "operator infrastructure in the simulation's truth" : "not operator infrastructure in the simulation's truth"));
        }
        return out;
    }
}
