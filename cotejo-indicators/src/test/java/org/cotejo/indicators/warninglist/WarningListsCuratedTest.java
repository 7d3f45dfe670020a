package org.cotejo.indicators.warninglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WarningListsCuratedTest {
    private final WarningLists curated = WarningLists.curated();

    private List<String> listsHit(ObservableType type, String raw) {
        return names(curated.check(Observable.of(type, raw)));
    }

    /** URL observables are built in their canonical form directly, independent of the URL normaliser. */
    private List<WarningHit> urlHits(String canonicalUrl) {
        return curated.check(new Observable(ObservableType.URL, canonicalUrl, canonicalUrl));
    }

    private static List<String> names(List<WarningHit> hits) {
        return hits.stream().map(h -> h.list().name()).toList();
    }

    @Test
    void flagsASubdomainOfAPlatformDomainWithTheEntryThatCoversIt() {
        List<WarningHit> hits = curated.check(Observable.of(ObservableType.DOMAIN, "gateway.push.apple.com"));

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.list().name()).isEqualTo("cotejo-platform-domains");
            assertThat(hit.entry()).isEqualTo("apple.com");
            assertThat(hit.how()).isEqualTo("gateway.push.apple.com is a subdomain of apple.com");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"notapple.com", "apple.com.evil.example.net", "apple-com.net", "googleapis.co"})
    void neverFlagsALookAlikeOfAPlatformDomain(String lookAlike) {
        assertThat(listsHit(ObservableType.DOMAIN, lookAlike)).doesNotContain("cotejo-platform-domains");
    }

    @Test
    void flagsCdnDomains() {
        assertThat(listsHit(ObservableType.DOMAIN, "d111111abcdef8.cloudfront.net")).containsExactly("cotejo-cdn-domains");
    }

    @Test
    void flagsIpv4AddressesInsidePrivateAndDocumentationRanges() {
        assertThat(listsHit(ObservableType.IPV4, "10.20.30.40")).containsExactly("cotejo-special-ranges");
        assertThat(listsHit(ObservableType.IPV4, "172.31.255.255")).containsExactly("cotejo-special-ranges");
        assertThat(listsHit(ObservableType.IPV4, "198.51.100.1")).containsExactly("cotejo-special-ranges");
        assertThat(listsHit(ObservableType.IPV4, "172.32.0.1")).isEmpty();
        assertThat(listsHit(ObservableType.IPV4, "93.184.216.34")).isEmpty();
    }

    @Test
    void flagsPublicResolversByExactAddressOnly() {
        assertThat(curated.check(Observable.of(ObservableType.IPV4, "8.8.8.8")))
                .singleElement().satisfies(hit -> assertThat(hit.how()).isEqualTo("8.8.8.8 is on the list"));
        assertThat(listsHit(ObservableType.IPV4, "8.8.8.9")).isEmpty();
        assertThat(listsHit(ObservableType.IPV6, "2606:4700:4700::1111")).containsExactly("cotejo-public-resolvers");
        assertThat(listsHit(ObservableType.IPV6, "2606:4700:4700::1112")).isEmpty();
    }

    @Test
    void flagsIpv6AddressesInsideSpecialRanges() {
        assertThat(curated.check(Observable.of(ObservableType.IPV6, "2001:db8::1")))
                .singleElement().satisfies(hit -> assertThat(hit.entry()).isEqualTo("2001:db8::/32"));
        assertThat(listsHit(ObservableType.IPV6, "fe80::1c2a:3bff:fe4d:5e6f")).containsExactly("cotejo-special-ranges");
        assertThat(listsHit(ObservableType.IPV6, "fd12:3456:789a::1")).containsExactly("cotejo-special-ranges");
        assertThat(listsHit(ObservableType.IPV6, "2a00:1450:4001:80b::200e")).isEmpty();
    }

    @Test
    void flagsARangeOnlyWhenItLiesWhollyInsideAListedRange() {
        assertThat(listsHit(ObservableType.CIDR, "192.168.10.0/24")).containsExactly("cotejo-special-ranges");
        assertThat(listsHit(ObservableType.CIDR, "192.0.0.0/8")).isEmpty();
    }

    @Test
    void checksTheHostOfAUrl() {
        assertThat(urlHits("https://mail.google.com/mail/u/0")).singleElement()
                .satisfies(hit -> assertThat(hit.how()).isEqualTo("the URL's host mail.google.com is a subdomain of google.com"));
        assertThat(names(urlHits("http://[2001:db8::5]:8080/x"))).containsExactly("cotejo-special-ranges");
        assertThat(names(urlHits("http://192.168.1.1/admin"))).containsExactly("cotejo-special-ranges");
        assertThat(urlHits("https://notgoogle.net/google.com?u=apple.com")).isEmpty();
    }

    @Test
    void flagsTestAddressesByTheirEmailDomainButNotAccountsOnPlatforms() {
        assertThat(curated.check(Observable.of(ObservableType.EMAIL, "foobar@example.org"))).singleElement()
                .satisfies(hit -> assertThat(hit.how()).isEqualTo("the e-mail domain example.org is on the list"));
        // An operator's iCloud account is specific evidence, even though icloud.com is a platform.
        assertThat(listsHit(ObservableType.EMAIL, "someone@icloud.com")).isEmpty();
    }

    @Test
    void flagsReservedSingleLabelNames() {
        assertThat(listsHit(ObservableType.DOMAIN, "printer.local")).containsExactly("cotejo-reserved-domains");
        assertThat(listsHit(ObservableType.DOMAIN, "foo.test")).containsExactly("cotejo-reserved-domains");
        assertThat(listsHit(ObservableType.DOMAIN, "testing.com")).isEmpty();
    }

    @Test
    void flagsTheHashesOfAnEmptyFileWhateverTheirCase() {
        assertThat(listsHit(ObservableType.MD5, "D41D8CD98F00B204E9800998ECF8427E")).containsExactly("cotejo-empty-file-hashes");
        assertThat(listsHit(ObservableType.SHA1, "da39a3ee5e6b4b0d3255bfef95601890afd80709")).containsExactly("cotejo-empty-file-hashes");
        assertThat(listsHit(ObservableType.SHA256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
                .containsExactly("cotejo-empty-file-hashes");
        assertThat(listsHit(ObservableType.SHA512,
                "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"))
                .containsExactly("cotejo-empty-file-hashes");
        assertThat(listsHit(ObservableType.SHA256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b856")).isEmpty();
    }

    @Test
    void everyCuratedListExplainsItselfAndUsesEveryEntry() {
        assertThat(curated.lists()).hasSize(WarningLists.CURATED.size()).allSatisfy(list -> {
            assertThat(list.description()).hasSizeGreaterThan(60);
            assertThat(list.entries()).isNotEmpty();
            assertThat(list.notes()).as(list.name()).isEmpty();
            assertThat(list.appliesTo()).as(list.name()).isNotEmpty();
        });
    }

    @Test
    void everyCuratedResourceIsLoaded() throws IOException, URISyntaxException {
        Path folder = Path.of(WarningLists.class.getResource("curated").toURI());
        try (Stream<Path> dirs = Files.list(folder)) {
            assertThat(dirs.map(d -> d.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(WarningLists.CURATED);
        }
    }
}
