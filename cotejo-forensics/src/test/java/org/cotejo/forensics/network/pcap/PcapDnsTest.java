package org.cotejo.forensics.network.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.cotejo.forensics.network.pcap.Frames.*;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapDnsTest {
    static final Instant T = Instant.parse("2025-03-01T10:15:30.250Z");

    @TempDir Path root;

    /** A response to www.example.com: CNAME cdn.example.net, A and AAAA for it. */
    static byte[] response(int id) {
        Dns m = Dns.response(id, 3).question("www.example.com", DnsMessage.A);
        m.pointer(12).rr(DnsMessage.CNAME, 300, concat(new byte[] {3, 'c', 'd', 'n', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'n', 'e', 't', 0}));
        int cdn = 12 + 17 + 4 + 2 + 10;
        m.pointer(cdn).rr(DnsMessage.A, 60, addr("198.51.100.7"));
        m.pointer(cdn).rr(DnsMessage.AAAA, 60, addr("2001:db8::7"));
        return m.bytes();
    }

    static byte[] query(int id) {
        return Dns.query(id).question("www.example.com", DnsMessage.A).bytes();
    }

    @Test
    void readsOneRecordPerResponseWithDomainsAndAddressesAsObservables() throws Exception {
        Path file = PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, PacketDecoder.LINKTYPE_ETHERNET)
                .packet(T.minusMillis(20), ethernet(0x0800, ipv4("192.168.1.23", "192.168.1.1", 17, udp(51515, 53, query(7)))))
                .packet(T, ethernet(0x0800, ipv4("192.168.1.1", "192.168.1.23", 17, udp(53, 51515, response(7)))))
                .write(root.resolve("phone.pcap"));
        Files.writeString(root.resolve("notes.txt"), "not part of the capture");

        ModuleHarness.Result result = ModuleHarness.run(Captures.open(file), "PcapDns");

        assertThat(result.problems()).isEmpty();
        assertThat(result.records()).hasSize(1);
        Record r = result.of("pcap_dns").get(0);
        assertThat(r.fields().keys()).containsExactly("timestamp", "packet", "client_ip", "client_port", "server_ip", "server_port",
                "dns_id", "query_name", "query_type", "rcode", "answers", "cnames", "addresses", "transport");
        assertThat(r.fields().string("timestamp")).isEqualTo("2025-03-01 10:15:30.250000");
        assertThat(r.fields().string("client_ip")).isEqualTo("192.168.1.23");
        assertThat(r.fields().longValue("client_port")).isEqualTo(51515);
        assertThat(r.fields().string("server_ip")).isEqualTo("192.168.1.1");
        assertThat(r.fields().string("query_name")).isEqualTo("www.example.com");
        assertThat(r.fields().string("query_type")).isEqualTo("A");
        assertThat(r.fields().list("answers")).first().isEqualTo(Map.of("name", "www.example.com", "type", "CNAME", "ttl", 300L, "value", "cdn.example.net"));
        assertThat(r.provenance().file()).isEqualTo("phone.pcap");
        assertThat(r.provenance().locator()).isEqualTo("packet 2");
        assertThat(r.observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.field(), o -> o.trace())
                .containsExactly(
                        tuple(ObservableType.DOMAIN, "example.com", "query_name", TraceClass.NETWORK), // DOMAIN normalises www. away,
                        tuple(ObservableType.DOMAIN, "cdn.example.net", "cnames[0]", TraceClass.NETWORK),
                        tuple(ObservableType.IPV4, "198.51.100.7", "addresses[0]", TraceClass.NETWORK),
                        tuple(ObservableType.IPV6, "2001:db8::7", "addresses[1]", TraceClass.NETWORK));
        assertThat(r.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(T);
            assertThat(t.event()).isEqualTo("dns_query");
            assertThat(t.description()).isEqualTo("DNS query for www.example.com by 192.168.1.23 [IPs: 198.51.100.7, 2001:db8::7]");
        });
    }

    @Test
    void readsPcapngOverLinuxCookedAndIpv6AndAFolderOfCapturesInPathOrder() throws Exception {
        PcapWriter.pcapng(ByteOrder.BIG_ENDIAN).iface(PacketDecoder.LINKTYPE_LINUX_SLL2, 9)
                .packet(0, T, sll2(0x86DD, ipv6("2001:db8::53", "2001:db8::23", 17, udp(53, 40000, response(1)))))
                .write(root.resolve("b/second.pcapng"));
        PcapWriter.pcap(ByteOrder.BIG_ENDIAN, true, PacketDecoder.LINKTYPE_RAW)
                .packet(T, ipv4("10.0.0.1", "10.0.0.2", 17, udp(53, 5000, response(2))))
                .write(root.resolve("a/first.cap"));
        Files.writeString(root.resolve("a/readme.txt"), "ignored");

        Extraction x = Captures.open(root);
        assertThat(x.kind()).isEqualTo(EvidenceKind.PCAP);
        ModuleHarness.Result result = ModuleHarness.run(x, "PcapDns");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("pcap_dns")).extracting(r -> r.provenance().file(), r -> r.fields().string("client_ip"), r -> r.fields().longValue("dns_id"))
                .containsExactly(tuple("a/first.cap", "10.0.0.2", 2L), tuple("b/second.pcapng", "2001:db8::23", 1L));
    }

    @Test
    void aBrokenResponseATruncatedCaptureAndLaterFragmentsAreProblemsNamingFileAndPacket() throws Exception {
        byte[] loop = new Dns(9, 0x8180, 1, 0).pointer(12).u16(1).u16(1).bytes();
        byte[] whole = PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, PacketDecoder.LINKTYPE_RAW)
                .packet(T, ipv4("10.0.0.1", "10.0.0.2", 17, udp(53, 5000, loop)))
                .packet(T, ipv4("10.0.0.1", "10.0.0.2", 17, new byte[24], 0x0010))
                .packet(T, ipv4("10.0.0.1", "10.0.0.2", 17, udp(53, 5000, response(3))))
                .packet(T, ipv4("10.0.0.1", "10.0.0.2", 17, udp(53, 5000, response(4))))
                .bytes();
        Path file = root.resolve("cut.pcap");
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 10));

        ModuleHarness.Result result = ModuleHarness.run(Captures.open(file), "PcapDns", "PcapFlows");

        assertThat(result.of("pcap_dns")).extracting(r -> r.provenance().locator()).containsExactly("packet 3");
        // the DNS module reports what it could not read; the flows module the capture's own damage
        assertThat(result.problems()).extracting(p -> p.module(), p -> p.file(), p -> p.message()).containsExactly(
                tuple("PcapDns", "cut.pcap", "packet 1: DNS message unreadable: name pointer at byte 12 does not point backwards (loop); skipped"),
                tuple("PcapFlows", "cut.pcap", "packet 4: truncated (" + (20 + 8 + response(4).length - 10) + " of " + (20 + 8 + response(4).length) + " captured bytes); capture ends here"),
                tuple("PcapFlows", "cut.pcap", "1 IP fragment(s) after the first skipped (fragments are not reassembled)"));
    }

    @Test
    void refusesAFileThatIsNotACapture() throws Exception {
        Path text = Files.writeString(root.resolve("x.pcap"), "hello");
        assertThatThrownBy(() -> Captures.open(text)).hasMessageContaining("is not a packet capture");
        assertThatThrownBy(() -> Captures.open(root.resolve("missing.pcap"))).hasMessageContaining("no such file");
    }
}
