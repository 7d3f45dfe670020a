package org.cotejo.core.observable;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RefangTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hxxp://evil.com/           | http://evil.com/",
        "hxxps://evil.com/          | https://evil.com/",
        "hXXps://evil.com/          | https://evil.com/",
        "HXXP://evil.com/           | http://evil.com/",
        "hxxps[://]evil.com         | https://evil.com",
        "hxxp[:]//evil.com          | http://evil.com",
    })
    void restoresDefangedSchemes(String defanged, String expected) {
        assertThat(Refang.refang(defanged)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "evil[.]com       | evil.com",
        "evil(.)com       | evil.com",
        "evil{.}com       | evil.com",
        "evil[dot]com     | evil.com",
        "evil(dot)com     | evil.com",
        "evil[DOT]com     | evil.com",
        "'evil [dot] com' | evil.com",
        "'evil [ . ] com' | evil.com",
    })
    void restoresBracketedDots(String defanged, String expected) {
        assertThat(Refang.refang(defanged)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bob[@]evil.com     | bob@evil.com",
        "bob(@)evil.com     | bob@evil.com",
        "bob[at]evil.com    | bob@evil.com",
        "'bob [at] evil.com'| bob@evil.com",
    })
    void restoresBracketedAts(String defanged, String expected) {
        assertThat(Refang.refang(defanged)).isEqualTo(expected);
    }

    @Test
    void restoresBracketedColonsAndSlashes() {
        assertThat(Refang.refang("https[:]//evil.com[/]a")).isEqualTo("https://evil.com/a");
    }

    @Test
    void undoesSeveralDefangingsInOneValue() {
        assertThat(Refang.refang("hxxps[://]a[.]evil(.)co[.]uk[/]x")).isEqualTo("https://a.evil.co.uk/x");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://[2001:db8::1]:8080/a",
        "http://[::1]/",
        "the dot com bubble",
        "meet me at noon",
        "hxxpfoo is not a scheme",
        "/var/mobile/Library/x.db",
        "https://example.org/search?q=[a]",
    })
    void leavesOrdinaryTextAlone(String text) {
        assertThat(Refang.refang(text)).isEqualTo(text);
    }

    @Test
    void removesByteOrderMarkAndZeroWidthSpaces() {
        assertThat(Refang.refang("\uFEFFevil\u200B.com")).isEqualTo("evil.com");
    }

    @Test
    void keepsZeroWidthJoinersThatBelongToInternationalNames() {
        assertThat(Refang.refang("a\u200Db.com")).isEqualTo("a\u200Db.com");
    }

    @Test
    void strippingInvisibleCharactersLeavesDefangingTokensAlone() {
        assertThat(Refang.stripInvisible("\uFEFFreport[.]pdf")).isEqualTo("report[.]pdf");
    }
}
