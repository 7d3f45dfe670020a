package org.cotejo.correlation.specificity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value (or an infrastructure key) that could have linked devices but was excluded, with the reason:
 * the explicit exclusion state MISP and OpenCTI users asked for.
 *
 * @param key             "domain:www.google.com", or an infrastructure key ("reg:…", "res:…")
 * @param exclusion       why
 * @param devices         devices showing it (for a key: targeted devices whose values have it)
 * @param targetedDevices targeted devices showing it
 */
public record ExcludedValue(String key, Exclusion exclusion, int devices, int targetedDevices) {
    public ExcludedValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(exclusion, "exclusion");
    }

    /**
     * The excluded values worth reporting (matched by an indicator, or on at least two targeted devices)
     * and the excluded infrastructure keys, sorted by key.
     */
    public static List<ExcludedValue> report(ValueIndex index, Map<String, String> excludedKeys, Map<String, Integer> keySpread) {
        List<ExcludedValue> out = new ArrayList<>();
        for (int v : index.excludedValues()) {
            if (index.matchesOf(v).isEmpty() && index.onTargeted(v) < 2) continue;
            out.add(new ExcludedValue(index.key(v), index.exclusion(v), index.onDevices(v), index.onTargeted(v)));
        }
        excludedKeys.forEach((k, why) -> {
            int n = keySpread.getOrDefault(k, 0);
            out.add(new ExcludedValue("infrastructure " + k, new Exclusion(Exclusion.Reason.FAN_OUT, why), n, n));
        });
        out.sort(java.util.Comparator.comparing(ExcludedValue::key));
        return out;
    }

}
