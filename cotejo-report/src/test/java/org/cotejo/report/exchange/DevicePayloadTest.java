package org.cotejo.report.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.cotejo.correlation.model.DeviceRef;
import org.junit.jupiter.api.Test;

class DevicePayloadTest {
    @Test
    void aPlainLabelNamesTheFilesAsIs() {
        assertThat(DevicePayload.stem(new DeviceRef("dev-1", "FR-03", "FR", "ios"))).isEqualTo("FR-03");
    }

    @Test
    void aLabelThatCouldNotBeAPathIsMadeSafeAndKeptDistinctByTheId() {
        assertThat(DevicePayload.stem(new DeviceRef("dev-1a2b", "Ministra A/B: móvil", "ES", "ios"))).isEqualTo("Ministra_A_B__m_vil-dev-1a2b");
        assertThat(DevicePayload.stem(new DeviceRef("dev-9", "..", "ES", "ios"))).isEqualTo("device..-dev-9");
        assertThat(PackagePaths.problem("devices/" + DevicePayload.stem(new DeviceRef("dev-9", "..", "ES", "ios")) + ".findings.json")).isNull();
    }
}
