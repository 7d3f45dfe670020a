package org.cotejo.correlation.lr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LikelihoodRatioTest {
    private static EvidenceItem item(FeatureKind kind, double lr, String... basis) {
        return new EvidenceItem(kind, kind.level(), List.of(kind.key() + ":" + String.join(",", basis)), List.of(), List.of(basis), lr, "",
                null, null);
    }

    @Test
    void independentItemsMultiply() {
        PairScore s = LikelihoodRatio.combine(List.of(item(FeatureKind.SHARED_DOMAIN, 1000, "d:a.net"),
                item(FeatureKind.SHARED_ACCOUNT, 100, "v:email:x@y.net")), 10);
        assertThat(s.log10Lr()).isCloseTo(5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.support()).isEqualTo(SupportScale.VERY_STRONG);
    }

    @Test
    void itemsRestingOnOneFactCountOnceAtTheStrongest() {
        PairScore s = LikelihoodRatio.combine(List.of(item(FeatureKind.SHARED_IP, 1000, "ip:198.51.100.7"),
                item(FeatureKind.CO_RESOLUTION, 300, "ip:198.51.100.7")), 10);
        assertThat(s.log10Lr()).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.items()).filteredOn(i -> !i.counted()).singleElement()
                .satisfies(i -> assertThat(i.item().kind()).isEqualTo(FeatureKind.CO_RESOLUTION));
    }

    @Test
    void aWeakFeatureDoesNotChainTwoStrongGroupsIntoOne() {
        PairScore s = LikelihoodRatio.combine(List.of(item(FeatureKind.CO_RESOLUTION, 300, "ip:198.51.100.7"),
                item(FeatureKind.CO_RESOLUTION, 300, "ip:198.51.100.9"),
                item(FeatureKind.SAME_PREFIX, 5, "ip:198.51.100.7", "ip:198.51.100.9")), 10);
        assertThat(s.log10Lr()).isCloseTo(2 * Math.log10(300), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.items()).filteredOn(i -> i.item().kind() == FeatureKind.SAME_PREFIX).singleElement()
                .satisfies(i -> assertThat(i.reason()).startsWith("rests on what passive-DNS co-resolution"));
    }

    @Test
    void toolLevelItemsNeverRaiseTheRatio() {
        PairScore s = LikelihoodRatio.combine(List.of(item(FeatureKind.SAME_TOOL, 1, "v:process:bh"),
                item(FeatureKind.TLS_SUBJECT, 1, "subj:CN=x")), 10);
        assertThat(s.log10Lr()).isZero();
        assertThat(s.support()).isEqualTo(SupportScale.NO_SUPPORT);
        assertThat(s.items()).allSatisfy(i -> assertThat(i.reason()).startsWith("same tool only"));
    }

    @Test
    void aRegistrationBurstCountsOnlyBesideAnotherItem() {
        PairScore alone = LikelihoodRatio.combine(List.of(item(FeatureKind.REGISTRATION_BURST, 20, "whois:a.net", "whois:b.net")), 10);
        assertThat(alone.log10Lr()).isZero();
        PairScore together = LikelihoodRatio.combine(List.of(item(FeatureKind.REGISTRATION_BURST, 20, "whois:a.net", "whois:b.net"),
                item(FeatureKind.NAME_SERVERS, 30, "whois:c.net", "whois:d.net")), 10);
        assertThat(together.log10Lr()).isCloseTo(Math.log10(600), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theProductIsCappedAndSaysSo() {
        PairScore s = LikelihoodRatio.combine(List.of(item(FeatureKind.SHARED_ACCOUNT, 1e5, "v:1"), item(FeatureKind.SHARED_ACCOUNT, 1e5, "v:2"),
                item(FeatureKind.SHARED_ACCOUNT, 1e5, "v:3")), 10);
        assertThat(s.capped()).isTrue();
        assertThat(s.log10Lr()).isEqualTo(10);
        assertThat(s.support()).isEqualTo(SupportScale.EXTREMELY_STRONG);
    }

    @Test
    void theVerbalScaleFollowsTheEnfsiBands() {
        assertThat(SupportScale.of(1.5)).isEqualTo(SupportScale.NO_SUPPORT);
        assertThat(SupportScale.of(2)).isEqualTo(SupportScale.WEAK);
        assertThat(SupportScale.of(99)).isEqualTo(SupportScale.MODERATE);
        assertThat(SupportScale.of(100)).isEqualTo(SupportScale.MODERATELY_STRONG);
        assertThat(SupportScale.of(1_000)).isEqualTo(SupportScale.STRONG);
        assertThat(SupportScale.of(10_000)).isEqualTo(SupportScale.VERY_STRONG);
        assertThat(SupportScale.of(999_999)).isEqualTo(SupportScale.VERY_STRONG);
        assertThat(SupportScale.of(1_000_001)).isEqualTo(SupportScale.EXTREMELY_STRONG);
    }

    @Test
    void defaultPriorsFollowTheFieldsPractice() {
        Calibration c = Calibration.defaultPriors();
        assertThat(SupportScale.of(c.lr(FeatureKind.SHARED_ACCOUNT))).isEqualTo(SupportScale.VERY_STRONG);
        assertThat(SupportScale.of(c.lr(FeatureKind.SHARED_DOMAIN))).isEqualTo(SupportScale.STRONG);
        assertThat(SupportScale.of(c.lr(FeatureKind.REGISTRANT_EMAIL))).isEqualTo(SupportScale.STRONG);
        assertThat(SupportScale.of(c.lr(FeatureKind.NAME_SERVERS))).isEqualTo(SupportScale.MODERATE);
        assertThat(SupportScale.of(c.lr(FeatureKind.SAME_PREFIX))).isEqualTo(SupportScale.WEAK);
        assertThat(c.lr(FeatureKind.SAME_TOOL)).isEqualTo(1);
    }
}
