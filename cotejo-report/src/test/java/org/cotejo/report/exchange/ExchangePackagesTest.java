package org.cotejo.report.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.cases.custody.InstallationKey;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.Correlator;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.sim.World;
import org.cotejo.report.SampleReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangePackagesTest {
    @TempDir
    Path tmp;

    @Test
    void aReceivedPackageGivesTheSendersDevicesFindingsAndFeedsWithTheirProvenance() throws Exception {
        InstallationKey key = InstallationKey.open(tmp.resolve("keys"));
        var written = SamplePackages.france(key, tmp.resolve("fr-package"));
        ReceivedPackage p = ExchangePackages.open(written.folder());

        World world = SampleReports.world(7, 40);
        long fr = world.devices().stream().filter(d -> d.device().group().equals("FR")).count();
        assertThat(p.sender()).isEqualTo("ANSSI");
        assertThat(p.recipient()).isEqualTo("CCN-CERT");
        assertThat(p.tlp()).isEqualTo("amber");
        assertThat(p.keyId()).isEqualTo(key.keyId());
        assertThat(p.manifestSha256()).isEqualTo(written.manifestSha256());
        assertThat(p.createdAt()).isEqualTo(SamplePackages.CREATED);
        assertThat(p.devices()).hasSize((int) fr).allSatisfy(d -> {
            assertThat(d.device().id()).startsWith("dev-");
            assertThat(d.sources()).singleElement().asString().startsWith("package " + written.manifestSha256() + ": devices/");
        });
        long frEntries = SampleReports.of(world, "fr").devices().stream().filter(d -> d.ref().group().equals("FR")).count();
        assertThat(p.entries().size()).isEqualTo((int) frEntries);
        assertThat(p.entries()).allMatch(e -> e.ref().id().startsWith("dev-"));
        assertThat(p.feeds()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo("received in package " + written.manifestSha256());
            assertThat(f.indicators()).isEqualTo(world.feed().indicators().size());
        });
    }

    @Test
    void whatTheSharingRulesKeepStillLinksTheTwoCountries() throws Exception {
        InstallationKey key = InstallationKey.open(tmp.resolve("keys"));
        ReceivedPackage p = ExchangePackages.open(SamplePackages.france(key, tmp.resolve("fr")).folder());
        World world = SampleReports.world(7, 40);
        List<DeviceEvidence> both = new ArrayList<>(world.devices().stream().filter(d -> d.device().group().equals("ES")).toList());
        both.addAll(p.devices());
        var result = Correlator.correlate(both, world.enrichment(), CorrelationOptions.defaults());
        boolean crossCountry = result.clusters().stream().anyMatch(c -> c.crossGroup());
        assertThat(crossCountry).isTrue();
    }

    @Test
    void aTamperedPackageIsNotOpened() throws Exception {
        InstallationKey key = InstallationKey.open(tmp.resolve("keys"));
        Path folder = SamplePackages.france(key, tmp.resolve("fr")).folder();
        Path device;
        try (var s = Files.list(folder.resolve("devices"))) {
            device = s.sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(device);
        bytes[bytes.length - 1] = ' '; // one byte of one file, same size
        Files.write(device, bytes);
        assertThatThrownBy(() -> ExchangePackages.open(folder)).hasMessageContaining(folder.relativize(device).toString().replace('\\', '/'));
    }
}
