package org.cotejo.correlation.pivot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.cotejo.core.observable.Observable;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.correlation.specificity.Exclusion;
import org.cotejo.correlation.specificity.ValueIndex;
import org.cotejo.correlation.specificity.ValueRole;

/**
 * Proposes pivots: values in no feed (unknown), not warning-listed and under the fan-out cap, of a type
 * an operator sets up (domains, URLs, addresses, e-mail accounts, server certificates), shown by at least
 * two targeted devices and by almost no background device. Confirmed and rejected pivots are listed with
 * their decisions. Tool-level types (process names, paths) are never proposed: sharing them says
 * nothing about the operator.
 */
public final class PivotFinder {
    private PivotFinder() {}

    /**
     * @param decisions          decisions by {@link PivotDecision#key()}
     * @param clusterOfDevice    device id → cluster id, for devices in clusters
     */
    public static List<Pivot> find(ValueIndex values, Map<String, PivotDecision> decisions, Map<String, String> clusterOfDevice) {
        List<Pivot> out = new ArrayList<>();
        for (int v = 0; v < values.valueCount(); v++) {
            ValueRole role = values.valueRole(v);
            Pivot.Status status = null;
            if (values.isPivotCandidate(v)) {
                status = Pivot.Status.CANDIDATE;
            } else if (role == ValueRole.LINKING && "pivot".equals(values.level(v).basis())) {
                status = Pivot.Status.CONFIRMED;
            } else if (role == ValueRole.EXCLUDED && values.exclusion(v).reason() == Exclusion.Reason.REJECTED_PIVOT) {
                status = Pivot.Status.REJECTED;
            }
            if (status != null) out.add(pivot(values, v, status, Optional.ofNullable(decisions.get(values.key(v))), clusterOfDevice));
        }
        out.sort(Comparator.comparing((Pivot p) -> p.status().ordinal()).thenComparing(p -> -p.devices().size())
                .thenComparing(Pivot::type).thenComparing(Pivot::value));
        return out;
    }

    private static Pivot pivot(ValueIndex values, int v, Pivot.Status status, Optional<PivotDecision> decision,
                               Map<String, String> clusterOfDevice) {
        Observable o = values.observable(v);
        List<DeviceRef> devices = new ArrayList<>();
        TreeSet<String> groups = new TreeSet<>(), clusters = new TreeSet<>();
        Instant first = null, last = null;
        String example = "";
        for (int d : values.targetedDevices(v)) {
            DeviceRef ref = values.device(d).device();
            devices.add(ref);
            groups.add(ref.group());
            String c = clusterOfDevice.get(ref.id());
            if (c != null) clusters.add(c);
            Sighting s = values.sighting(d, v);
            if (s.firstSeen() != null && (first == null || s.firstSeen().isBefore(first))) first = s.firstSeen();
            if (s.lastSeen() != null && (last == null || s.lastSeen().isAfter(last))) last = s.lastSeen();
        }
        devices.sort(Comparator.naturalOrder());
        for (int d : values.targetedDevices(v)) {
            if (values.device(d).device().equals(devices.get(0))) example = values.sighting(d, v).example();
        }
        int exposed = values.onDevices(v) - values.onTargeted(v) - values.onBackground(v);
        return new Pivot(o.type(), o.value(), status, decision, devices, new ArrayList<>(groups), values.onBackground(v), exposed,
                new ArrayList<>(clusters), first, last, example);
    }
}
