package org.cotejo.indicators.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.IndicatedThreat;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.indicator.Match;
import org.cotejo.core.indicator.MatchRule;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.junit.jupiter.api.Test;

class IndicatorIndexTest {
    private static final Collection PEGASUS = new Collection("malware--1", "Pegasus", "", "pegasus.stix2",
            "a".repeat(64), null, new IndicatedThreat("malware", "Pegasus"), null);
    private static final Collection OTHER = new Collection("malware--2", "Predator", "", "predator.stix2",
            "b".repeat(64), null, new IndicatedThreat("malware", "Predator"), null);

    private final List<Indicator> indicators = new ArrayList<>();

    private Indicator add(ObservableType type, String raw) {
        return add(type, raw, PEGASUS);
    }

    private Indicator add(ObservableType type, String raw, Collection c) {
        Indicator i = new Indicator("ind-" + indicators.size(), type.normalise(raw), c, "line " + (indicators.size() + 1));
        indicators.add(i);
        return i;
    }

    private List<Match> match(ObservableType type, String raw) {
        return IndicatorIndex.of(indicators).match(type.normalise(raw));
    }

    private List<MatchRule> urlRules(String url) {
        List<MatchRule> rules = new ArrayList<>();
        IndicatorIndex.of(indicators).matchUrl(url, (id, rule) -> rules.add(rule));
        return rules;
    }

    @Test
    void domainIndicatorMatchesItselfAndSubdomainsAtAnyDepth() {
        add(ObservableType.DOMAIN, "evil.com");
        assertThat(match(ObservableType.DOMAIN, "evil.com")).extracting(Match::rule).containsExactly(MatchRule.DOMAIN_EXACT);
        assertThat(match(ObservableType.DOMAIN, "a.b.c.evil.com")).extracting(Match::rule).containsExactly(MatchRule.SUBDOMAIN);
    }

    @Test
    void domainMatchingIsLabelAware() {
        add(ObservableType.DOMAIN, "evil.com");
        assertThat(match(ObservableType.DOMAIN, "notevil.com")).isEmpty();
        assertThat(match(ObservableType.DOMAIN, "evil.com.example.org")).isEmpty();
        assertThat(urlRules("https://example.org.evil.com/")).containsExactly(MatchRule.URL_HOST_SUBDOMAIN);
        assertThat(urlRules("https://evil.com.example.org/")).isEmpty();
    }

    @Test
    void subdomainIndicatorDoesNotMatchItsParent() {
        add(ObservableType.DOMAIN, "cdn.evil.com");
        assertThat(match(ObservableType.DOMAIN, "evil.com")).isEmpty();
        assertThat(match(ObservableType.DOMAIN, "a.cdn.evil.com")).extracting(Match::rule).containsExactly(MatchRule.SUBDOMAIN);
    }

    @Test
    void wwwLabelCountsAsTheDomainItselfButWwwPrefixedNamesDoNot() {
        add(ObservableType.DOMAIN, "example.org");
        assertThat(urlRules("https://www.example.org/foobar")).containsExactly(MatchRule.URL_HOST_DOMAIN);
        assertThat(urlRules("https://wwwexample.org/")).isEmpty();
    }

    @Test
    void urlHostIsFoundDespiteSchemeCasePortUserInfoAndTrailingDot() {
        add(ObservableType.DOMAIN, "example.org");
        assertThat(urlRules("HTTPS://EXAMPLE.ORG/x")).containsExactly(MatchRule.URL_HOST_DOMAIN);
        assertThat(urlRules("http://example.org:8080/toto")).containsExactly(MatchRule.URL_HOST_DOMAIN);
        assertThat(urlRules("https://user:pw@example.org/")).containsExactly(MatchRule.URL_HOST_DOMAIN);
        assertThat(urlRules("https://example.org./")).containsExactly(MatchRule.URL_HOST_DOMAIN);
        assertThat(urlRules("example.org")).containsExactly(MatchRule.DOMAIN_EXACT);
        assertThat(urlRules("example.org/path?q=1")).containsExactly(MatchRule.URL_HOST_DOMAIN);
    }

    @Test
    void userInfoThatLooksLikeTheBadDomainDoesNotMatch() {
        add(ObservableType.DOMAIN, "evil.com");
        assertThat(urlRules("https://evil.com@good.org/")).isEmpty();
        assertThat(urlRules("https://good.org/?next=evil.com")).isEmpty();
        assertThat(urlRules("https://good.org/evil.com")).isEmpty();
    }

    @Test
    void everyMatchingIndicatorIsReportedWithItsCollection() {
        Indicator parent = add(ObservableType.DOMAIN, "evil.com");
        Indicator child = add(ObservableType.DOMAIN, "a.evil.com", OTHER);
        List<Match> matches = match(ObservableType.DOMAIN, "x.a.evil.com");
        assertThat(matches).extracting(Match::indicator).containsExactly(parent, child);
        assertThat(matches).extracting(m -> m.indicator().collection().name()).containsExactly("Pegasus", "Predator");
    }

    @Test
    void sameValueInTwoFeedsGivesTwoMatches() {
        add(ObservableType.DOMAIN, "evil.com");
        add(ObservableType.DOMAIN, "evil.com", OTHER);
        assertThat(match(ObservableType.DOMAIN, "evil.com")).hasSize(2);
    }

    @Test
    void ipv4IndicatorsMatchAddressesRangesAndUrlHosts() {
        add(ObservableType.IPV4, "198.51.100.1");
        add(ObservableType.CIDR, "203.0.113.0/24");
        assertThat(match(ObservableType.IPV4, "198.51.100.1")).extracting(Match::rule).containsExactly(MatchRule.IP_EXACT);
        assertThat(match(ObservableType.IPV4, "198.51.100.2")).isEmpty();
        assertThat(match(ObservableType.IPV4, "203.0.113.77")).extracting(Match::rule).containsExactly(MatchRule.IP_IN_RANGE);
        assertThat(match(ObservableType.IPV4, "203.0.114.1")).isEmpty();
        assertThat(urlRules("https://198.51.100.1:8080/")).containsExactly(MatchRule.URL_HOST_IP);
        assertThat(urlRules("http://203.0.113.9/a")).containsExactly(MatchRule.URL_HOST_IP_IN_RANGE);
        assertThat(urlRules("http://198.51.100.10/")).isEmpty();
    }

    @Test
    void ipv6IndicatorsMatchAddressesRangesAndBracketedUrlHosts() {
        add(ObservableType.IPV6, "2001:db8::1");
        add(ObservableType.CIDR, "2001:db8:abcd::/48");
        assertThat(match(ObservableType.IPV6, "2001:db8::1")).extracting(Match::rule).containsExactly(MatchRule.IP_EXACT);
        assertThat(match(ObservableType.IPV6, "2001:db8:abcd:1::5")).extracting(Match::rule).containsExactly(MatchRule.IP_IN_RANGE);
        assertThat(match(ObservableType.IPV6, "2001:db8:abce::5")).isEmpty();
        assertThat(urlRules("http://[2001:db8::1]:8080/a")).containsExactly(MatchRule.URL_HOST_IP);
    }

    @Test
    void dottedQuadParserIsStrict() {
        assertThat(IndicatorIndex.parseIpv4("1.2.3.4", 0, 7)).isEqualTo(0x01020304L);
        assertThat(IndicatorIndex.parseIpv4("255.255.255.255", 0, 15)).isEqualTo(0xffffffffL);
        for (String bad : new String[] {"1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "1.2.3.", "1..2.3", "a.b.c.d", "1.2.3.4a"}) {
            assertThat(IndicatorIndex.parseIpv4(bad, 0, bad.length())).as(bad).isEqualTo(-1L);
        }
    }

    @Test
    void urlIndicatorMatchesTheNormalisedUrlAndNotOthers() {
        add(ObservableType.URL, "http://example.com/thisisbad");
        assertThat(urlRules("http://example.com/thisisbad")).containsExactly(MatchRule.URL_EXACT);
        assertThat(urlRules("https://EXAMPLE.com:443/thisisbad")).containsExactly(MatchRule.URL_EXACT);
        assertThat(urlRules("http://example.com/thisisgood")).isEmpty();
        assertThat(urlRules("http://example.com/ThisIsBad")).isEmpty();
    }

    @Test
    void processNamesMatchExactlyOrAsTheSixteenCharacterTruncation() {
        add(ObservableType.PROCESS_NAME, "Launch");
        add(ObservableType.PROCESS_NAME, "com.apple.avsystemagentd");
        assertThat(match(ObservableType.PROCESS_NAME, "Launch")).extracting(Match::rule).containsExactly(MatchRule.PROCESS_EXACT);
        assertThat(match(ObservableType.PROCESS_NAME, "launch")).isEmpty();
        assertThat(match(ObservableType.PROCESS_NAME, "com.apple.avsyst")).extracting(Match::rule)
                .containsExactly(MatchRule.PROCESS_TRUNCATED);
        assertThat(match(ObservableType.PROCESS_NAME, "com.apple.avsys")).isEmpty();
    }

    @Test
    void filePathsMatchExactlyOrUnderADirectorySegmentBySegment() {
        add(ObservableType.FILE_PATH, "/private/var/db/com.apple.xpc.roleaccountd.staging");
        add(ObservableType.FILE_NAME, "foobar.txt");
        assertThat(match(ObservableType.FILE_PATH, "/private/var/db/com.apple.xpc.roleaccountd.staging"))
                .extracting(Match::rule).containsExactly(MatchRule.FILE_PATH_EXACT);
        assertThat(match(ObservableType.FILE_PATH, "/private/var/db/com.apple.xpc.roleaccountd.staging/x/y"))
                .extracting(Match::rule).containsExactly(MatchRule.FILE_PATH_UNDER_DIRECTORY);
        assertThat(match(ObservableType.FILE_PATH, "/private/var/db/com.apple.xpc.roleaccountd.stagingX")).isEmpty();
        assertThat(match(ObservableType.FILE_PATH, "/tmp/foobar.txt")).extracting(Match::rule)
                .containsExactly(MatchRule.FILE_NAME_OF_PATH);
    }

    @Test
    void hashesMatchByAlgorithmIgnoringCase() {
        String sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        add(ObservableType.SHA256, sha256);
        assertThat(match(ObservableType.SHA256, sha256.toUpperCase())).extracting(Match::rule).containsExactly(MatchRule.HASH_EXACT);
        List<MatchRule> rules = new ArrayList<>();
        IndicatorIndex.of(indicators).matchHash(sha256.toUpperCase(), (id, rule) -> rules.add(rule));
        assertThat(rules).containsExactly(MatchRule.HASH_EXACT);
        assertThat(IndicatorIndex.of(indicators).matchHash(sha256.substring(0, 40), MatchSink.IGNORE)).isZero();
    }

    @Test
    void tlsFingerprintsMatchExactlyAndStayApartFromFileHashes() {
        add(ObservableType.JA3, "e7d705a3286e19ea42f587b344ee6865");
        add(ObservableType.JA4, "t13d1516h2_8daaf6152771_e5627efa2ab1");
        assertThat(match(ObservableType.JA3, "E7D705A3286E19EA42F587B344EE6865")).extracting(Match::rule).containsExactly(MatchRule.HASH_EXACT);
        assertThat(match(ObservableType.MD5, "e7d705a3286e19ea42f587b344ee6865")).isEmpty();
        assertThat(match(ObservableType.JA4, "t13d1516h2_8daaf6152771_e5627efa2ab1")).hasSize(1);
        assertThat(match(ObservableType.JA4, "t13d1516h2_8daaf6152771_e5627efa2ab2")).isEmpty();
    }

    @Test
    void appCertificateHashesAreKeptApartFromFileHashes() {
        String h = "a".repeat(64);
        add(ObservableType.APP_CERT_HASH, h);
        assertThat(match(ObservableType.SHA256, h)).isEmpty();
        assertThat(match(ObservableType.APP_CERT_HASH, h)).hasSize(1);
    }

    @Test
    void emailsAppIdsProfilesAndPropertiesMatchExactlyIgnoringCase() {
        add(ObservableType.EMAIL, "foobar@example.org");
        add(ObservableType.APP_ID, "com.evil.app");
        add(ObservableType.PROFILE_ID, "com.evil.profile");
        add(ObservableType.ANDROID_PROPERTY, "sys.foobar");
        assertThat(match(ObservableType.EMAIL, "FooBar@Example.org")).extracting(Match::rule).containsExactly(MatchRule.EXACT);
        assertThat(match(ObservableType.APP_ID, "com.Evil.App")).hasSize(1);
        assertThat(match(ObservableType.APP_ID, "com.evil.app2")).isEmpty();
        assertThat(match(ObservableType.PROFILE_ID, "com.evil.profile")).hasSize(1);
        assertThat(match(ObservableType.ANDROID_PROPERTY, "sys.foobar")).hasSize(1);
    }

    @Test
    void emailOnABadDomainMatchesTheDomainIndicator() {
        add(ObservableType.DOMAIN, "evil.com");
        assertThat(match(ObservableType.EMAIL, "someone@mail.evil.com")).extracting(Match::rule)
                .containsExactly(MatchRule.EMAIL_HOST_DOMAIN);
        assertThat(match(ObservableType.EMAIL, "evil.com@gmail.com")).isEmpty();
    }

    @Test
    void emptyIndexMatchesNothing() {
        IndicatorIndex index = IndicatorIndex.of(List.of());
        assertThat(index.matchUrl("https://evil.com/", MatchSink.IGNORE)).isZero();
        assertThat(index.match(Observable.of(ObservableType.DOMAIN, "evil.com"))).isEmpty();
    }

    @Test
    void largeIndexKeepsEveryKeyFindable() {
        for (int i = 0; i < 5000; i++) add(ObservableType.DOMAIN, "d" + i + ".example.net");
        for (int i = 0; i < 5000; i++) add(ObservableType.IPV4, "10.0." + (i / 250) + "." + (i % 250 + 1));
        IndicatorIndex index = IndicatorIndex.of(indicators);
        for (int i = 0; i < 5000; i += 7) {
            assertThat(index.matchUrl("http://x.d" + i + ".example.net/", MatchSink.IGNORE)).as("domain %d", i).isEqualTo(1);
            assertThat(index.matchUrl("http://10.0." + (i / 250) + "." + (i % 250 + 1) + "/", MatchSink.IGNORE)).isEqualTo(1);
        }
        assertThat(index.matchUrl("http://d5000.example.net/", MatchSink.IGNORE)).isZero();
    }
}
