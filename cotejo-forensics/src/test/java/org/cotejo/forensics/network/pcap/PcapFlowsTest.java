package org.cotejo.forensics.network.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.cotejo.forensics.network.pcap.Frames.*;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapFlowsTest {
    static final Instant T = Instant.parse("2025-03-01T10:15:31Z");

    @TempDir Path root;

    @Test
    void summarisesEachFlowWithItsEndpointsTimesAndBytesEachWay() throws Exception {
        PcapWriter w = PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, true, PacketDecoder.LINKTYPE_ETHERNET);
        new Conversation(w, T, "192.168.1.23", 50000, "203.0.113.9", 443).handshake().client(PcapTlsTest.readmeHello("c2.example.net"))
                .server(new byte[1000], 500).close();
        new Conversation(w, T.plusSeconds(1), "192.168.1.23", 50001, "203.0.113.10", 5222).handshake().client(new byte[300]).reset();
        w.packet(T.plusSeconds(2), ethernet(0x0800, ipv4("192.168.1.23", "192.168.1.1", 17, udp(5353, 53, PcapDnsTest.query(1)))));
        w.packet(T.plusSeconds(500), ethernet(0x0800, ipv4("192.168.1.1", "192.168.1.23", 17, udp(53, 5353, PcapDnsTest.response(1)))));
        Path file = w.write(root.resolve("flows.pcap"));

        ModuleHarness.Result result = ModuleHarness.run(Captures.open(file), "PcapFlows");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("pcap_flows")).extracting(r -> r.fields().string("protocol"), r -> r.fields().string("server_ip"),
                        r -> r.fields().longValue("server_port"), r -> r.fields().string("ended"), r -> r.fields().string("application"))
                .containsExactly(
                        tuple("tcp", "203.0.113.9", 443L, "fin", "tls"),
                        tuple("tcp", "203.0.113.10", 5222L, "rst", null),
                        tuple("udp", "192.168.1.1", 53L, "idle", "dns"),     // no answer for 120 s: a flow of its own
                        tuple("udp", "192.168.1.1", 53L, "capture end", "dns"));
        Record tls = result.of("pcap_flows").get(0);
        assertThat(tls.fields().keys()).containsExactly("timestamp", "last_seen", "packet", "protocol", "client_ip", "client_port", "server_ip",
                "server_port", "packets_to_server", "bytes_to_server", "packets_to_client", "bytes_to_client", "ended", "application", "server_name");
        assertThat(tls.fields().longValue("bytes_to_server")).isEqualTo(PcapTlsTest.readmeHello("c2.example.net").length);
        assertThat(tls.fields().longValue("bytes_to_client")).isEqualTo(1000);
        assertThat(tls.fields().longValue("packets_to_client")).isEqualTo(4); // SYN-ACK, two data segments, FIN
        assertThat(tls.fields().string("server_name")).isEqualTo("c2.example.net");
        assertThat(tls.provenance().locator()).isEqualTo("packet 1");
        assertThat(tls.timeline().get(0).description()).startsWith("TCP flow to 203.0.113.9:443 (c2.example.net) by 192.168.1.23 [");
    }
}
