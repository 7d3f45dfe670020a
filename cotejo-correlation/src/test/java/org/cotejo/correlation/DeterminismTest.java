package org.cotejo.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.cluster.Link;
import org.cotejo.correlation.enrich.Enrichment;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.correlation.pivot.Pivot;
import org.junit.jupiter.api.Test;

/** Relabelling devices and reordering devices and sightings must change nothing but the labels. */
class DeterminismTest {
    @Test
    void relabellingAndReorderingInputsDoesNotChangeClustersLinksOrPivots() {
        SyntheticWorld world = new SyntheticWorld(7, 6, 8, 120, 12);
        CorrelationResult base = Correlator.correlate(world.devices, Enrichment.none(), CorrelationOptions.defaults());
        assertThat(base.clusters()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(base.pivots()).isNotEmpty();

        for (long seed = 1; seed <= 5; seed++) {
            Random rnd = new Random(seed);
            Map<String, String> rename = new HashMap<>();
            List<DeviceEvidence> shuffled = new ArrayList<>();
            for (DeviceEvidence d : world.devices) {
                String newId = "x" + Integer.toHexString(rnd.nextInt()) + d.device().id().hashCode();
                rename.put(newId, d.device().id());
                List<Sighting> s = new ArrayList<>(d.sightings());
                Collections.shuffle(s, rnd);
                DeviceRef ref = new DeviceRef(newId, "label-" + rnd.nextInt(1000), d.device().group(), d.device().platform());
                shuffled.add(new DeviceEvidence(ref, d.verdict(), s, d.sources()));
            }
            Collections.shuffle(shuffled, rnd);
            CorrelationResult other = Correlator.correlate(shuffled, Enrichment.none(), CorrelationOptions.defaults());

            assertThat(clusters(other, rename)).isEqualTo(clusters(base, Map.of()));
            assertThat(links(other, rename)).isEqualTo(links(base, Map.of()));
            assertThat(pivots(other, rename)).isEqualTo(pivots(base, Map.of()));
        }
    }

    private static String id(DeviceRef d, Map<String, String> rename) {
        return rename.getOrDefault(d.id(), d.id());
    }

    private static TreeSet<String> clusters(CorrelationResult r, Map<String, String> rename) {
        TreeSet<String> out = new TreeSet<>();
        for (Cluster c : r.clusters()) {
            TreeSet<String> ds = new TreeSet<>();
            for (DeviceRef d : c.devices()) ds.add(id(d, rename));
            out.add(c.id() + " " + ds + " " + c.log10Lr() + " " + c.counts() + " " + c.infrastructure() + " " + c.firstSeen()
                    + " " + c.exposed().stream().map(e -> id(e.device(), rename) + e.values()).sorted().toList());
        }
        return out;
    }

    private static TreeSet<String> links(CorrelationResult r, Map<String, String> rename) {
        TreeSet<String> out = new TreeSet<>();
        for (Link l : r.links()) {
            String a = id(l.a(), rename), b = id(l.b(), rename);
            out.add((a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a) + " " + l.link() + " " + l.score().log10Lr() + " " + l.score().items());
        }
        return out;
    }

    private static TreeSet<String> pivots(CorrelationResult r, Map<String, String> rename) {
        TreeSet<String> out = new TreeSet<>();
        for (Pivot p : r.pivots()) {
            out.add(p.type() + ":" + p.value() + " " + p.status() + " " + new TreeSet<>(p.devices().stream().map(d -> id(d, rename)).toList())
                    + " " + p.clusters() + " " + p.backgroundDevices());
        }
        return out;
    }
}
