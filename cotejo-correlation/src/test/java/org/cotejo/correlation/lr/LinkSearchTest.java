package org.cotejo.correlation.lr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.Worlds;
import org.cotejo.correlation.infra.InfraProfiles;
import org.cotejo.correlation.level.LevelResolver;
import org.cotejo.correlation.sim.World;
import org.cotejo.correlation.sim.WorldGenerator;
import org.cotejo.correlation.sim.WorldSpec;
import org.cotejo.correlation.specificity.DeviceMerger;
import org.cotejo.correlation.specificity.ValueIndex;
import org.junit.jupiter.api.Test;

/** Weighing only a spanning set of pairs must give the clusters that weighing every candidate pair gives. */
class LinkSearchTest {
    @Test
    void theSpanningSearchFindsTheSameGroupsAsWeighingEveryCandidatePair() {
        World w = WorldGenerator.generate(WorldSpec.hard(11, 900));
        for (CorrelationOptions o : new CorrelationOptions[] {Worlds.PRIORS, CorrelationOptions.defaults()}) {
            ValueIndex values = new ValueIndex(DeviceMerger.merge(w.devices()), new LevelResolver(o.feedLevels()), o.warningLists(),
                    o.fanOutCap(), Map.of(), Map.of(), o.pivotBackground(), o.pivotLift());
            InfraProfiles infra = new InfraProfiles(values, w.enrichment(), o.hostingDomains(), o.fanOutCap());
            PairEvaluator evaluator = new PairEvaluator(values, infra, o.calibration(), o.burstDays(), o.backgroundWeight(), o.maxLog10());

            CandidatePairs all = new CandidatePairs(values, infra, false);
            int[] everyPair = new int[values.deviceCount()];
            for (int i = 0; i < everyPair.length; i++) everyPair[i] = i;
            for (int i = 0; i < all.size(); i++) {
                if (evaluator.evaluate(all.first(i), all.second(i)).log10Lr() + 1e-9 >= o.linkLog10()) union(everyPair, all.first(i), all.second(i));
            }
            LinkSearch.Result found = LinkSearch.search(values, infra, evaluator, o.calibration(), o.linkLog10(), o.combinationFanOut());
            int[] spanning = new int[values.deviceCount()];
            for (int i = 0; i < spanning.length; i++) spanning[i] = i;
            for (int i = 0; i < found.scores().length; i++) if (found.links()[i]) union(spanning, found.first()[i], found.second()[i]);

            assertThat(groups(spanning, values)).isEqualTo(groups(everyPair, values));
            assertThat(found.scores().length).as("pairs weighed").isLessThan(all.size());
            assertThat(found.scores()).allSatisfy(s -> assertThat(s.log10Lr()).isGreaterThanOrEqualTo(0));
        }
    }

    private static TreeSet<String> groups(int[] parent, ValueIndex values) {
        Map<Integer, TreeSet<String>> byRoot = new TreeMap<>();
        for (int d = 0; d < parent.length; d++) byRoot.computeIfAbsent(find(parent, d), k -> new TreeSet<>()).add(values.device(d).device().id());
        TreeSet<String> out = new TreeSet<>();
        byRoot.values().forEach(g -> out.add(g.toString()));
        return out;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) i = p[i] = p[p[i]];
        return i;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a), rb = find(p, b);
        if (ra != rb) p[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
