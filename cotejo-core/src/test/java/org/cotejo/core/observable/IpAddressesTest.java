package org.cotejo.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAddressesTest {

    @Test
    void keepsADottedQuadAsItIs() {
        assertThat(IpAddresses.normaliseIpv4("198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(IpAddresses.normaliseIpv4("0.0.0.0")).isEqualTo("0.0.0.0");
        assertThat(IpAddresses.normaliseIpv4("255.255.255.255")).isEqualTo("255.255.255.255");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0x7f.1            | not a decimal number",
        "0x7f.0.0.1        | not a decimal number",
        "010.1.1.1         | leading zero",
        "3232235521        | single number",
        "1.2.3             | has 3 parts",
        "1.2.3.4.5         | has 5 parts",
        "1.2.3.256         | greater than 255",
        "1.2..4            | empty part",
        "1.2.3.4:80        | has a port",
        "1.2.3.*           | not a decimal number",
        "1-2.3.4.5         | not a decimal number",
        "2001:db8::1       | contains ':'",
    })
    void rejectsAnythingButAStrictDottedQuad(String text, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> IpAddresses.normaliseIpv4(text)).withMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2001:DB8:0:0:0:0:0:1     | 2001:db8::1",
        "2001:0db8::0001          | 2001:db8::1",
        "[2001:db8::1]            | 2001:db8::1",
        "2001:db8:0:0:1:0:0:1     | 2001:db8::1:0:0:1",
        "::1                      | ::1",
        "::                       | ::",
        "::ffff:1.2.3.4           | ::ffff:102:304",
    })
    void writesIpv6InCanonicalCompressedLowerCase(String text, String canonical) {
        assertThat(IpAddresses.normaliseIpv6(text)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fe80::1%eth0       | zone id",
        "[fe80::1%25en0]    | zone id",
        "1.2.3.4            | this is an IPv4 address",
        "2001:db8::/32      | prefix length",
        "[2001:db8::1       | unmatched bracket",
        "2001:db8::g        | not a valid IPv6 address",
        "1:2:3:4:5:6:7:8:9  | not a valid IPv6 address",
        "::ffff:010.1.1.1   | not a valid IPv6 address",
        "2001:db8::1-2      | not a valid IPv6 address",
        "example.org        | has no ':'",
    })
    void rejectsMalformedIpv6WithAReason(String text, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> IpAddresses.normaliseIpv6(text)).withMessageContaining(reason);
    }

    @Test
    void givesTheIpv4AddressInsideAnIpv4MappedAddress() {
        assertThat(IpAddresses.mappedIpv4("::ffff:102:304")).contains("1.2.3.4");
        assertThat(IpAddresses.mappedIpv4("2001:db8::1")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.1.2.3/8           | 10.0.0.0/8",
        "198.51.100.0/24      | 198.51.100.0/24",
        "198.51.100.7         | 198.51.100.7/32",
        "0.0.0.0/0            | 0.0.0.0/0",
        "2001:DB8::1/32       | 2001:db8::/32",
        "2001:db8::1          | 2001:db8::1/128",
        "[2001:db8::]/48      | 2001:db8::/48",
    })
    void masksRangesToTheirNetworkAddress(String text, String canonical) {
        assertThat(IpAddresses.normaliseCidr(text)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.2.3.4/33          | longer than 32 bits",
        "2001:db8::/129      | longer than 128 bits",
        "1.2.3.4/            | not a number",
        "1.2.3.4/255.0.0.0   | not a number",
        "1.2.3.4/8/8         | more than one '/'",
        "010.0.0.0/8         | leading zero",
        "fe80::%eth0/64      | zone id",
    })
    void rejectsMalformedRanges(String text, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> IpAddresses.normaliseCidr(text)).withMessageContaining(reason);
    }

    @Test
    void parsesAnIpAsTheTypeItIs() {
        assertThat(IpAddresses.parseIp("198.51.100.1").type()).isEqualTo(ObservableType.IPV4);
        assertThat(IpAddresses.parseIp("2001:DB8::1")).isEqualTo(new Observable(ObservableType.IPV6, "2001:db8::1", "2001:DB8::1"));
    }
}
