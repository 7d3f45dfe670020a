package org.cotejo.correlation.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.correlation.Worlds.infected;
import static org.cotejo.correlation.Worlds.matched;

import java.time.LocalDate;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.Correlator;
import org.cotejo.correlation.Worlds;
import org.cotejo.correlation.enrich.EnrichmentIndex;
import org.cotejo.correlation.enrich.EnrichmentSource;
import org.cotejo.correlation.enrich.Fact;
import org.cotejo.correlation.enrich.WhoisRecord;
import org.cotejo.correlation.lr.FeatureKind;
import org.cotejo.correlation.lr.PairScore;
import org.cotejo.correlation.lr.SupportScale;
import org.cotejo.correlation.model.DeviceEvidence;
import org.junit.jupiter.api.Test;

/** Two devices with DIFFERENT operator domains, linked (or not) only through what enrichment says about them. */
class InfrastructureFeaturesTest {
    private static final EnrichmentSource WHOIS = new EnrichmentSource(EnrichmentSource.Kind.WHOIS, "whois.jsonl", "c".repeat(64), "test",
            null, 2);
    private static final List<DeviceEvidence> DEVICES = Worlds.list(
            infected("a", "ES", matched(ObservableType.DOMAIN, "paquete-correos.net")),
            infected("b", "FR", matched(ObservableType.DOMAIN, "colis-suivi.com")));

    private static WhoisRecord whois(String domain, String email, List<String> ns, String created, int line) {
        return new WhoisRecord(domain, "Registrar One", LocalDate.parse(created), email, ns, new Fact(WHOIS, line));
    }

    private static PairScore compare(EnrichmentIndex e) {
        return Correlator.compare(DEVICES, e, Worlds.PRIORS, "a", "b");
    }

    @Test
    void oneRegistrantEmailOnBothDomainsLinksStronglyAndCitesTheWhoisLines() {
        EnrichmentIndex e = EnrichmentIndex.builder().source(WHOIS)
                .whois(whois("paquete-correos.net", "ops.team@mailbox.org", List.of(), "2020-01-10", 1))
                .whois(whois("colis-suivi.com", "ops.team@mailbox.org", List.of(), "2020-06-10", 2)).build();

        var r = Correlator.correlate(DEVICES, e, Worlds.PRIORS);
        assertThat(r.clusters()).singleElement().satisfies(c -> {
            assertThat(c.crossGroup()).isTrue();
            assertThat(c.counts()).containsOnlyKeys(FeatureKind.REGISTRANT_EMAIL);
            assertThat(c.infrastructure().get(0).facts()).containsExactly(
                    "whois.jsonl line 1: paquete-correos.net registrant ops.team@mailbox.org",
                    "whois.jsonl line 2: colis-suivi.com registrant ops.team@mailbox.org");
        });
    }

    @Test
    void aPrivacyServiceEmailLinksNothing() {
        EnrichmentIndex e = EnrichmentIndex.builder().source(WHOIS)
                .whois(whois("paquete-correos.net", "abc123@whoisguard.com", List.of(), "2020-01-10", 1))
                .whois(whois("colis-suivi.com", "abc123@whoisguard.com", List.of(), "2020-06-10", 2)).build();
        assertThat(compare(e).items()).isEmpty();
    }

    @Test
    void customNameServersAndABurstTogetherAreModerateToStrongButProviderDefaultsCarryNothing() {
        EnrichmentIndex custom = EnrichmentIndex.builder().source(WHOIS)
                .whois(whois("paquete-correos.net", "", List.of("ns1.dns-rapido.net"), "2020-01-10", 1))
                .whois(whois("colis-suivi.com", "", List.of("ns1.dns-rapido.net"), "2020-01-12", 2)).build();
        PairScore s = compare(custom);
        assertThat(s.items()).extracting(i -> i.item().kind()).containsExactlyInAnyOrder(FeatureKind.NAME_SERVERS, FeatureKind.REGISTRATION_BURST);
        // Both rest on the same two WHOIS records, so they are one group: the stronger counts.
        assertThat(s.support()).isEqualTo(SupportScale.MODERATE);

        EnrichmentIndex provider = EnrichmentIndex.builder().source(WHOIS)
                .whois(whois("paquete-correos.net", "", List.of("ns01.domaincontrol.com"), "2020-01-10", 1))
                .whois(whois("colis-suivi.com", "", List.of("ns01.domaincontrol.com"), "2020-09-12", 2)).build();
        assertThat(compare(provider).items()).isEmpty();
    }

    @Test
    void coResolutionNeedsOverlappingTimeWindows() {
        EnrichmentIndex overlapping = EnrichmentIndex.builder().source(Worlds.PDNS)
                .resolution(Worlds.resolves("paquete-correos.net", "198.51.100.20", "2021-01-01", "2021-03-01", 4))
                .resolution(Worlds.resolves("colis-suivi.com", "198.51.100.20", "2021-02-01", "2021-04-01", 5)).build();
        assertThat(compare(overlapping).items()).anySatisfy(i -> {
            assertThat(i.item().kind()).isEqualTo(FeatureKind.CO_RESOLUTION);
            assertThat(i.counted()).isTrue();
        });

        EnrichmentIndex recycled = EnrichmentIndex.builder().source(Worlds.PDNS)
                .resolution(Worlds.resolves("paquete-correos.net", "198.51.100.20", "2019-01-01", "2019-03-01", 4))
                .resolution(Worlds.resolves("colis-suivi.com", "198.51.100.20", "2021-02-01", "2021-04-01", 5)).build();
        PairScore s = compare(recycled);
        assertThat(s.items()).noneMatch(i -> i.item().kind() == FeatureKind.CO_RESOLUTION);
        assertThat(s.support()).isEqualTo(SupportScale.WEAK);
    }

    @Test
    void anAddressManyDomainsResolveToIsSharedHostingAndWeak() {
        EnrichmentIndex.Builder b = EnrichmentIndex.builder().source(Worlds.PDNS)
                .resolution(Worlds.resolves("paquete-correos.net", "198.51.100.20", null, null, 1))
                .resolution(Worlds.resolves("colis-suivi.com", "198.51.100.20", null, null, 2));
        for (int i = 0; i < 30; i++) b.resolution(Worlds.resolves("tenant" + i + ".org", "198.51.100.20", null, null, 10 + i));
        PairScore s = compare(b.build());
        assertThat(s.items()).anySatisfy(i -> assertThat(i.item().kind()).isEqualTo(FeatureKind.HOSTING_IP));
        assertThat(s.support().compareTo(SupportScale.MODERATE)).isLessThan(0);
    }

    @Test
    void twoHostsOfOneRegisteredDomainShareTheDomain() {
        var devices = Worlds.list(infected("a", "ES", matched(ObservableType.DOMAIN, "x1.track-lure.net")),
                infected("b", "ES", matched(ObservableType.DOMAIN, "y7.track-lure.net")));
        PairScore s = Correlator.compare(devices, org.cotejo.correlation.enrich.Enrichment.none(), Worlds.PRIORS, "a", "b");
        assertThat(s.items()).singleElement().satisfies(i -> {
            assertThat(i.item().kind()).isEqualTo(FeatureKind.SHARED_DOMAIN);
            assertThat(i.item().note()).isEqualTo("different hosts of the registered domain track-lure.net");
        });
        assertThat(s.support()).isEqualTo(SupportScale.STRONG);
    }
}
