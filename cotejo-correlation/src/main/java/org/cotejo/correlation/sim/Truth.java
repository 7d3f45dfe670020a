package org.cotejo.correlation.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cotejo.core.observable.Observable;

/**
 * The ground truth of a simulated world: who targeted which phone, with what, and which unknown values a
 * good pivot search should propose.
 *
 * @param vendors  the vendors and their tool traces
 * @param operators the operators and their infrastructure
 * @param devices  one per phone, sorted by device id
 * @param pivots   the true pivot values: operator infrastructure left out of the published feed and seen
 *                 on at least two detected targets (a value seen once cannot be shared, so no method
 *                 could propose it from the phones alone), sorted
 */
public record Truth(List<Vendor> vendors, List<Operator> operators, List<DeviceTruth> devices, Set<Observable> pivots) {
    public Truth {
        vendors = List.copyOf(vendors);
        operators = List.copyOf(operators);
        devices = List.copyOf(devices);
        pivots = Collections.unmodifiableSet(new TreeSet<>(pivots));
    }

    /** Device id → its truth, sorted by device id. */
    public Map<String, DeviceTruth> byDevice() {
        Map<String, DeviceTruth> m = new TreeMap<>();
        devices.forEach(d -> m.put(d.deviceId(), d));
        return m;
    }

    /** Extraction label → the device id it was taken from. */
    public Map<String, String> deviceOfExtraction() {
        Map<String, String> m = new TreeMap<>();
        devices.forEach(d -> d.extractions().forEach(x -> m.put(x, d.deviceId())));
        return m;
    }

    /**
     * The population clustering is judged on: targeted phones that Cotejo's verdict rule can see (at least
     * one extraction infected, attempted or inconclusive with evidence), device id → operator, sorted.
     */
    public Map<String, String> operatorOfDetectedTargets() {
        Map<String, String> m = new LinkedHashMap<>();
        devices.stream().filter(d -> d.targeted() && d.detected()).forEach(d -> m.put(d.deviceId(), d.operator()));
        return m;
    }

    public Optional<Operator> operator(String id) {
        return operators.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public Optional<Vendor> vendor(String id) {
        return vendors.stream().filter(v -> v.id().equals(id)).findFirst();
    }
}
