package org.cotejo.correlation.lr;

import static org.assertj.core.api.Assertions.assertThat;

import org.cotejo.correlation.SyntheticWorld;
import org.cotejo.correlation.enrich.Enrichment;
import org.junit.jupiter.api.Test;

class CalibratorTest {
    @Test
    void estimatesFromLabelledPairsThatSharedDomainsSeparateOperatorsAndTheToolDoesNot() {
        SyntheticWorld world = new SyntheticWorld(3, 5, 10, 50, 10);
        Calibration c = Calibrator.defaults().calibrate("sim-3", "simulated world: seed 3, 5 operators x 10 targets",
                world.devices, Enrichment.none(), world.operatorOf);

        assertThat(c.provenance()).startsWith("simulated world: seed 3").contains("50 labelled targeted devices of 5 operators")
                .contains("225 same-operator and 1000 different-operator pairs");
        KindRate domain = c.rate(FeatureKind.SHARED_DOMAIN);
        assertThat(domain.pHp()).isGreaterThan(0.3);
        assertThat(domain.pHd()).isLessThan(0.001);
        assertThat(domain.lr()).isGreaterThan(100);
        assertThat(domain.source()).startsWith("estimated: ");
        assertThat(c.rate(FeatureKind.SAME_TOOL).lr()).isEqualTo(1);
    }

    @Test
    void withoutLabelsTheDefaultPriorsStayAndSaySo() {
        SyntheticWorld world = new SyntheticWorld(3, 2, 3, 5, 5);
        Calibration c = Calibrator.defaults().calibrate("none", world.devices, Enrichment.none(), java.util.Map.of());
        assertThat(c.rate(FeatureKind.SHARED_ACCOUNT).source()).startsWith("default prior");
        assertThat(c.lr(FeatureKind.SHARED_ACCOUNT)).isEqualTo(Calibration.defaultPriors().lr(FeatureKind.SHARED_ACCOUNT));
    }
}
