package org.cotejo.correlation.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.Correlator;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.cluster.Link;
import org.cotejo.correlation.lr.CountedItem;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.pivot.Pivot;

/** The correlator as the benchmark and the calibration judge it: a world in, its clusters, pair scores and pivots out. */
public final class CorrelatorPredictor implements Function<World, Prediction>, CorrelationBenchmark.Stage {
    private final CorrelationOptions options;

    public CorrelatorPredictor(CorrelationOptions options) {
        this.options = options;
    }

    @Override
    public Prediction apply(World world) {
        return of(Correlator.correlate(world.devices(), world.enrichment(), options));
    }

    /**
     * The correlator after simulated pivot confirmation: a first run proposes pivots, the
     * {@link SimulatedAnalyst} decides them from the truth, and the second run (the one timed) correlates with
     * the decisions.
     */
    public static CorrelationBenchmark.Predictor confirmingPivots(CorrelationOptions options) {
        return new CorrelationBenchmark.Predictor("cotejo correlator, pivots confirmed by a simulated analyst (second run timed)", world -> {
            CorrelationResult first = Correlator.correlate(world.devices(), world.enrichment(), options);
            CorrelationOptions decided = options.withPivotDecisions(SimulatedAnalyst.decide(first.pivots(), world.truth()));
            return new CorrelatorPredictor(decided);
        });
    }

    /** The correlator before any pivot is confirmed, then after simulated confirmation: the two figures to report. */
    public static List<CorrelationBenchmark.Predictor> beforeAndAfterConfirmation(CorrelationOptions options) {
        CorrelatorPredictor plain = new CorrelatorPredictor(options);
        return List.of(new CorrelationBenchmark.Predictor("cotejo correlator, no pivot confirmed", w -> plain),
                confirmingPivots(options));
    }

    @Override
    public Prediction predict(World world) {
        return apply(world);
    }

    /** Weighs the pairs as {@link Correlator#compareAll} does, with these options. */
    @Override
    public Map<DevicePair, Double> weigh(World world, List<DevicePair> pairs) {
        List<String[]> ids = pairs.stream().map(p -> new String[] {p.first(), p.second()}).toList();
        List<org.cotejo.correlation.lr.PairScore> scores = Correlator.compareAll(world.devices(), world.enrichment(), options, ids);
        Map<DevicePair, Double> out = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) out.put(pairs.get(i), scores.get(i).log10Lr());
        return out;
    }

    /** The prediction a correlation result makes. */
    public static Prediction of(CorrelationResult r) {
        List<Set<String>> clusters = new ArrayList<>();
        for (Cluster c : r.clusters()) {
            Set<String> ids = new HashSet<>();
            for (DeviceRef d : c.devices()) ids.add(d.id());
            clusters.add(ids);
        }
        Map<DevicePair, Double> lr = new HashMap<>();
        Map<DevicePair, Set<EvidenceLevel>> on = new HashMap<>();
        for (Link l : r.links()) {
            DevicePair p = DevicePair.of(l.a().id(), l.b().id());
            lr.put(p, l.score().log10Lr());
            if (l.link()) {
                Set<EvidenceLevel> levels = EnumSet.noneOf(EvidenceLevel.class);
                for (CountedItem i : l.score().items()) if (i.counted() && i.item().lr() > 1) levels.add(i.item().level());
                on.put(p, levels);
            }
        }
        Set<org.cotejo.core.observable.Observable> pivots = new HashSet<>();
        for (Pivot p : r.pivots()) pivots.add(new org.cotejo.core.observable.Observable(p.type(), p.value(), p.value()));
        return new Prediction(clusters, lr, on, pivots);
    }
}
