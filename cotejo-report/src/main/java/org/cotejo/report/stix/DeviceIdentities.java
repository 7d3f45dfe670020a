package org.cotejo.report.stix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cotejo.correlation.model.DeviceRef;

/**
 * The devices of a bundle as {@code identity} objects named by their pseudonym. Only devices the
 * bundle speaks of (a sighting, a hypothesis) get one. The id is derived from the report id, the
 * group and the pseudonym, never from the device's own identifier (UDID, serial number): a name-based
 * id of a real identifier could be recomputed by anyone holding a list of candidates.
 */
final class DeviceIdentities {
    private final StixObjects stix;
    private final String reportId;
    private final Map<String, ObjectNode> byKey = new TreeMap<>();

    DeviceIdentities(StixObjects stix, String reportId) {
        this.stix = stix;
        this.reportId = reportId;
    }

    /** The identity id of a device, creating its object on first use. */
    String idOf(DeviceRef device) {
        String key = device.group() + '\u0000' + device.label();
        return byKey.computeIfAbsent(key, k -> identity(device)).path("id").asText();
    }

    private ObjectNode identity(DeviceRef device) {
        ObjectNode o = stix.sdo("identity", StixObjects.id("identity", "device|" + reportId + "|" + device.group() + "|" + device.label()));
        o.put("name", device.label());
        o.put("description", "Device examined under the pseudonym " + device.label()
                + (device.group().isEmpty() ? "" : ", in group " + device.group())
                + (device.platform().isEmpty() ? "" : " (" + device.platform() + ")")
                + ". The pseudonym stands for the device and its user; their identity is in the case file, not here.");
        // The vocabulary has no class for a phone; the pseudonym stands for the person targeted through it.
        o.put("identity_class", "individual");
        return o;
    }

    /** The identity objects, by group then pseudonym. */
    List<ObjectNode> objects() {
        return new ArrayList<>(byKey.values());
    }
}
