package org.cotejo.correlation.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo's world still tells the demo's story; when the simulator changes, rerun DemoWorld.main for a new seed. */
class DemoWorldTest {
    @Test
    void theDemoWorldHasTwoOperatorsOneInBothCountriesAnExposedJournalistAndCleanPhones() {
        World w = DemoWorld.generate();
        assertThat(DemoWorld.fits(w)).as("DemoWorld.SEED no longer fits; run DemoWorld.main to find the first seed that does").isTrue();
        assertThat(w.devices()).hasSize(DemoWorld.DEVICES);
        assertThat(w.truth().devices()).extracting(DeviceTruth::country).contains("ES", "FR");
    }
}
