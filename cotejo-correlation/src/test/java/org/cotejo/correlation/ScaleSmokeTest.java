package org.cotejo.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.enrich.Enrichment;
import org.junit.jupiter.api.Test;

/**
 * A small scale check that stays in the suite: 2,000 devices × 50 values. The 100,000-device figures
 * come from the same world with {@code -Dcotejo.correlation.devices=100000} (see docs/correlation.md).
 */
class ScaleSmokeTest {
    @Test
    void twoThousandDevicesCorrelateQuicklyAndEachClusterHoldsOneOperator() {
        int devices = Integer.getInteger("cotejo.correlation.devices", 2_000);
        int operators = Math.max(4, devices / 100);
        int targets = devices / 5 / operators;
        SyntheticWorld world = new SyntheticWorld(42, operators, targets, devices - operators * targets, 50);

        long start = System.nanoTime();
        CorrelationResult r = Correlator.correlate(world.devices, Enrichment.none(), CorrelationOptions.defaults());
        long ms = (System.nanoTime() - start) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("correlated %d devices (%d operators x %d targets) in %d ms: %d pairs, %d links, %d clusters, %d pivots;"
                        + " heap used %d MB%n", world.devices.size(), operators, targets, ms, r.links().size(), r.linkCount(),
                r.clusters().size(), r.pivots().size(), (rt.totalMemory() - rt.freeMemory()) >> 20);

        // A target whose only operator domain no other target shows stays alone, so an operator may
        // yield a cluster smaller than its targets; but no cluster may hold two operators.
        TreeSet<String> clustered = new TreeSet<>();
        for (Cluster c : r.clusters()) {
            TreeSet<String> ops = new TreeSet<>();
            c.devices().forEach(d -> ops.add(world.operatorOf.get(d.id())));
            assertThat(ops.size()).as("operators in cluster %s", c.id()).isEqualTo(1);
            clustered.addAll(ops);
        }
        assertThat(clustered).hasSize(operators);
        if (devices <= 2_000) assertThat(ms).isLessThan(30_000);
    }
}
