package org.cotejo.report.assemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.report.exchange.ReceivedPackage;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.FeedEntry;
import org.cotejo.report.model.Side;

/**
 * A verified exchange package as one side of a report: the sender's devices, inventory, findings and feeds
 * exactly as sent, only regrouped under the group named on the command line. The package has no ledger of
 * ours; its signer and manifest hash stand in for custody.
 */
public final class PackageSide {
    private PackageSide() {}

    public static SideMaterial of(String group, String source, ReceivedPackage p) {
        String g = (group == null || group.isEmpty() ? p.reference() : group).toUpperCase(Locale.ROOT);
        List<DeviceEvidence> devices = new ArrayList<>();
        for (DeviceEvidence e : p.devices()) devices.add(new DeviceEvidence(regroup(e.device(), g), e.verdict(), e.sightings(), e.sources()));
        List<DeviceEntry> entries = new ArrayList<>();
        for (DeviceEntry d : p.entries()) {
            entries.add(new DeviceEntry(regroup(d.ref(), g), d.verdict(), d.rule(), d.reasons(), d.evidence(), d.findings(), d.timeline()));
        }
        List<FeedEntry> feeds = new ArrayList<>();
        for (FeedEntry f : p.feeds()) {
            feeds.add(new FeedEntry(f.name(), f.sha256(), f.format(), "received from " + p.sender() + (f.source().isEmpty() ? "" : " (" + f.source() + ")"),
                    f.date(), f.indicators(), f.level()));
        }
        String sender = "key " + p.keyId() + ": signature and the SHA-256 of every file verified (manifest " + p.manifestSha256() + ")";
        Side side = new Side(g, "package", source, p.caseId(), p.caseName(), p.sender(), p.reference(), "", sender, null);
        return new SideMaterial(side, devices, entries, feeds);
    }

    private static DeviceRef regroup(DeviceRef d, String group) {
        return new DeviceRef(d.id(), d.label(), group, d.platform());
    }
}
