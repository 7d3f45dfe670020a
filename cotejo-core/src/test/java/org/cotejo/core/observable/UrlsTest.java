package org.cotejo.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.cotejo.core.observable.ParsedUrl.HostKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

    @Test
    void takesAFullUrlApart() {
        ParsedUrl url = Urls.parse("https://user:pw@Example.org:8443/a/b?q=1#frag");
        assertThat(url).isEqualTo(new ParsedUrl("https", "user:pw", "example.org", HostKind.DOMAIN, 8443, "/a/b", "q=1", "frag"));
    }

    @Test
    void leavesSchemeQueryAndFragmentNullWhenAbsent() {
        ParsedUrl url = Urls.parse("example.org/path");
        assertThat(url).isEqualTo(new ParsedUrl(null, null, "example.org", HostKind.DOMAIN, -1, "/path", null, null));
        assertThat(url.normalised()).isEqualTo("http://example.org/path");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTPS://EXAMPLE.ORG/x                | https://example.org/x",
        "example.org                          | http://example.org/",
        "example.org:8080/x                   | http://example.org:8080/x",
        "localhost:8080                       | http://localhost:8080/",
        "//example.org/x                      | http://example.org/x",
        "http://example.org:80/x              | http://example.org/x",
        "https://example.org:443/x            | https://example.org/x",
        "ftp://example.org:21/x               | ftp://example.org/x",
        "wss://example.org:443/x              | wss://example.org/x",
        "https://example.org:80/x             | https://example.org:80/x",
        "http://example.org:/x                | http://example.org/x",
        "http://example.org:0/                | http://example.org:0/",
        "http://example.org./x                | http://example.org/x",
        "https://www.example.org/             | https://www.example.org/",
        "https://wwwexample.org/              | https://wwwexample.org/",
        "http://example.org?q=1               | http://example.org/?q=1",
        "http://example.org/a/./b/../c        | http://example.org/a/c",
        "http://example.org/a/b/..            | http://example.org/a/",
        "http://example.org/../../x           | http://example.org/x",
        "http://example.org/%2e%2E/x          | http://example.org/x",
        "http://example.org/Case/Kept?Q=Kept  | http://example.org/Case/Kept?Q=Kept",
        "http://example.org/a\\b              | http://example.org/a\\b",
        "http://example.org/x?                | http://example.org/x?",
        "http://example.org/x#only-fragment   | http://example.org/x",
    })
    void normalisesTheWayRfc3986Says(String raw, String normalised) {
        assertThat(Urls.normalise(raw)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://example.org/%7euser/%41%2d%5F     | http://example.org/~user/A-_",
        "http://example.org/a%2fb%3f?x=%2a%3d%3D  | http://example.org/a%2Fb%3F?x=%2A%3D%3D",
        "http://example.org/ü                     | http://example.org/%C3%BC",
        "http://example.org/100%                  | http://example.org/100%",
    })
    void decodesUnreservedEscapesAndUpperCasesTheOthers(String raw, String normalised) {
        assertThat(Urls.normalise(raw)).isEqualTo(normalised);
    }

    @Test
    void findsTheHostBehindUserInfo() {
        assertThat(Urls.parse("https://user:pw@example.org/").host()).isEqualTo("example.org");
        ParsedUrl userOnly = Urls.parse("https://user@example.org/");
        assertThat(userOnly.userInfo()).isEqualTo("user");
        assertThat(userOnly.host()).isEqualTo("example.org");
        assertThat(userOnly.normalised()).isEqualTo("https://example.org/");
    }

    @Test
    void readsTheLastAtAsTheEndOfUserInfo() {
        assertThat(Urls.parse("http://good.com@evil.com/").host()).isEqualTo("evil.com");
    }

    @Test
    void readsIpv6LiteralHosts() {
        ParsedUrl url = Urls.parse("http://[2001:DB8::1]:8080/a");
        assertThat(url.host()).isEqualTo("2001:db8::1");
        assertThat(url.hostKind()).isEqualTo(HostKind.IPV6);
        assertThat(url.port()).isEqualTo(8080);
        assertThat(url.normalised()).isEqualTo("http://[2001:db8::1]:8080/a");
    }

    @Test
    void readsIpv4Hosts() {
        ParsedUrl url = Urls.parse("https://198.51.100.1:8080/");
        assertThat(url.host()).isEqualTo("198.51.100.1");
        assertThat(url.hostKind()).isEqualTo(HostKind.IPV4);
        assertThat(url.matchKey()).isEqualTo("198.51.100.1:8080/");
    }

    @Test
    void convertsUnicodeAndPercentEncodedHostsToPunycode() {
        assertThat(Urls.parse("https://exämple.org/").host()).isEqualTo("xn--exmple-cua.org");
        assertThat(Urls.parse("https://ex%C3%A4mple.org/").host()).isEqualTo("xn--exmple-cua.org");
        assertThat(Urls.parse("https://%45xample.org/").host()).isEqualTo("example.org");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http:///path                    | has no host",
        "http://:8080/                   | has no host",
        "http://example.org:99999/       | greater than 65535",
        "http://example.org:80a/         | port '80a'",
        "http://2001:db8::1/             | must be in brackets",
        "http://[2001:db8::1/            | no closing ']'",
        "http://[2001:db8::1]x/          | unexpected 'x'",
        "http://[fe80::1%25eth0]/        | zone id",
        "'http://exa mple.org/'          | contains a space",
        "http://example.org/\ta          | control character",
        "http://-evil.com/               | host '-evil.com'",
        "http://a..b/                    | empty label",
        "http://1.2.3.999/               | numeric label",
        "http://ex%ZZample.org/          | not followed by two hex digits",
        "http://ex%FFample.org/          | not UTF-8",
        "mailto:bob@example.org          | scheme 'mailto:' has no '//'",
        "javascript:alert(1)             | scheme 'javascript:' has no '//'",
        "http:/example.org               | not followed by '://'",
    })
    void rejectsUrlsWithoutAValidHostWithAReason(String raw, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> Urls.parse(raw.replace("\\t", "\t"))).withMessageContaining(reason);
    }

    @Test
    void matchKeyIgnoresSchemeUserInfoAndFragment() {
        assertThat(Urls.parse("https://u@evil.com/a?b#c").matchKey()).isEqualTo(Urls.parse("http://evil.com/a?b").matchKey());
    }
}
