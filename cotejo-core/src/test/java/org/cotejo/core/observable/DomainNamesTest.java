package org.cotejo.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNamesTest {

    @Test
    void lowerCasesAndRemovesOneTrailingDot() {
        assertThat(DomainNames.normalise("Evil.EXAMPLE.org.")).isEqualTo("evil.example.org");
    }

    @Test
    void rejectsTwoTrailingDotsAsAnEmptyLabel() {
        assertThatIllegalArgumentException().isThrownBy(() -> DomainNames.normalise("example.org.."))
                .withMessageContaining("empty label");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "www.example.org      | example.org",
        "WWW.Example.org      | example.org",
        "www.a.example.org    | a.example.org",
        "wwwexample.org       | wwwexample.org",
        "www2.example.org     | www2.example.org",
        "web.example.org      | web.example.org",
        "www.com              | www.com",
        "www.co.uk            | www.co.uk",
        "www.evil.co.uk       | evil.co.uk",
        "a.www.example.org    | a.www.example.org",
    })
    void stripsWwwOnlyAsAWholeFirstLabelWithARegistrableRest(String raw, String normalised) {
        assertThat(DomainNames.normalise(raw)).isEqualTo(normalised);
    }

    @Test
    void keepsWwwInUrlHosts() {
        assertThat(DomainNames.normaliseHost("WWW.example.org")).isEqualTo("www.example.org");
    }

    @Test
    void convertsUnicodeNamesToPunycodeAndBack() {
        assertThat(DomainNames.normalise("exämple.org")).isEqualTo("xn--exmple-cua.org");
        assertThat(DomainNames.normalise("EXÄMPLE.org")).isEqualTo("xn--exmple-cua.org");
        assertThat(DomainNames.normalise("xn--exmple-cua.org")).isEqualTo("xn--exmple-cua.org");
        assertThat(DomainNames.toUnicode("xn--exmple-cua.org")).isEqualTo("exämple.org");
    }

    @Test
    void treatsIdeographicFullStopsAsDots() {
        assertThat(DomainNames.normalise("exämple\u3002org")).isEqualTo("xn--exmple-cua.org");
    }

    @Test
    void acceptsUnderscoreLabelsFoundInRealDns() {
        assertThat(DomainNames.normalise("_dmarc.Example.com")).isEqualTo("_dmarc.example.com");
        assertThat(DomainNames.normalise("a_b.example.com")).isEqualTo("a_b.example.com");
    }

    @Test
    void acceptsSingleLabelNames() {
        assertThat(DomainNames.normalise("LocalHost")).isEqualTo("localhost");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "198.51.100.1              | this is an IPv4 address",
        "2001:db8::1               | this is an IPv6 address",
        "1.2.3.999                 | numeric label",
        "3232235521                | numeric label",
        "010.1.1.1                 | numeric label",
        "'evil .com'               | contains a space",
        "evil.com/path             | contains '/'",
        "evil.com:8080             | contains ':'",
        "bob@evil.com              | contains '@'",
        "a..b                      | empty label",
        ".example.org              | empty label",
        "-evil.com                 | hyphen",
        "evil-.com                 | hyphen",
        "ev!l.com                  | contains '!'",
        "xn--zz.com                | not valid punycode",
        ".                         | has no labels",
    })
    void rejectsWhatIsNotADomainWithAReason(String raw, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> DomainNames.normalise(raw)).withMessageContaining(reason);
    }

    @Test
    void rejectsLabelsLongerThan63Characters() {
        String label64 = "a".repeat(64);
        assertThat(DomainNames.normalise("a".repeat(63) + ".com")).hasSize(67);
        assertThatIllegalArgumentException().isThrownBy(() -> DomainNames.normalise(label64 + ".com"))
                .withMessage("label longer than 63 characters");
    }

    @Test
    void rejectsNamesLongerThan253Characters() {
        String label = "a".repeat(60);
        String name = String.join(".", label, label, label, label, "abcdefghij.com"); // 4*61 + 14 = 258
        assertThatIllegalArgumentException().isThrownBy(() -> DomainNames.normalise(name))
                .withMessageContaining("at most 253");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a.b.evil.co.uk          | evil.co.uk",
        "evil.co.uk              | evil.co.uk",
        "example.org.evil.com    | evil.com",
        "foo.github.io           | github.io",
        "_dmarc.example.com      | example.com",
        "a._srv.example.com      | example.com",
        "xn--exmple-cua.org      | xn--exmple-cua.org",
    })
    void findsTheRegistrableDomainWithTheIcannSectionOnly(String name, String registrable) {
        assertThat(DomainNames.registrableDomain(name)).contains(registrable);
    }

    @ParameterizedTest
    @CsvSource({"co.uk", "com", "localhost", "example.invalidtld", "_foo.co.uk", "198.51.100.1", "2001:db8::1"})
    void hasNoRegistrableDomainForSuffixesSingleLabelsUnknownTldsAndAddresses(String name) {
        assertThat(DomainNames.registrableDomain(name)).isEmpty();
    }
}
