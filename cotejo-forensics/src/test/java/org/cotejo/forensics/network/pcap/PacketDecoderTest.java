package org.cotejo.forensics.network.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cotejo.forensics.network.pcap.Frames.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class PacketDecoderTest {
    private final PacketDecoder decoder = new PacketDecoder();

    static final byte[] UDP_DNS = udp(53000, 53, new byte[] {1, 2, 3, 4});

    @Test
    void decodesEthernetWithAndWithoutVlanTagsAndTrimsPadding() {
        byte[] ip = ipv4("192.0.2.10", "198.51.100.53", 17, UDP_DNS);
        byte[] padded = concat(ethernet(0x0800, ip), new byte[8]); // Ethernet pads short frames
        IpPacket p = decoder.decode(PacketDecoder.LINKTYPE_ETHERNET, padded);
        assertThat(p.source()).isEqualTo("192.0.2.10");
        assertThat(p.destination()).isEqualTo("198.51.100.53");
        assertThat(p.protocol()).isEqualTo(IpPacket.UDP);
        assertThat(List.of(p.sourcePort(), p.destPort())).containsExactly(53000, 53);
        assertThat(p.payloadLength()).isEqualTo(4);
        assertThat(p.data()[p.payloadStart()]).isEqualTo((byte) 1);

        IpPacket tagged = decoder.decode(PacketDecoder.LINKTYPE_ETHERNET, ethernet(0x0800, ip, 10, 20));
        assertThat(tagged.destPort()).isEqualTo(53);
        assertThat(tagged.payloadLength()).isEqualTo(4);
    }

    @Test
    void decodesLinuxCookedV1AndV2RawIpAndIpv6() {
        byte[] ip6 = ipv6("2001:db8::10", "2001:db8:0:0:1:0:0:53", 17, UDP_DNS);
        assertThat(decoder.decode(PacketDecoder.LINKTYPE_LINUX_SLL, sll(0x86DD, ip6)).destination()).isEqualTo("2001:db8::1:0:0:53");
        assertThat(decoder.decode(PacketDecoder.LINKTYPE_LINUX_SLL2, sll2(0x86DD, ip6)).source()).isEqualTo("2001:db8::10");
        assertThat(decoder.decode(PacketDecoder.LINKTYPE_RAW, ipv4("10.0.0.1", "10.0.0.2", 17, UDP_DNS)).destination()).isEqualTo("10.0.0.2");
        assertThat(decoder.decode(PacketDecoder.LINKTYPE_RAW, ip6).payloadLength()).isEqualTo(4);
        assertThat(decoder.decode(PacketDecoder.LINKTYPE_IPV6, ip6).destPort()).isEqualTo(53);
    }

    @Test
    void decodesTcpHeaders() {
        IpPacket p = decoder.decode(PacketDecoder.LINKTYPE_RAW, ipv4("10.0.0.1", "10.0.0.2", 6, tcp(40000, 443, 0xDEADBEEFL, 0x18, new byte[] {0x16, 3, 1})));
        assertThat(p.protocol()).isEqualTo(IpPacket.TCP);
        assertThat(p.destPort()).isEqualTo(443);
        assertThat(p.tcpSeq()).isEqualTo(0xDEADBEEFL);
        assertThat(p.tcpFlags()).isEqualTo(0x18);
        assertThat(p.payloadLength()).isEqualTo(3);
    }

    @Test
    void skipsAndCountsLaterFragmentsButDecodesTheFirst() {
        IpPacket first = decoder.decode(PacketDecoder.LINKTYPE_RAW, ipv4("10.0.0.1", "10.0.0.2", 17, UDP_DNS, 0x2000));
        assertThat(first.firstFragment()).isTrue();
        assertThat(first.destPort()).isEqualTo(53);
        assertThat(decoder.decode(PacketDecoder.LINKTYPE_RAW, ipv4("10.0.0.1", "10.0.0.2", 17, new byte[16], 0x0003))).isNull();
        byte[] later6 = ipv6("2001:db8::1", "2001:db8::2", 44, ipv6Fragment(17, 5, false, new byte[16]));
        assertThat(decoder.decode(PacketDecoder.LINKTYPE_RAW, later6)).isNull();
        byte[] first6 = ipv6("2001:db8::1", "2001:db8::2", 44, ipv6Fragment(17, 0, true, UDP_DNS));
        assertThat(decoder.decode(PacketDecoder.LINKTYPE_RAW, first6).destPort()).isEqualTo(53);
        assertThat(decoder.laterFragments()).isEqualTo(2);
    }

    @Test
    void shortOrForeignFramesDecodeToNull() {
        byte[] ip = ipv4("10.0.0.1", "10.0.0.2", 17, UDP_DNS);
        assertThat(decoder.decode(PacketDecoder.LINKTYPE_ETHERNET, java.util.Arrays.copyOf(ethernet(0x0800, ip), 30))).isNull();
        assertThat(decoder.decode(PacketDecoder.LINKTYPE_ETHERNET, ethernet(0x0806, new byte[28]))).isNull(); // ARP
        assertThat(decoder.decode(147, ip)).isNull();
        assertThat(decoder.unknownLinkTypes()).isEqualTo(1);
    }

    @Test
    void parsesDnsResponsesWithCompressedNamesAndACnameChain() throws Exception {
        Dns m = Dns.response(0xBEEF, 3).question("www.Example.com", DnsMessage.A);
        // answer 1: www.example.com CNAME cdn.example.net ; names compressed against the question at 12
        m.pointer(12).rr(DnsMessage.CNAME, 300, concat(new byte[] {3, 'c', 'd', 'n', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'n', 'e', 't', 0}));
        int cdn = 12 + 17 + 4 + 2 + 10; // question (17 name + 4), pointer (2), rr fixed part (10)
        m.pointer(cdn).rr(DnsMessage.A, 60, addr("198.51.100.7"));
        m.pointer(cdn).rr(DnsMessage.AAAA, 60, addr("2001:db8::7"));

        DnsMessage msg = DnsMessage.parse(m.bytes(), 0, m.bytes().length);

        assertThat(msg.id()).isEqualTo(0xBEEF);
        assertThat(msg.response()).isTrue();
        assertThat(msg.queryName()).isEqualTo("www.example.com");
        assertThat(msg.answers()).containsExactly(
                new DnsMessage.Answer("www.example.com", DnsMessage.CNAME, 300, "cdn.example.net"),
                new DnsMessage.Answer("cdn.example.net", DnsMessage.A, 60, "198.51.100.7"),
                new DnsMessage.Answer("cdn.example.net", DnsMessage.AAAA, 60, "2001:db8::7"));
    }

    @Test
    void compressionLoopsAndOverrunsAreErrorsNotHangs() {
        byte[] selfLoop = new Dns(1, 0x8180, 1, 0).pointer(12).u16(1).u16(1).bytes();
        assertThatThrownBy(() -> DnsMessage.parse(selfLoop, 0, selfLoop.length)).hasMessageContaining("does not point backwards");

        // a backward pointer whose labels run forward into the same pointer again: a loop of jumps
        byte[] cycle = new Dns(1, 0x8180, 1, 0).raw(new byte[] {1, 'a'}).pointer(12).u16(1).u16(1).bytes();
        assertThatThrownBy(() -> DnsMessage.parse(cycle, 0, cycle.length)).isInstanceOf(DnsMessage.Malformed.class)
                .hasMessageMatching(".*(compression pointers|over 255 bytes).*");

        byte[] cut = java.util.Arrays.copyOf(Dns.response(1, 1).question("example.com", 1).pointer(12).rr(1, 1, new byte[4]).bytes(), 40);
        assertThatThrownBy(() -> DnsMessage.parse(cut, 0, cut.length)).isInstanceOf(DnsMessage.Malformed.class);

        byte[] counts = new Dns(1, 0x8180, 65535, 65535).bytes();
        assertThatThrownBy(() -> DnsMessage.parse(counts, 0, counts.length)).hasMessageContaining("implausible record counts");
    }
}
