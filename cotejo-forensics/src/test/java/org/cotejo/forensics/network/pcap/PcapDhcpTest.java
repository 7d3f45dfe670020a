package org.cotejo.forensics.network.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.cotejo.forensics.network.pcap.Frames.*;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.network.attribution.DeviceAddresses;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DHCP leases as records, and device attribution by the analyst's addresses and by leases, from the lease on. */
class PcapDhcpTest {
    static final Instant T = Instant.parse("2025-03-01T10:00:00Z");
    static final byte[] PHONE = {0x3c, 0x22, (byte) 0xfb, 0, 0, 1};
    static final byte[] LAPTOP = {0x3c, 0x22, (byte) 0xfb, 0, 0, 2};

    @TempDir Path root;

    /** A BOOTP/DHCP message (RFC 2131) with message type, optional host name, lease time and server id. */
    static byte[] dhcp(int op, int type, byte[] mac, String yiaddr, String hostName, int lease) {
        ByteBuffer b = ByteBuffer.allocate(240);
        b.put((byte) op).put((byte) 1).put((byte) 6).put((byte) 0).putInt(0x1234).putShort((short) 0).putShort((short) 0)
                .put(addr("0.0.0.0")).put(addr(yiaddr)).put(addr("0.0.0.0")).put(addr("0.0.0.0")).put(mac).put(new byte[10])
                .put(new byte[64]).put(new byte[128]).putInt(0x63825363);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(b.array());
        o.writeBytes(new byte[] {53, 1, (byte) type});
        if (hostName != null) {
            o.write(12);
            o.write(hostName.length());
            o.writeBytes(hostName.getBytes(StandardCharsets.US_ASCII));
        }
        if (lease > 0) o.writeBytes(ByteBuffer.allocate(6).put((byte) 51).put((byte) 4).putInt(lease).array());
        o.writeBytes(new byte[] {54, 4, (byte) 192, (byte) 168, 1, 1, (byte) 255});
        return o.toByteArray();
    }

    static byte[] request(byte[] mac, String hostName) {
        return ethernet(0x0800, ipv4("0.0.0.0", "255.255.255.255", 17, udp(68, 67, dhcp(1, 3, mac, "0.0.0.0", hostName, 0))));
    }

    static byte[] ack(byte[] mac, String address) {
        return ethernet(0x0800, ipv4("192.168.1.1", "255.255.255.255", 17, udp(67, 68, dhcp(2, 5, mac, address, null, 86400))));
    }

    static byte[] dnsAnswer(String client, int port, int id) {
        return ethernet(0x0800, ipv4("192.168.1.1", client, 17, udp(53, port, PcapDnsTest.response(id))));
    }

    @Test
    void leasesBecomeRecordsAndAttributeLaterTrafficFromTheLeaseOn() throws Exception {
        Path file = PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, PacketDecoder.LINKTYPE_ETHERNET)
                .packet(T, dnsAnswer("192.168.1.50", 40000, 1))                 // before any lease: the analyst's address only
                .packet(T.plusSeconds(1), request(PHONE, "Pixel-7"))
                .packet(T.plusSeconds(2), ack(PHONE, "192.168.1.50"))            // the analyst's address: binds the phone's MAC
                .packet(T.plusSeconds(3), request(LAPTOP, "laptop"))
                .packet(T.plusSeconds(4), ack(LAPTOP, "192.168.1.77"))
                .packet(T.plusSeconds(5), dnsAnswer("192.168.1.77", 40001, 2))
                .packet(T.plusSeconds(6), ack(PHONE, "192.168.1.51"))            // the phone moves: its label follows its MAC
                .packet(T.plusSeconds(7), dnsAnswer("192.168.1.51", 40002, 3))
                .packet(T.plusSeconds(8), dnsAnswer("192.168.1.99", 40003, 4))  // nobody known
                .write(root.resolve("dhcp.pcap"));
        Extraction x = Captures.open(file).with(DeviceAddresses.class, DeviceAddresses.parse(List.of("192.168.1.50=phone-A")));

        ModuleHarness.Result result = ModuleHarness.run(x, "PcapDhcp", "PcapDns");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("pcap_dhcp")).extracting(r -> r.fields().string("client_mac"), r -> r.fields().string("address"),
                        r -> r.fields().string("host_name"), r -> r.fields().longValue("lease_seconds"), r -> r.fields().string("device"))
                .containsExactly(
                        tuple("3c:22:fb:00:00:01", "192.168.1.50", "Pixel-7", 86400L, "phone-A"),
                        tuple("3c:22:fb:00:00:02", "192.168.1.77", "laptop", 86400L, "laptop"),
                        tuple("3c:22:fb:00:00:01", "192.168.1.51", "Pixel-7", 86400L, "phone-A"));
        assertThat(result.of("pcap_dns")).extracting(r -> r.fields().string("client_ip"), r -> r.fields().string("device"))
                .containsExactly(tuple("192.168.1.50", "phone-A"), tuple("192.168.1.77", "laptop"), tuple("192.168.1.51", "phone-A"),
                        tuple("192.168.1.99", null));
        assertThat(result.of("pcap_dns").get(0).timeline().get(0).description()).contains("by phone-A (192.168.1.50)");
        assertThat(result.of("pcap_dhcp").get(0).timeline().get(0).description())
                .isEqualTo("DHCP lease of 192.168.1.50 to 3c:22:fb:00:00:01 (Pixel-7) by 192.168.1.1 for 86400 s");
    }
}
