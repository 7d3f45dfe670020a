package org.cotejo.correlation.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.specificity.ValueIndex;
import org.cotejo.correlation.specificity.ValueRole;

/**
 * A "same tool" statement: targeted devices showing tool-level traces of one tool (process names,
 * implant paths…). It is the most tool-level sharing can ever establish: every customer of a vendor
 * leaves the same traces, so it never links devices to one operator.
 *
 * @param threat    the tool as the feeds name it ("Pegasus"), or "unnamed tool"
 * @param values    the tool-level values, "type:value", sorted
 * @param devices   targeted devices showing at least one, sorted
 * @param groups    their groups, sorted
 * @param statement one sentence
 */
public record SameTool(String threat, List<String> values, List<DeviceRef> devices, List<String> groups, String statement) {
    public SameTool {
        values = List.copyOf(values);
        devices = List.copyOf(devices);
        groups = List.copyOf(groups);
    }

    /** One statement per tool over tool-level values seen on at least two targeted devices. */
    public static List<SameTool> of(ValueIndex index) {
        Map<String, TreeSet<String>> values = new TreeMap<>();
        Map<String, TreeSet<Integer>> devices = new TreeMap<>();
        for (int v = 0; v < index.valueCount(); v++) {
            if (index.valueRole(v) != ValueRole.TOOL || index.onTargeted(v) < 2) continue;
            TreeSet<String> threats = new TreeSet<>();
            for (MatchRef m : index.matchesOf(v)) if (!m.threat().isEmpty()) threats.add(m.threat());
            String threat = threats.isEmpty() ? "unnamed tool" : String.join(" / ", threats);
            values.computeIfAbsent(threat, k -> new TreeSet<>()).add(index.key(v));
            TreeSet<Integer> ds = devices.computeIfAbsent(threat, k -> new TreeSet<>());
            for (int d : index.targetedDevices(v)) ds.add(d);
        }
        List<SameTool> out = new ArrayList<>();
        for (String threat : values.keySet()) {
            List<DeviceRef> refs = new ArrayList<>();
            TreeSet<String> groups = new TreeSet<>();
            for (int d : devices.get(threat)) {
                refs.add(index.device(d).device());
                groups.add(index.device(d).device().group());
            }
            refs.sort(null);
            int n = values.get(threat).size();
            String statement = Explanation.byGroup(refs) + " — same tool (" + threat + "): " + n + " tool-level value" + (n == 1 ? "" : "s")
                    + " shared; this says which spyware, not which operator, and supports no link.";
            out.add(new SameTool(threat, new ArrayList<>(values.get(threat)), refs, new ArrayList<>(groups), statement));
        }
        return out;
    }
}
