package org.cotejo.correlation.pivot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.correlation.Worlds.infected;
import static org.cotejo.correlation.Worlds.matched;
import static org.cotejo.correlation.Worlds.unknown;

import java.time.Instant;
import java.util.List;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.Correlator;
import org.cotejo.correlation.Worlds;
import org.cotejo.correlation.enrich.Enrichment;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.specificity.Exclusion;
import org.cotejo.detection.Verdict;
import org.junit.jupiter.api.Test;

class PivotTest {
    /** Two infected phones (each found by the tool's process name) that share a domain no feed knows; a clean phone. */
    private static List<DeviceEvidence> world() {
        return Worlds.list(
                infected("a", "ES", matched(ObservableType.PROCESS_NAME, "bh"), unknown(ObservableType.DOMAIN, "cdn-update-es.net")),
                infected("b", "FR", matched(ObservableType.PROCESS_NAME, "bh"), unknown(ObservableType.DOMAIN, "cdn-update-es.net")),
                Worlds.device("clean", "ES", Verdict.NOTHING_FOUND, unknown(ObservableType.DOMAIN, "news-site.net")));
    }

    private static CorrelationResult run(List<PivotDecision> decisions) {
        return Correlator.correlate(world(), Enrichment.none(), CorrelationOptions.defaults().withPivotDecisions(decisions));
    }

    private static PivotDecision decision(PivotDecision.Decision d) {
        return new PivotDecision("CDN-UPDATE-ES.NET", ObservableType.DOMAIN, d, "Ana Ruiz", Instant.parse("2025-02-01T09:00:00Z"),
                "same registrant as known Pegasus domains");
    }

    @Test
    void anUnknownDomainSharedByTargetedDevicesIsProposedButLinksNothing() {
        CorrelationResult r = run(List.of());

        assertThat(r.pivots()).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo("cdn-update-es.net");
            assertThat(p.status()).isEqualTo(Pivot.Status.CANDIDATE);
            assertThat(p.devices()).extracting(d -> d.id()).containsExactly("a", "b");
            assertThat(p.groups()).containsExactly("ES", "FR");
            assertThat(p.backgroundDevices()).isZero();
            assertThat(p.firstSeen()).isEqualTo(Worlds.T0);
        });
        assertThat(r.clusters()).isEmpty();
    }

    @Test
    void aConfirmedPivotCountsAsOperatorEvidenceAndSaysSo() {
        CorrelationResult r = run(List.of(decision(PivotDecision.Decision.CONFIRMED)));

        assertThat(r.pivots()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(Pivot.Status.CONFIRMED);
            assertThat(p.decision()).get().extracting(PivotDecision::analyst).isEqualTo("Ana Ruiz");
            assertThat(p.clusters()).hasSize(1);
        });
        assertThat(r.clusters()).singleElement().satisfies(c -> {
            assertThat(c.devices()).extracting(d -> d.id()).containsExactly("a", "b");
            assertThat(c.infrastructure()).singleElement().satisfies(i -> assertThat(i.note())
                    .startsWith("confirmed pivot: Ana Ruiz on 2025-02-01T09:00:00Z: same registrant as known Pegasus domains"));
        });
    }

    @Test
    void aRejectedPivotIsExcludedAndReported() {
        CorrelationResult r = run(List.of(decision(PivotDecision.Decision.REJECTED)));

        assertThat(r.clusters()).isEmpty();
        assertThat(r.pivots()).singleElement().extracting(Pivot::status).isEqualTo(Pivot.Status.REJECTED);
        assertThat(r.excluded()).singleElement().satisfies(x -> assertThat(x.exclusion().reason()).isEqualTo(Exclusion.Reason.REJECTED_PIVOT));
    }

    @Test
    void aValueCommonAmongBackgroundDevicesIsNoPivot() {
        List<DeviceEvidence> devices = world();
        for (int i = 0; i < 5; i++) {
            devices.add(Worlds.device("clean" + i, "ES", Verdict.NOTHING_FOUND, unknown(ObservableType.DOMAIN, "cdn-update-es.net")));
        }
        assertThat(Correlator.correlate(devices, Enrichment.none(), CorrelationOptions.defaults()).pivots()).isEmpty();
    }

    @Test
    void contradictingDecisionsAreAUserError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(List.of(decision(PivotDecision.Decision.CONFIRMED),
                        decision(PivotDecision.Decision.REJECTED))))
                .isInstanceOf(CotejoException.class).hasMessageContaining("two contradicting pivot decisions on domain:cdn-update-es.net");
    }

    @Test
    void anOperatorsUnknownDomainAlsoOnUndetectedTargetsIsStillProposedWhenFarMoreFrequentAmongTargets() {
        // 6 of 8 targeted phones and 3 of 600 phones without detections (undetected targets) show it: over the
        // absolute limit of max(1, 0.1 % of 600) background phones, but 75 % against 0.7 % (lift > 5).
        List<DeviceEvidence> devices = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            devices.add(i < 6 ? infected("t" + i, "ES", matched(ObservableType.PROCESS_NAME, "bh"), unknown(ObservableType.DOMAIN, "op-infra.net"))
                    : infected("t" + i, "ES", matched(ObservableType.PROCESS_NAME, "bh")));
        }
        for (int i = 0; i < 600; i++) {
            devices.add(i < 3 ? Worlds.device("b" + i, "ES", Verdict.NOTHING_FOUND, unknown(ObservableType.DOMAIN, "op-infra.net"),
                    unknown(ObservableType.DOMAIN, "popular.net")) : Worlds.device("b" + i, "ES", Verdict.NOTHING_FOUND,
                    unknown(ObservableType.DOMAIN, "popular.net")));
        }
        // A site on targets and background alike in proportion is no candidate.
        for (int i = 0; i < 3; i++) devices.set(i, infected("t" + i, "ES", matched(ObservableType.PROCESS_NAME, "bh"),
                unknown(ObservableType.DOMAIN, "op-infra.net"), unknown(ObservableType.DOMAIN, "popular.net")));

        CorrelationResult r = Correlator.correlate(devices, Enrichment.none(), CorrelationOptions.defaults());
        assertThat(r.pivots()).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo("op-infra.net");
            assertThat(p.backgroundDevices()).isEqualTo(3);
        });
        CorrelationResult strict = Correlator.correlate(devices, Enrichment.none(), CorrelationOptions.defaults().withPivotRule(0.001, 1e9));
        assertThat(strict.pivots()).isEmpty();
    }
}
