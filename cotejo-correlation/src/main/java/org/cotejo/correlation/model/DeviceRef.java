package org.cotejo.correlation.model;

import java.util.Objects;

/**
 * One device as correlation names it.
 *
 * @param id       stable identity: the extraction's own identifier (UDID, serial number, Android id), or
 *                 the case's device id; two extractions of one phone share it
 * @param label    how a person refers to it: the case label or pseudonym, else the folder name
 * @param group    the case or country it belongs to ("ES", "FR", a case reference); "" when not known
 * @param platform "ios", "android" or ""
 */
public record DeviceRef(String id, String label, String group, String platform) implements Comparable<DeviceRef> {
    public DeviceRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        group = group == null ? "" : group;
        platform = platform == null ? "" : platform;
    }

    @Override
    public int compareTo(DeviceRef o) {
        int c = group.compareTo(o.group);
        if (c != 0) return c;
        c = label.compareTo(o.label);
        return c != 0 ? c : id.compareTo(o.id);
    }
}
