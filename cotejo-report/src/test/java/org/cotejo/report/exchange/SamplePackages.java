package org.cotejo.report.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.cases.custody.InstallationKey;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.sim.World;
import org.cotejo.report.SampleReports;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.Report;

/** Exchange packages made the way `case export` makes them: one group's devices, shared through the filter, signed. */
public final class SamplePackages {
    private SamplePackages() {}

    public static final Instant CREATED = Instant.parse("2026-11-28T09:00:00Z");

    /** The FR side of {@link SampleReports#twoCountries()}'s world as France would send it to Spain. */
    public static PackageWriter.Written france(InstallationKey key, Path out) throws IOException {
        World world = SampleReports.world(7, 40);
        Report report = SampleReports.of(world, "fr");
        SharingFilter filter = new SharingFilter(Tlp.AMBER, Pseudonyms.keyed(key, "case-fr"));
        List<PackageFile> files = new ArrayList<>();
        for (DeviceEvidence d : world.devices()) {
            if (!d.device().group().equals("FR")) continue;
            DeviceEvidence shared = filter.evidence(d);
            files.add(DevicePayload.evidence(shared));
        }
        for (DeviceEntry e : report.devices()) {
            if (!e.ref().group().equals("FR")) continue;
            DeviceEntry shared = filter.entry(e);
            files.add(DevicePayload.findings(shared));
        }
        files.add(PackageFile.of("feeds/" + world.feed().fileName(), PackageFile.ROLE_FEED, world.feed().stix()));
        var header = new PackageHeader("ANSSI", "CCN-CERT", Tlp.AMBER, CREATED, "case-fr", "FR-2024", "Tribunal judiciaire de Paris 24/001",
                "European Investigation Order EIO-2024-118", "0.1.0-test");
        return PackageWriter.write(header, files, key, out);
    }
}
