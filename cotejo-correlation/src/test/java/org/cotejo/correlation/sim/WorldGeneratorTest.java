package org.cotejo.correlation.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.observable.Observable;
import org.cotejo.correlation.enrich.DnsResolution;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.detection.Disposition;
import org.cotejo.detection.Verdict;
import org.cotejo.forensics.record.TraceClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorldGeneratorTest {
    static World world;
    static Map<String, DeviceTruth> truth;

    @BeforeAll
    static void generate() {
        world = WorldGenerator.generate(WorldSpec.hard(42, 2_000));
        truth = world.truth().byDevice();
    }

    private static DeviceTruth truthOf(DeviceEvidence e) {
        return truth.get(e.device().id());
    }

    @Test
    void theSameSeedGivesTheSameWorld() {
        World again = WorldGenerator.generate(WorldSpec.hard(42, 2_000));
        assertThat(again.devices()).isEqualTo(world.devices());
        assertThat(again.truth()).isEqualTo(world.truth());
        assertThat(again.feed().stix()).isEqualTo(world.feed().stix());
        for (int i = 0; i < world.enrichmentFiles().size(); i++) {
            assertThat(again.enrichmentFiles().get(i).bytes()).isEqualTo(world.enrichmentFiles().get(i).bytes());
        }
    }

    @Test
    void anotherSeedGivesAnotherWorld() {
        World other = WorldGenerator.generate(WorldSpec.hard(43, 2_000));
        assertThat(other.feed().sha256()).isNotEqualTo(world.feed().sha256());
        assertThat(other.devices()).isNotEqualTo(world.devices());
    }

    @Test
    void moreDevicesKeepTheSameInfrastructureAndFeed() {
        World bigger = WorldGenerator.generate(WorldSpec.hard(42, 3_000));
        assertThat(bigger.truth().operators()).isEqualTo(world.truth().operators());
        assertThat(bigger.feed().sha256()).isEqualTo(world.feed().sha256());
    }

    @Test
    void everyTargetedDeviceBelongsToAnOperatorThatExists() {
        List<DeviceTruth> targeted = world.truth().devices().stream().filter(DeviceTruth::targeted).toList();
        assertThat(targeted).hasSizeGreaterThan(400);
        for (DeviceTruth d : targeted) {
            Operator o = world.truth().operator(d.operator()).orElseThrow();
            assertThat(o.vendor()).isEqualTo(d.vendor());
            assertThat(o.countries()).contains(d.country());
        }
        assertThat(world.truth().devices().stream().filter(d -> !d.targeted())).allMatch(d -> d.operator().isEmpty());
    }

    @Test
    void toolTracesOnTargetsAreTheirVendorsWhicheverOperatorSentThem() {
        Map<String, Set<Observable>> seenByOperator = new HashMap<>();
        for (DeviceEvidence e : world.devices()) {
            DeviceTruth t = truthOf(e);
            if (!t.targeted()) continue;
            Vendor v = world.truth().vendor(t.vendor()).orElseThrow();
            for (Sighting s : e.sightings()) {
                if (s.trace().showsImplant() && !s.matches().isEmpty()) {
                    assertThat(v.toolTraces()).contains(s.value());
                    seenByOperator.computeIfAbsent(t.operator(), k -> new HashSet<>()).add(s.value());
                }
            }
        }
        // Two operators of one vendor leave the very same implant values.
        Set<Observable> a1 = seenByOperator.get("op-a1");
        Set<Observable> a2 = seenByOperator.get("op-a2");
        assertThat(a1).containsAnyElementsOf(a2);
    }

    @Test
    void oneOperatorTargetsTwoCountriesAndTwoOperatorsShareOne() {
        Operator cross = world.truth().operators().stream().filter(o -> o.countries().size() == 2).findFirst().orElseThrow();
        Set<String> reached = world.truth().devices().stream().filter(d -> d.operator().equals(cross.id()))
                .map(DeviceTruth::country).collect(Collectors.toSet());
        assertThat(reached).containsExactlyInAnyOrderElementsOf(cross.countries());
        Map<String, Long> operatorsPerCountry = world.truth().operators().stream().flatMap(o -> o.countries().stream())
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        assertThat(operatorsPerCountry.values()).anyMatch(n -> n >= 2);
    }

    @Test
    void exposureOnlyDevicesShowSpywareDomainsInBrowserDataOnly() {
        Set<Observable> spyware = world.truth().operators().stream().flatMap(o -> o.domains().stream()).collect(Collectors.toSet());
        List<DeviceEvidence> exposed = world.devices().stream()
                .filter(e -> truthOf(e).kind() == DeviceTruth.Kind.EXPOSURE_ONLY).toList();
        assertThat(exposed).isNotEmpty();
        for (DeviceEvidence e : exposed) {
            List<Sighting> matched = e.sightings().stream().filter(s -> !s.matches().isEmpty()).toList();
            assertThat(matched).isNotEmpty().allSatisfy(s -> {
                assertThat(s.trace()).isEqualTo(TraceClass.BROWSING);
                assertThat(s.matches()).extracting(MatchRef::disposition).containsOnly(Disposition.EXPOSURE);
            });
            assertThat(matched.stream().filter(s -> s.value().type() == org.cotejo.core.observable.ObservableType.DOMAIN))
                    .allMatch(s -> spyware.contains(s.value()));
            assertThat(e.verdict()).isEqualTo(Verdict.NOTHING_FOUND);
            assertThat(e.targeted()).isFalse();
        }
    }

    @Test
    void aNameCollisionIsReportedAsSuchAndInfectsNobody() {
        List<DeviceEvidence> colliding = world.devices().stream()
                .filter(e -> truthOf(e).kind() == DeviceTruth.Kind.NAME_COLLISION).toList();
        assertThat(colliding).isNotEmpty().allSatisfy(e -> {
            assertThat(e.sightings()).anyMatch(s -> s.matches().stream().anyMatch(m -> m.disposition() == Disposition.NAME_COLLISION));
            assertThat(e.verdict()).isEqualTo(Verdict.NOTHING_FOUND);
        });
    }

    @Test
    void pivotValuesAreUnpublishedOperatorInfrastructureSharedByTargets() {
        Set<String> published = world.feed().indicators().stream().map(i -> i.value().type().key() + ":" + i.value().value())
                .collect(Collectors.toSet());
        Set<Observable> infrastructure = world.truth().operators().stream().flatMap(o -> o.infrastructure().stream())
                .collect(Collectors.toSet());
        assertThat(world.truth().pivots()).isNotEmpty().allSatisfy(p -> {
            assertThat(published).doesNotContain(p.type().key() + ":" + p.value());
            assertThat(infrastructure).contains(p);
            assertThat(EvidenceLevel.defaultFor(p.type())).isEqualTo(EvidenceLevel.OPERATOR);
        });
        // An operator left out of the feed is visible through its unknown domains only.
        Operator hidden = world.truth().operators().stream().filter(o -> !o.published()).findFirst().orElseThrow();
        assertThat(world.truth().pivots()).containsAnyElementsOf(hidden.domains());
    }

    @Test
    void verdictsFollowCotejosRuleAndTargetsAreMostlyDetected() {
        for (DeviceEvidence e : world.devices()) {
            Set<TraceClass> classes = e.sightings().stream().filter(Sighting::isEvidence).map(Sighting::trace)
                    .collect(Collectors.toSet());
            if (e.verdict() == Verdict.INFECTED) {
                assertThat(classes).hasSizeGreaterThanOrEqualTo(2).anyMatch(TraceClass::showsImplant);
            }
            if (!truthOf(e).targeted()) assertThat(e.targeted()).isFalse();
        }
        long targets = world.truth().devices().stream().filter(DeviceTruth::targeted).count();
        long detected = world.truth().operatorOfDetectedTargets().size();
        assertThat(detected).isBetween(targets * 7 / 10, targets);
        assertThat(world.devices()).anyMatch(e -> e.verdict() == Verdict.INFECTED)
                .anyMatch(e -> e.verdict() == Verdict.ATTEMPTED).anyMatch(e -> e.verdict() == Verdict.INCONCLUSIVE);
    }

    @Test
    void everyMatchNamesAnIndicatorOfThePublishedFeedAndItsHash() {
        Set<String> ids = world.feed().indicators().stream().map(Indicator::id).collect(Collectors.toSet());
        world.devices().stream().flatMap(e -> e.sightings().stream()).flatMap(s -> s.matches().stream()).forEach(m -> {
            assertThat(ids).contains(m.indicatorId());
            assertThat(m.feedSha256()).isEqualTo(world.feed().sha256());
        });
    }

    @Test
    void extractionsOfOnePhoneShareItsIdAndAreListedInTheTruth() {
        List<DeviceTruth> twice = world.truth().devices().stream().filter(d -> d.extractions().size() == 2).toList();
        assertThat(twice).isNotEmpty();
        Map<String, String> of = world.truth().deviceOfExtraction();
        for (DeviceEvidence e : world.devices()) assertThat(of.get(e.device().label())).isEqualTo(e.device().id());
        assertThat(of).hasSize(world.devices().size());
    }

    @Test
    void enrichmentFactsCiteTheLineOfTheirFile() {
        Operator o = world.truth().operators().get(0);
        String domain = o.delivery().get(0).value();
        List<DnsResolution> rs = world.enrichment().resolutions(domain);
        assertThat(rs).isNotEmpty();
        DnsResolution r = rs.get(0);
        World.EnrichmentFile file = world.enrichmentFiles().stream().filter(f -> f.fileName().equals(r.from().source().file()))
                .findFirst().orElseThrow();
        String line = new String(file.bytes(), StandardCharsets.UTF_8).split("\n")[(int) r.from().line() - 1];
        assertThat(line).startsWith(domain + "," + r.ip() + ",");
        assertThat(r.from().source().sha256()).isEqualTo(FeedPublisher.sha256(file.bytes()));
        assertThat(world.enrichment().prefixOf(r.ip())).isPresent();
        assertThat(world.enrichment().certificates(r.ip())).isNotEmpty()
                .allMatch(c -> o.tlsKeys().contains(c.keySha256()));
    }
}
