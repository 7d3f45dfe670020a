package org.cotejo.report.exchange;

import java.util.regex.Pattern;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.sim.DeviceEvidenceJson;
import org.cotejo.report.model.DeviceEntry;

/**
 * The two payload files of one device, named after its pseudonym: {@code devices/<name>.device-evidence.json}
 * and {@code devices/<name>.findings.json}. Give them what {@link SharingFilter} returned, never a
 * device's unfiltered evidence.
 */
public final class DevicePayload {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private DevicePayload() {}

    public static PackageFile evidence(DeviceEvidence shared) {
        return PackageFile.of("devices/" + stem(shared.device()) + ".device-evidence.json", PackageFile.ROLE_DEVICE_EVIDENCE,
                DeviceEvidenceJson.toBytes(shared));
    }

    public static PackageFile findings(DeviceEntry shared) {
        return PackageFile.of("devices/" + stem(shared.ref()) + ".findings.json", PackageFile.ROLE_DEVICE_FINDINGS,
                DeviceFindingsJson.toBytes(shared));
    }

    /**
     * The file name's stem: the label with anything but letters, digits, '.', '_' and '-' replaced by
     * '_'; when that changed the label (two labels could then meet), the pseudonymous id is appended.
     */
    static String stem(DeviceRef d) {
        String safe = UNSAFE.matcher(d.label()).replaceAll("_");
        if (safe.isEmpty() || safe.startsWith(".")) safe = "device" + safe;
        return safe.equals(d.label()) ? safe : safe + "-" + UNSAFE.matcher(d.id()).replaceAll("_");
    }
}
