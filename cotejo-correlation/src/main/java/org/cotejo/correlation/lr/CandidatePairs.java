package org.cotejo.correlation.lr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.correlation.infra.InfraFact;
import org.cotejo.correlation.infra.InfraProfiles;
import org.cotejo.correlation.specificity.DeviceRole;
import org.cotejo.correlation.specificity.ValueIndex;
import org.cotejo.correlation.specificity.ValueRole;

/**
 * The pairs of targeted devices worth weighing: those sharing a linking value or a non-weak
 * infrastructure key, found through the inverted index, never by trying all pairs. The work is the sum
 * over keys of (devices on the key)², bounded by the fan-out cap (values and keys over it are gone already); tool-level and weak keys (a process
 * name, an ASN) never create a pair, since on their own they cannot support a link.
 */
public final class CandidatePairs {
    private final long[] pairs;

    /**
     * @param includeWeak also pair devices through weak keys (/24, ASN, hosting): the calibrator needs them
     *                    to count how often such features occur (tool-level values never pair devices:
     *                    their ratio is 1 by definition, so nothing needs counting)
     */
    public CandidatePairs(ValueIndex values, InfraProfiles infra, boolean includeWeak) {
        PairSet set = new PairSet();
        for (int v = 0; v < values.valueCount(); v++) {
            ValueRole role = values.valueRole(v);
            if (role == ValueRole.LINKING) addAll(set, values, v);
        }
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int d = 0; d < values.deviceCount(); d++) {
            if (values.role(d) != DeviceRole.TARGETED) continue;
            String last = null;
            for (InfraFact f : infra.of(d)) {
                if (f.key().equals(last) || !(includeWeak || f.createsCandidates())) continue;
                last = f.key();
                postings.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(d);
            }
        }
        for (List<Integer> ds : postings.values()) {
            for (int i = 0; i < ds.size(); i++) for (int j = i + 1; j < ds.size(); j++) set.add(PairSet.pack(ds.get(i), ds.get(j)));
        }
        pairs = set.sorted();
    }

    private static void addAll(PairSet set, ValueIndex values, int v) {
        int n = values.postingSize(v);
        for (int i = 0; i < n; i++) {
            int a = values.posting(v, i);
            for (int j = i + 1; j < n; j++) set.add(PairSet.pack(a, values.posting(v, j)));
        }
    }

    public int size() { return pairs.length; }

    public int first(int i) { return PairSet.first(pairs[i]); }

    public int second(int i) { return PairSet.second(pairs[i]); }
}
