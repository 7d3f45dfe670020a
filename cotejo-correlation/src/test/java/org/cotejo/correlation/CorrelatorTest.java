package org.cotejo.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.correlation.Worlds.infected;
import static org.cotejo.correlation.Worlds.matched;
import static org.cotejo.correlation.Worlds.unknown;
import static org.cotejo.correlation.Worlds.visited;

import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.enrich.Enrichment;
import org.cotejo.correlation.enrich.EnrichmentIndex;
import org.cotejo.correlation.lr.FeatureKind;
import org.cotejo.correlation.lr.PairScore;
import org.cotejo.correlation.lr.SupportScale;
import org.cotejo.correlation.specificity.DeviceRole;
import org.cotejo.correlation.specificity.Exclusion;
import org.cotejo.correlation.specificity.FanOutCap;
import org.cotejo.detection.Verdict;
import org.junit.jupiter.api.Test;

class CorrelatorTest {
    private static final CorrelationOptions DEFAULTS = Worlds.PRIORS;

    @Test
    void aSharedAttackerAccountLinksTwoDevicesStrongly() {
        var r = Correlator.correlate(Worlds.list(
                infected("a", "ES", matched(ObservableType.EMAIL, "agent.x@lure-mail.net")),
                infected("b", "ES", matched(ObservableType.EMAIL, "agent.x@lure-mail.net"))), Enrichment.none(), DEFAULTS);

        assertThat(r.clusters()).hasSize(1);
        Cluster c = r.clusters().get(0);
        assertThat(c.devices()).extracting(d -> d.id()).containsExactly("a", "b");
        assertThat(c.support().compareTo(SupportScale.VERY_STRONG)).isGreaterThanOrEqualTo(0);
        assertThat(c.counts()).containsEntry(FeatureKind.SHARED_ACCOUNT, 1);
        assertThat(c.statement()).contains("ES: phone-a, phone-b").contains("1 shared attacker account");
    }

    @Test
    void aSharedProcessNameAloneEstablishesOnlyTheSameTool() {
        List<org.cotejo.correlation.model.DeviceEvidence> devices = Worlds.list(
                infected("a", "ES", matched(ObservableType.PROCESS_NAME, "bh")),
                infected("b", "FR", matched(ObservableType.PROCESS_NAME, "bh")));
        var r = Correlator.correlate(devices, Enrichment.none(), DEFAULTS);

        assertThat(r.clusters()).isEmpty();
        assertThat(r.linkCount()).isZero();
        assertThat(r.sameTool()).singleElement().satisfies(t -> {
            assertThat(t.threat()).isEqualTo("Pegasus");
            assertThat(t.devices()).extracting(d -> d.id()).containsExactly("a", "b");
            assertThat(t.statement()).contains("same tool").contains("not which operator");
        });
        PairScore s = Correlator.compare(devices, Enrichment.none(), DEFAULTS, "a", "b");
        assertThat(s.support()).isEqualTo(SupportScale.NO_SUPPORT);
        assertThat(s.items()).singleElement().satisfies(i -> {
            assertThat(i.item().kind()).isEqualTo(FeatureKind.SAME_TOOL);
            assertThat(i.counted()).isFalse();
        });
    }

    @Test
    void aShared24AloneIsWeakAndLinksNothing() {
        Enrichment e = EnrichmentIndex.builder().source(Worlds.PDNS)
                .resolution(Worlds.resolves("alpha-news.net", "203.0.113.10", "2021-01-01", "2021-06-01", 2))
                .resolution(Worlds.resolves("beta-shop.net", "203.0.113.77", "2021-01-01", "2021-06-01", 3)).build();
        List<org.cotejo.correlation.model.DeviceEvidence> devices = Worlds.list(
                infected("a", "ES", matched(ObservableType.DOMAIN, "alpha-news.net")),
                infected("b", "ES", matched(ObservableType.DOMAIN, "beta-shop.net")));

        var r = Correlator.correlate(devices, e, DEFAULTS);
        assertThat(r.clusters()).isEmpty();
        PairScore s = Correlator.compare(devices, e, DEFAULTS, "a", "b");
        assertThat(s.support()).isEqualTo(SupportScale.WEAK);
        assertThat(s.items()).anySatisfy(i -> {
            assertThat(i.item().kind()).isEqualTo(FeatureKind.SAME_PREFIX);
            assertThat(i.item().facts()).anyMatch(f -> f.startsWith("pdns.csv line 2: alpha-news.net resolved to 203.0.113.10"));
        });
    }

    @Test
    void aWarningListedValueLinksNothingAndIsReportedAsExcluded() {
        var r = Correlator.correlate(Worlds.list(
                infected("a", "ES", matched(ObservableType.DOMAIN, "d1.akamaihd.net")),
                infected("b", "FR", matched(ObservableType.DOMAIN, "d1.akamaihd.net"))), Enrichment.none(), DEFAULTS);

        assertThat(r.clusters()).isEmpty();
        assertThat(r.links()).isEmpty();
        assertThat(r.excluded()).singleElement().satisfies(x -> {
            assertThat(x.key()).isEqualTo("domain:d1.akamaihd.net");
            assertThat(x.exclusion().reason()).isEqualTo(Exclusion.Reason.WARNING_LISTED);
            assertThat(x.exclusion().detail()).contains("cotejo-cdn-domains");
        });
    }

    @Test
    void aValueOverTheFanOutCapLinksNothing() {
        var options = DEFAULTS.withFanOutCap(new FanOutCap(2, 0.01));
        var r = Correlator.correlate(Worlds.list(
                infected("a", "ES", matched(ObservableType.DOMAIN, "everywhere.net")),
                infected("b", "ES", matched(ObservableType.DOMAIN, "everywhere.net")),
                infected("c", "FR", matched(ObservableType.DOMAIN, "everywhere.net"))), Enrichment.none(), options);

        assertThat(r.clusters()).isEmpty();
        assertThat(r.excluded()).singleElement().satisfies(x -> {
            assertThat(x.exclusion().reason()).isEqualTo(Exclusion.Reason.FAN_OUT);
            assertThat(x.exclusion().detail()).contains("on 3 devices").contains("max(2, 1 % of 3 devices) = 2 devices");
        });
    }

    @Test
    void exposureOnlyDevicesAreNotClusteredButListedAsExposed() {
        var r = Correlator.correlate(Worlds.list(
                infected("a", "ES", matched(ObservableType.DOMAIN, "lure.net")),
                infected("b", "ES", matched(ObservableType.DOMAIN, "lure.net")),
                Worlds.device("journalist", "ES", Verdict.NOTHING_FOUND, visited(ObservableType.DOMAIN, "lure.net"))),
                Enrichment.none(), DEFAULTS);

        assertThat(r.devices()).filteredOn(d -> d.device().id().equals("journalist"))
                .singleElement().extracting(DeviceSummary::role).isEqualTo(DeviceRole.EXPOSED);
        assertThat(r.clusters()).singleElement().satisfies(c -> {
            assertThat(c.devices()).extracting(d -> d.id()).containsExactly("a", "b");
            assertThat(c.exposed()).singleElement().satisfies(x -> {
                assertThat(x.device().id()).isEqualTo("journalist");
                assertThat(x.values()).containsExactly("domain:lure.net");
            });
            assertThat(c.statement()).contains("Exposed, not clustered: phone-journalist");
        });
    }

    @Test
    void aUrlAndItsDomainAreOneItemNotTwo() {
        var one = Correlator.compare(Worlds.list(
                infected("a", "ES", matched(ObservableType.DOMAIN, "lure.net")),
                infected("b", "ES", matched(ObservableType.DOMAIN, "lure.net"))), Enrichment.none(), DEFAULTS, "a", "b");
        var both = Correlator.compare(Worlds.list(
                infected("a", "ES", matched(ObservableType.DOMAIN, "lure.net"), matched(ObservableType.URL, "https://lure.net/x1")),
                infected("b", "ES", matched(ObservableType.DOMAIN, "lure.net"), matched(ObservableType.URL, "https://lure.net/x1"))),
                Enrichment.none(), DEFAULTS, "a", "b");

        assertThat(both.items()).hasSize(2);
        assertThat(both.items()).filteredOn(i -> !i.counted()).singleElement()
                .satisfies(i -> assertThat(i.reason()).startsWith("depends on shared domain or URL"));
        assertThat(both.log10Lr()).isEqualTo(one.log10Lr());
    }

    @Test
    void aClusterSpanningCountriesIsCalledOut() {
        var r = Correlator.correlate(Worlds.list(
                infected("a", "ES", matched(ObservableType.DOMAIN, "lure.net")),
                infected("b", "ES", matched(ObservableType.DOMAIN, "lure.net")),
                infected("c", "FR", matched(ObservableType.DOMAIN, "lure.net"))), Enrichment.none(), DEFAULTS);

        assertThat(r.clusters()).singleElement().satisfies(c -> {
            assertThat(c.crossGroup()).isTrue();
            assertThat(c.groups()).containsExactly("ES", "FR");
            assertThat(c.statement()).startsWith("ES: phone-a, phone-b; FR: phone-c — same source: strong support")
                    .contains("SPANS 2 groups (ES, FR)");
        });
    }

    @Test
    void twoOperatorsSharingOnlyTheirToolStayApart() {
        var r = Correlator.correlate(Worlds.list(
                infected("a", "ES", matched(ObservableType.DOMAIN, "first-op.net"), matched(ObservableType.PROCESS_NAME, "bh")),
                infected("b", "ES", matched(ObservableType.DOMAIN, "first-op.net"), matched(ObservableType.PROCESS_NAME, "bh")),
                infected("c", "FR", matched(ObservableType.DOMAIN, "second-op.net"), matched(ObservableType.PROCESS_NAME, "bh")),
                infected("d", "FR", matched(ObservableType.DOMAIN, "second-op.net"), matched(ObservableType.PROCESS_NAME, "bh"))),
                Enrichment.none(), DEFAULTS);

        assertThat(r.clusters()).hasSize(2).allSatisfy(c -> {
            assertThat(c.devices()).hasSize(2);
            assertThat(c.crossGroup()).isFalse();
            assertThat(c.sameTool()).singleElement().satisfies(t -> assertThat(t.values()).containsExactly("process:bh"));
        });
        assertThat(r.sameTool()).singleElement().satisfies(t -> assertThat(t.devices()).hasSize(4));
    }

    @Test
    void unknownDevicesAreReportedWithAnActionableMessage() {
        var devices = Worlds.list(infected("a", "ES", unknown(ObservableType.DOMAIN, "x.net")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Correlator.compare(devices, Enrichment.none(), DEFAULTS, "a", "zz"))
                .isInstanceOf(org.cotejo.core.CotejoException.class).hasMessageContaining("no device with id 'zz'");
    }
}
