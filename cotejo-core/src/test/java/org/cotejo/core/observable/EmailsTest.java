package org.cotejo.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailsTest {

    @Test
    void lowerCasesTheWholeAddress() {
        assertThat(Emails.normalise("Bob.Smith@Evil.COM")).isEqualTo("bob.smith@evil.com");
    }

    @Test
    void writesInternationalDomainsInPunycode() {
        assertThat(Emails.normalise("bob@exämple.org")).isEqualTo("bob@xn--exmple-cua.org");
    }

    @Test
    void keepsWwwAndDropsATrailingDotInTheDomain() {
        assertThat(Emails.normalise("bob@www.example.org.")).isEqualTo("bob@www.example.org");
    }

    @Test
    void dropsAMailtoPrefix() {
        assertThat(Emails.normalise("MAILTO:bob@evil.com")).isEqualTo("bob@evil.com");
    }

    @Test
    void givesTheDomainOfANormalisedAddress() {
        assertThat(Emails.domainOf("bob@mail.evil.com")).isEqualTo("mail.evil.com");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bob.evil.com          | has no '@'",
        "bob@evil@com          | more than one '@'",
        "@evil.com             | nothing before the '@'",
        "bob@                  | nothing after the '@'",
        "'bob smith@evil.com'  | contains a space",
        "bob@evil..com         | empty label",
        "bob@[198.51.100.1]    | domain '[198.51.100.1]'",
        "bob@198.51.100.1      | IPv4 address",
    })
    void rejectsMalformedAddressesWithAReason(String raw, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> Emails.normalise(raw)).withMessageContaining(reason);
    }
}
