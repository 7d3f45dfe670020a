package org.cotejo.forensics.network.pcap.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hashing and ALPN rules of FoxIO's JA4 specification (technical_details/JA4.md), on its own examples. */
public class Ja4Test {
    public static String sha12(String s) { return Ja4.sha12(s); }

    @Test
    void hashesTheSpecificationsListsToItsValues() {
        // "002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9 = 8daaf6152771"
        assertThat(Ja4.sha12("002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9")).isEqualTo("8daaf6152771");
        // with signature algorithms: e5627efa2ab1; without: 6d807ffa2a79
        assertThat(Ja4.sha12("0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_0403,0804,0401,0503,0805,0501,0806,0601"))
                .isEqualTo("e5627efa2ab1");
        assertThat(Ja4.sha12("0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01")).isEqualTo("6d807ffa2a79");
    }

    @Test
    void alpnTakesFirstAndLastCharactersOrTheirHexWhenNotAlphanumeric() {
        assertThat(Ja4.alpn(List.of("h2", "http/1.1"))).isEqualTo("h2");
        assertThat(Ja4.alpn(List.of("http/1.1"))).isEqualTo("h1");
        assertThat(Ja4.alpn(List.of())).isEqualTo("00");
        assertThat(Ja4.alpn(List.of("x"))).isEqualTo("xx");
        // the specification's examples: 0xAB -> "ab", 0xAB 0xCD -> "ad", 0x30 0xAB -> "3b", 0x30 0x31 0xAB 0xCD -> "3d", 0x30 0xAB 0xCD 0x31 -> "01"
        assertThat(Ja4.alpn(List.of("\u00ab"))).isEqualTo("ab");
        assertThat(Ja4.alpn(List.of("\u00ab\u00cd"))).isEqualTo("ad");
        assertThat(Ja4.alpn(List.of("0\u00ab"))).isEqualTo("3b");
        assertThat(Ja4.alpn(List.of("01\u00ab\u00cd"))).isEqualTo("3d");
        assertThat(Ja4.alpn(List.of("0\u00ab\u00cd1"))).isEqualTo("01");
    }
}
