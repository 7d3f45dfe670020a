package org.cotejo.forensics.network.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cotejo.forensics.network.pcap.Frames.Dhcp6.*;
import static org.cotejo.forensics.network.pcap.Frames.concat;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.cotejo.forensics.network.pcap.dhcp.Dhcp6Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** DHCPv6 messages read from their bytes: identifiers, addresses, names, and lengths that lie. */
class Dhcp6MessageTest {
    static final int REPLY = 7, REQUEST = 3;

    private static Dhcp6Message parse(byte[] b) throws Dhcp6Message.Malformed {
        return Dhcp6Message.parse(b, 0, b.length);
    }

    @Test
    void readsTheTransactionIdAndEveryAddressOfEveryIa() throws Exception {
        Dhcp6Message m = parse(message(REPLY, 0xFEDCBA, clientId(duidLlt(1, PcapDhcpTest.LAPTOP)),
                iaNa(1, 0, 0, iaAddress("2001:db8::a", 10, 20), iaAddress("2001:db8::b", 30, 40)),
                iaTa(2, iaAddress("2001:db8::c", 50, 60, status(0, "")))));

        assertThat(m.type()).isEqualTo(REPLY);
        assertThat(m.transactionId()).isEqualTo(0xFEDCBA);
        assertThat(m.granted()).extracting(Dhcp6Message.IaAddress::address, Dhcp6Message.IaAddress::iaid, Dhcp6Message.IaAddress::temporary,
                        Dhcp6Message.IaAddress::preferredSeconds, Dhcp6Message.IaAddress::validSeconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2001:db8::a", 1L, false, 10L, 20L),
                        org.assertj.core.groups.Tuple.tuple("2001:db8::b", 1L, false, 30L, 40L),
                        org.assertj.core.groups.Tuple.tuple("2001:db8::c", 2L, true, 50L, 60L));
    }

    @Test
    void takesTheMacFromEthernetDuidLlAndDuidLltOnly() throws Exception {
        byte[] duidLl = ByteBuffer.allocate(10).putShort((short) 3).putShort((short) 1).put(PcapDhcpTest.PHONE).array();
        byte[] tokenRing = ByteBuffer.allocate(10).putShort((short) 3).putShort((short) 6).put(PcapDhcpTest.PHONE).array();
        byte[] uuid = concat(new byte[] {0, 4}, new byte[16]);

        assertThat(parse(message(REQUEST, 1, clientId(duidLl))).client().mac()).isEqualTo("3c:22:fb:00:00:01");
        assertThat(parse(message(REQUEST, 1, clientId(duidLlt(7, PcapDhcpTest.PHONE)))).client().mac()).isEqualTo("3c:22:fb:00:00:01");
        assertThat(parse(message(REQUEST, 1, clientId(tokenRing))).client()).extracting(Dhcp6Message.Duid::mac, Dhcp6Message.Duid::hex)
                .containsExactly(null, "000300063c22fb000001");
        assertThat(parse(message(REQUEST, 1, clientId(uuid))).client().mac()).isNull();
    }

    @Test
    void readsPartialAndFullyQualifiedClientNames() throws Exception {
        assertThat(parse(message(REQUEST, 1, fqdn("pixel-7", false))).clientFqdn()).isEqualTo("pixel-7");
        assertThat(parse(message(REQUEST, 1, fqdn("pixel-7.lab.example", true))).clientFqdn()).isEqualTo("pixel-7.lab.example");
    }

    @Test
    void refusesWhatDoesNotFitItsContainer() {
        assertThatThrownBy(() -> parse(message(REPLY, 1, option(3, new byte[8]))))
                .hasMessage("IA_NA of 8 bytes is shorter than its 12-byte header");
        assertThatThrownBy(() -> parse(message(REPLY, 1, iaNa(1, 0, 0, option(5, new byte[20])))))
                .hasMessage("IA Address of 20 bytes in IA_NA is shorter than 24 bytes");
        assertThatThrownBy(() -> parse(message(REPLY, 1, iaTa(1, iaAddress("2001:db8::1", 1, 2, option(13, new byte[1]))))))
                .hasMessage("status code in the IA Address shorter than 2 bytes");
        assertThatThrownBy(() -> parse(message(REPLY, 1, clientId(new byte[131]))))
                .hasMessage("client identifier DUID of 131 bytes (2 to 130 allowed)");
        assertThatThrownBy(() -> parse(message(REQUEST, 1, option(39, new byte[] {0, 3, 'a', 'b', 'c', (byte) 0xC0, 0}))))
                .hasMessage("client FQDN label with length byte 192 (over 63; compression is not allowed here)");
        byte[] longName = new byte[1 + 5 * 64];
        for (int i = 1; i < longName.length; i += 64) longName[i] = 63;
        assertThatThrownBy(() -> parse(message(REQUEST, 1, option(39, longName)))).hasMessage("client FQDN name over 255 bytes");
        assertThatThrownBy(() -> parse(new byte[] {12, 0, 0})).hasMessage("relay message of 3 bytes is shorter than its 34-byte header");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aMessageOfSixteenThousandEmptyOptionsIsReadInOnePass() throws Exception {
        byte[] many = new byte[4 + 16_000 * 4];
        many[0] = REPLY;
        for (int p = 4; p < many.length; p += 4) many[p + 1] = 99; // option 99, length 0

        assertThat(parse(many).addresses()).isEmpty();
    }
}
