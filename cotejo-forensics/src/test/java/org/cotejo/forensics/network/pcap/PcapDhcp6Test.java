package org.cotejo.forensics.network.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.cotejo.forensics.network.pcap.Frames.*;
import static org.cotejo.forensics.network.pcap.Frames.Dhcp6.*;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.network.attribution.DeviceAddresses;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DHCPv6 (RFC 8415) leases as records and as device attribution: stateful exchanges over IPv6/UDP
 * between a client on port 546 and a server on 547, as a lab access point captures them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PcapDhcp6Test {
    static final Instant T = Instant.parse("2025-03-01T10:00:00Z");
    /** Message types, RFC 8415 section 7.3. */
    static final int SOLICIT = 1, ADVERTISE = 2, REQUEST = 3, RENEW = 5, REPLY = 7, RELEASE = 8, INFORMATION_REQUEST = 11;
    static final byte[] PHONE = PcapDhcpTest.PHONE;
    static final byte[] PHONE_DUID = duidLlt(0x2f3a4b5c, PHONE);
    static final String PHONE_DUID_HEX = "000100012f3a4b5c3c22fb000001";
    static final byte[] LAPTOP_DUID = duidEn(32473, new byte[] {1, 2, 3, 4});
    static final String LAPTOP_DUID_HEX = "000200007ed901020304";
    static final byte[] TABLET_DUID = duidEn(32473, new byte[] {9, 9});
    static final byte[] SERVER_DUID = duidLlt(0x11111111, new byte[] {0x02, 0, 0, 0, 0, 0x53});
    static final String SERVER = "fe80::1";

    @TempDir Path root;

    /** A client message from its link-local address to All_DHCP_Relay_Agents_and_Servers. */
    static byte[] fromClient(String linkLocal, byte[] message) {
        return ethernet(0x86DD, ipv6(linkLocal, "ff02::1:2", 17, udp(546, 547, message)));
    }

    /** A server message to the client's link-local address. */
    static byte[] fromServer(String linkLocal, byte[] message) {
        return ethernet(0x86DD, ipv6(SERVER, linkLocal, 17, udp(547, 546, message)));
    }

    static byte[] dnsAnswer(String client, int port, int id) {
        return ethernet(0x86DD, ipv6("2001:db8:1::53", client, 17, udp(53, port, PcapDnsTest.response(id))));
    }

    private ModuleHarness.Result run(PcapWriter w, String... deviceIps) throws Exception {
        Extraction x = Captures.open(w.write(root.resolve("dhcp6.pcap")))
                .with(DeviceAddresses.class, DeviceAddresses.parse(List.of(deviceIps)));
        return ModuleHarness.run(x, "PcapDhcp", "PcapDns");
    }

    private static PcapWriter capture() {
        return PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, PacketDecoder.LINKTYPE_ETHERNET);
    }

    private static List<String> messages(ModuleHarness.Result r) {
        return r.problems().stream().map(ModuleProblem::message).toList();
    }

    @Test
    void aStatefulExchangeLeasesTheAddressAndAttributesLaterTrafficToTheDevice() throws Exception {
        String phone = "fe80::3e22:fbff:fe00:1";
        PcapWriter w = capture()
                .packet(T, PcapDhcpTest.request(PHONE, "Pixel-7"))
                .packet(T.plusSeconds(1), PcapDhcpTest.ack(PHONE, "192.168.1.50"))   // the analyst's IPv4 address binds the MAC
                .packet(T.plusSeconds(2), dnsAnswer("2001:db8:1::50", 40000, 1))      // before the DHCPv6 lease: nobody's
                .packet(T.plusSeconds(3), fromClient(phone, message(SOLICIT, 0xA1B2C3, clientId(PHONE_DUID), iaNa(7, 0, 0),
                        fqdn("pixel-7", false))))
                .packet(T.plusSeconds(4), fromServer(phone, message(ADVERTISE, 0xA1B2C3, clientId(PHONE_DUID), serverId(SERVER_DUID),
                        iaNa(7, 1800, 2880, iaAddress("2001:db8:1::50", 3600, 7200)))))   // an offer, not a lease
                .packet(T.plusSeconds(5), fromClient(phone, message(REQUEST, 0x0D0E0F, clientId(PHONE_DUID), serverId(SERVER_DUID),
                        iaNa(7, 0, 0, iaAddress("2001:db8:1::50", 0, 0)), fqdn("pixel-7", false))))
                .packet(T.plusSeconds(6), fromServer(phone, message(REPLY, 0x0D0E0F, serverId(SERVER_DUID), clientId(PHONE_DUID),
                        iaNa(7, 1800, 2880, iaAddress("2001:db8:1::50", 3600, 7200), status(0, "all good")),
                        fqdn("pixel-7.lab.example", true))))
                .packet(T.plusSeconds(7), dnsAnswer("2001:db8:1::50", 40001, 2));

        ModuleHarness.Result r = run(w, "192.168.1.50=phone-A");

        assertThat(r.problems()).isEmpty();
        List<Fields> leases = r.of("pcap_dhcp").stream().map(x -> x.fields()).toList();
        assertThat(leases).extracting(f -> f.string("protocol"), f -> f.string("address")).containsExactly(
                tuple("dhcpv4", "192.168.1.50"), tuple("dhcpv6", "2001:db8:1::50"));
        Fields v6 = leases.get(1);
        assertThat(v6.longValue("packet")).isEqualTo(7);
        assertThat(v6.string("client_mac")).isEqualTo("3c:22:fb:00:00:01");
        assertThat(v6.string("client_duid")).isEqualTo(PHONE_DUID_HEX);
        assertThat(v6.string("ia_type")).isEqualTo("IA_NA");
        assertThat(v6.longValue("iaid")).isEqualTo(7);
        assertThat(v6.string("host_name")).isEqualTo("pixel-7");                  // the client's, not the server's name
        assertThat(v6.longValue("lease_seconds")).isEqualTo(7200);
        assertThat(v6.longValue("preferred_seconds")).isEqualTo(3600);
        assertThat(v6.string("server_ip")).isEqualTo(SERVER);
        assertThat(v6.string("server_duid")).isEqualTo("0001000111111111020000000053");
        assertThat(v6.string("device")).isEqualTo("phone-A");                     // the MAC in the DUID carries the IPv4 label
        assertThat(r.of("pcap_dns")).extracting(x -> x.fields().string("client_ip"), x -> x.fields().string("device"))
                .containsExactly(tuple("2001:db8:1::50", null), tuple("2001:db8:1::50", "phone-A"));
        assertThat(r.of("pcap_dhcp").get(1).timeline().get(0).description())
                .isEqualTo("DHCPv6 lease of 2001:db8:1::50 to 3c:22:fb:00:00:01 (pixel-7) by fe80::1 for 7200 s");
    }

    @Test
    void dhcpv6FlowsAreNamedDhcpInTheFlowSummaries() throws Exception {
        String laptop = "fe80::2";
        PcapWriter w = capture()
                .packet(T, fromClient(laptop, message(REQUEST, 1, clientId(LAPTOP_DUID), iaNa(1, 0, 0))))
                .packet(T.plusSeconds(1), fromServer(laptop, message(REPLY, 1, clientId(LAPTOP_DUID), serverId(SERVER_DUID),
                        iaNa(1, 0, 0, iaAddress("2001:db8:1::77", 100, 200)))));
        Extraction x = Captures.open(w.write(root.resolve("flows6.pcap")));
        ModuleHarness.Result r = ModuleHarness.run(x, "PcapFlows");

        assertThat(r.of("pcap_flows")).isNotEmpty().allSatisfy(f -> assertThat(f.fields().string("application")).isEqualTo("dhcp"));
    }

    @Test
    void clientsWithoutAMacInTheirDuidAreLabelledByTheirFqdnElseTheirDuid() throws Exception {
        String laptop = "fe80::2", tablet = "fe80::3";
        PcapWriter w = capture()
                .packet(T, fromClient(laptop, message(REQUEST, 1, clientId(LAPTOP_DUID), iaNa(1, 0, 0))))
                .packet(T.plusSeconds(1), fromServer(laptop, message(REPLY, 1, clientId(LAPTOP_DUID), serverId(SERVER_DUID),
                        iaNa(1, 0, 0, iaAddress("2001:db8:1::77", 100, 200)), fqdn("laptop.lab.example", true))))
                .packet(T.plusSeconds(2), fromClient(tablet, message(REQUEST, 2, clientId(TABLET_DUID), iaTa(5))))
                .packet(T.plusSeconds(3), fromServer(tablet, message(REPLY, 2, clientId(TABLET_DUID), serverId(SERVER_DUID),
                        iaTa(5, iaAddress("2001:db8:1:0:aaaa::9", 100, 200)))))
                .packet(T.plusSeconds(4), dnsAnswer("2001:db8:1::77", 40000, 1))
                .packet(T.plusSeconds(5), dnsAnswer("2001:db8:1:0:aaaa::9", 40001, 2));

        ModuleHarness.Result r = run(w);

        assertThat(r.problems()).isEmpty();
        assertThat(r.of("pcap_dhcp")).extracting(x -> x.fields().string("client_mac"), x -> x.fields().string("client_duid"),
                        x -> x.fields().string("ia_type"), x -> x.fields().string("host_name"), x -> x.fields().string("device"))
                .containsExactly(
                        tuple(null, LAPTOP_DUID_HEX, "IA_NA", "laptop.lab.example", "laptop.lab.example"),  // the REPLY's FQDN
                        tuple(null, "000200007ed90909", "IA_TA", null, "duid:000200007ed90909"));
        assertThat(r.of("pcap_dns")).extracting(x -> x.fields().string("device"))
                .containsExactly("laptop.lab.example", "duid:000200007ed90909");
        assertThat(r.of("pcap_dhcp").get(1).timeline().get(0).description())
                .isEqualTo("DHCPv6 lease of 2001:db8:1:0:aaaa::9 to DUID 000200007ed90909 by fe80::1 for 200 s");
    }

    @Test
    void onlyRepliesThatGrantAnAddressAreLeases() throws Exception {
        String phone = "fe80::3e22:fbff:fe00:1";
        PcapWriter w = capture()
                // SOLICIT with Rapid Commit answered by a REPLY: a lease in two messages
                .packet(T, fromClient(phone, message(SOLICIT, 1, clientId(PHONE_DUID), rapidCommit(), iaNa(1, 0, 0))))
                .packet(T.plusSeconds(1), fromServer(phone, message(REPLY, 1, clientId(PHONE_DUID), rapidCommit(),
                        iaNa(1, 0, 0, iaAddress("2001:db8:1::1", 100, 200)))))
                // RENEW answered with a valid lifetime of 0: the address is withdrawn
                .packet(T.plusSeconds(2), fromClient(phone, message(RENEW, 2, clientId(PHONE_DUID), iaNa(1, 0, 0))))
                .packet(T.plusSeconds(3), fromServer(phone, message(REPLY, 2, clientId(PHONE_DUID),
                        iaNa(1, 0, 0, iaAddress("2001:db8:1::1", 0, 0)))))
                // REQUEST answered with NoAddrsAvail in the IA
                .packet(T.plusSeconds(4), fromClient(phone, message(REQUEST, 3, clientId(PHONE_DUID), iaNa(1, 0, 0))))
                .packet(T.plusSeconds(5), fromServer(phone, message(REPLY, 3, clientId(PHONE_DUID),
                        iaNa(1, 0, 0, iaAddress("2001:db8:1::2", 100, 200), status(2, "no addresses")))))
                // REQUEST answered with a message-level failure
                .packet(T.plusSeconds(6), fromClient(phone, message(REQUEST, 4, clientId(PHONE_DUID), iaNa(1, 0, 0))))
                .packet(T.plusSeconds(7), fromServer(phone, message(REPLY, 4, clientId(PHONE_DUID), status(1, "unspecified"),
                        iaNa(1, 0, 0, iaAddress("2001:db8:1::3", 100, 200)))))
                // the REPLY to a RELEASE or an INFORMATION-REQUEST grants nothing, whatever it carries
                .packet(T.plusSeconds(8), fromClient(phone, message(RELEASE, 5, clientId(PHONE_DUID), iaNa(1, 0, 0))))
                .packet(T.plusSeconds(9), fromServer(phone, message(REPLY, 5, clientId(PHONE_DUID),
                        iaNa(1, 0, 0, iaAddress("2001:db8:1::4", 100, 200)))))
                .packet(T.plusSeconds(9).plusMillis(500), fromServer(phone, message(REPLY, 5, clientId(PHONE_DUID),   // sent again
                        iaNa(1, 0, 0, iaAddress("2001:db8:1::4", 100, 200)))))
                .packet(T.plusSeconds(10), fromClient(phone, message(INFORMATION_REQUEST, 6, clientId(PHONE_DUID))))
                .packet(T.plusSeconds(11), fromServer(phone, message(REPLY, 6, clientId(PHONE_DUID))))
                // a REPLY whose REQUEST was not captured is judged by itself
                .packet(T.plusSeconds(12), fromServer(phone, message(REPLY, 7, clientId(PHONE_DUID),
                        iaNa(1, 0, 0, iaAddress("2001:db8:1::5", 100, 200)))));

        ModuleHarness.Result r = run(w);

        assertThat(r.problems()).isEmpty();
        assertThat(r.of("pcap_dhcp")).extracting(x -> x.fields().longValue("packet"), x -> x.fields().string("address"))
                .containsExactly(tuple(2L, "2001:db8:1::1"), tuple(14L, "2001:db8:1::5"));
    }

    @Test
    void eachGrantedAddressOfAReplyIsOneLeaseAndAttributesItsTraffic() throws Exception {
        String phone = "fe80::3e22:fbff:fe00:1";
        PcapWriter w = capture()
                .packet(T, fromClient(phone, message(REQUEST, 1, clientId(PHONE_DUID), iaNa(1, 0, 0), iaTa(2), fqdn("pixel-7", false))))
                .packet(T.plusSeconds(1), fromServer(phone, message(REPLY, 1, clientId(PHONE_DUID),
                        iaNa(1, 0, 0, iaAddress("2001:db8:1::50", 100, 200), iaAddress("2001:db8:1::51", 100, 0)),
                        iaTa(2, iaAddress("2001:db8:1::7:1", 10, 20)))))
                .packet(T.plusSeconds(2), dnsAnswer("2001:db8:1::7:1", 40000, 1))
                .packet(T.plusSeconds(3), dnsAnswer("2001:db8:1::51", 40001, 2));   // withdrawn in the same REPLY: not leased

        ModuleHarness.Result r = run(w, "2001:db8:1::50=phone-A");

        assertThat(r.of("pcap_dhcp")).extracting(x -> x.fields().string("address"), x -> x.fields().string("ia_type"),
                        x -> x.fields().string("device"))
                .containsExactly(tuple("2001:db8:1::50", "IA_NA", "phone-A"), tuple("2001:db8:1::7:1", "IA_TA", "phone-A"));
        assertThat(r.of("pcap_dns")).extracting(x -> x.fields().string("device")).containsExactly("phone-A", null);
    }

    @Test
    void damagedMessagesAreProblemsNamingThePacketAndTheRestIsRead() throws Exception {
        String phone = "fe80::3e22:fbff:fe00:1";
        byte[] good = message(REPLY, 9, clientId(PHONE_DUID), iaNa(1, 0, 0, iaAddress("2001:db8:1::50", 100, 200)));
        byte[] pastTheEnd = good.clone();
        pastTheEnd[4 + 3] = (byte) 200;                                           // client identifier claims 200 bytes
        byte[] nestedPastTheIa = message(REPLY, 9, clientId(PHONE_DUID), iaNa(1, 0, 0, iaAddress("2001:db8:1::50", 100, 200)),
                status(0, "after the IA"));
        int iaAddrLength = 4 + 4 + PHONE_DUID.length + 4 + 12 + 2;              // the IA Address option's length field
        nestedPastTheIa[iaAddrLength + 1] += 4;                                   // runs into the status option after the IA
        byte[] badFqdn = message(REQUEST, 9, clientId(PHONE_DUID), option(39, new byte[] {0, 7, 'p', 'i', 'x'}));
        PcapWriter w = capture()
                .packet(T, fromClient(phone, new byte[0]))                                            // 1: zero length
                .packet(T.plusSeconds(1), fromServer(phone, Arrays.copyOf(good, good.length - 2)))     // 2: cut inside the IA Address
                .packet(T.plusSeconds(2), fromServer(phone, concat(good, new byte[] {0, 1})))          // 3: option header cut short
                .packet(T.plusSeconds(3), fromServer(phone, pastTheEnd))                               // 4
                .packet(T.plusSeconds(4), fromServer(phone, nestedPastTheIa))                          // 5
                .packet(T.plusSeconds(5), fromClient(phone, badFqdn))                                  // 6
                .packet(T.plusSeconds(6), fromServer(phone, new byte[] {REPLY, 0, 1}))                 // 7: header cut
                .packet(T.plusSeconds(7), ethernet(0x86DD, ipv6("2001:db8:2::1", "2001:db8:1::547", 17,
                        udp(547, 547, concat(new byte[] {12, 0}, new byte[32], option(9, good))))))      // 8: RELAY-FORW
                .packet(T.plusSeconds(8), fromServer(phone, good));                                   // 9: still read

        ModuleHarness.Result r = run(w);

        assertThat(r.of("pcap_dhcp")).extracting(x -> x.fields().longValue("packet")).containsExactly(9L);
        assertThat(messages(r)).containsExactly(
                "packet 1: DHCPv6 message unreadable: empty message; skipped",
                "packet 2: DHCPv6 message unreadable: option 3 of 40 bytes runs past the end of the message; skipped",
                "packet 3: DHCPv6 message unreadable: option header cut short in the message (2 byte(s) left); skipped",
                "packet 4: DHCPv6 message unreadable: option 1 of 200 bytes runs past the end of the message; skipped",
                "packet 5: DHCPv6 message unreadable: option 5 of 28 bytes runs past the end of the IA_NA; skipped",
                "packet 6: DHCPv6 message unreadable: client FQDN label runs past the option's end; skipped",
                "packet 7: DHCPv6 message unreadable: message of 3 bytes is shorter than its 4-byte header; skipped",
                "1 DHCPv6 relay message(s) skipped (relayed messages are not read)");
    }
}
