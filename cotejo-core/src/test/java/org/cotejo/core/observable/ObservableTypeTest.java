package org.cotejo.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservableTypeTest {

    @Test
    void refangsAUrlAndKeepsTheRawText() {
        Observable url = ObservableType.URL.normalise("hxxps://evil[.]com/a");
        assertThat(url.value()).isEqualTo("https://evil.com/a");
        assertThat(url.raw()).isEqualTo("hxxps://evil[.]com/a");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DOMAIN  | ' www.Evil[.]com '       | evil.com",
        "DOMAIN  | evil(dot)co[.]uk         | evil.co.uk",
        "DOMAIN  | '\uFEFFexämple.org'      | xn--exmple-cua.org",
        "URL     | hXXp[://]evil[.]com      | http://evil.com/",
        "IPV4    | 198.51.100[.]1           | 198.51.100.1",
        "IPV6    | '[2001:DB8::1]'          | 2001:db8::1",
        "CIDR    | 10.1.2.3/8               | 10.0.0.0/8",
        "EMAIL   | Bob[@]Evil[.]com         | bob@evil.com",
        "EMAIL   | 'bob [at] evil [dot] com'| bob@evil.com",
        "MD5     | D41D8CD98F00B204E9800998ECF8427E | d41d8cd98f00b204e9800998ecf8427e",
        "X509_HASH | DA:39:A3:EE:5E:6B:4B:0D:32:55:BF:EF:95:60:18:90:AF:D8:07:09 | da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "APP_ID  | Com.Example.App          | com.example.app",
    })
    void normalisesEachTypeFromDefangedRawText(ObservableType type, String raw, String value) {
        Observable o = type.normalise(raw);
        assertThat(o.value()).isEqualTo(value);
        assertThat(o.raw()).isEqualTo(raw);
    }

    @Test
    void doesNotRefangFileNamesOrProcessNames() {
        assertThat(ObservableType.FILE_NAME.normalise("report[.]pdf").value()).isEqualTo("report[.]pdf");
        assertThat(ObservableType.PROCESS_NAME.normalise("agent(at)work").value()).isEqualTo("agent(at)work");
        assertThat(ObservableType.FILE_PATH.normalise("\u200B/var/x(.)y").value()).isEqualTo("/var/x(.)y");
    }

    @Test
    void wrapsTheReasonWithTheRawValueWhenRejecting() {
        assertThatThrownBy(() -> ObservableType.DOMAIN.normalise("198.51.100.1"))
                .isInstanceOfSatisfying(InvalidObservableException.class, e -> {
                    assertThat(e.raw()).isEqualTo("198.51.100.1");
                    assertThat(e.type()).isEqualTo(ObservableType.DOMAIN);
                    assertThat(e.reason()).isEqualTo("this is an IPv4 address, not a domain");
                    assertThat(e.getMessage()).isEqualTo("not a valid domain name '198.51.100.1': this is an IPv4 address, not a domain");
                });
    }

    @Test
    void rejectsValuesThatAreEmptyOnceInvisibleCharactersAreGone() {
        assertThatThrownBy(() -> ObservableType.SHA256.normalise(" \uFEFF "))
                .isInstanceOfSatisfying(InvalidObservableException.class, e -> assertThat(e.reason()).isEqualTo("empty value"));
    }

    @Test
    void reportsTheWrongHashLengthThroughTheType() {
        assertThatThrownBy(() -> ObservableType.MD5.normalise("d41d8cd98f00b204e9800998ecf8427"))
                .isInstanceOfSatisfying(InvalidObservableException.class,
                        e -> assertThat(e.reason()).isEqualTo("has 31 hex digits, a MD5 hash has 32"));
    }
}
