package org.cotejo.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleReportsTest {
    @Test
    void theSampleWorldHasClustersAndDevicesInBothCountries() {
        var r = SampleReports.twoCountries();
        assertThat(r.devices()).extracting(d -> d.ref().group()).contains("ES", "FR");
        assertThat(r.comparison().clusters()).isNotEmpty();
        assertThat(r.devices()).anyMatch(d -> !d.findings().isEmpty());
    }
}
