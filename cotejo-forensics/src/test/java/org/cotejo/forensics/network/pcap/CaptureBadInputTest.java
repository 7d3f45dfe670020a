package org.cotejo.forensics.network.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.forensics.network.pcap.Frames.*;
import static org.cotejo.forensics.network.pcap.TlsMessages.record;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged captures and hostile protocol bytes: each is skipped with a problem naming the packet, the
 * rest is still read, and nothing loops (the timeout only guards against a hang).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CaptureBadInputTest {
    static final Instant T = Instant.parse("2025-03-01T10:15:31Z");
    static final String[] ALL = {"PcapDns", "PcapTls", "PcapTlsServers", "PcapCertificates", "PcapHttp", "PcapDhcp", "PcapFlows"};

    @TempDir Path root;

    private ModuleHarness.Result run(PcapWriter w, String name) throws Exception {
        return ModuleHarness.run(Captures.open(w.write(root.resolve(name))), ALL);
    }

    private static java.util.List<String> messages(ModuleHarness.Result r) {
        return r.problems().stream().map(ModuleProblem::message).toList();
    }

    @Test
    void aCaptureCutInsideAStreamKeepsWhatCameBefore() throws Exception {
        PcapWriter w = PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, PacketDecoder.LINKTYPE_ETHERNET);
        new Conversation(w, T, "192.168.1.23", 50000, "203.0.113.9", 443).handshake().client(PcapTlsTest.readmeHello("ok.example"));
        new Conversation(w, T, "192.168.1.23", 50001, "203.0.113.9", 443).handshake().client(PcapTlsTest.readmeHello("cut.example"), 50);
        byte[] whole = w.bytes();
        Path file = root.resolve("cut.pcap");
        Files.write(file, Arrays.copyOf(whole, whole.length - 30));

        ModuleHarness.Result r = ModuleHarness.run(Captures.open(file), ALL);

        assertThat(r.of("pcap_tls")).extracting(x -> x.fields().string("server_name")).containsExactly("ok.example");
        assertThat(r.of("pcap_flows")).extracting(x -> x.fields().string("ended")).containsExactly("capture end", "capture end");
        assertThat(messages(r)).anyMatch(m -> m.startsWith("packet 9: truncated (") && m.endsWith("capture ends here"))
                .contains("1 TLS flow(s) ended before a whole ClientHello was seen (capture cut, gap or lost segments)");
    }

    @Test
    void aSegmentCutByTheSnapLengthIsReadUpToTheCut() throws Exception {
        byte[] hello = PcapTlsTest.readmeHello("snap.example");
        byte[] frame = ethernet(0x0800, ipv4("192.168.1.23", "203.0.113.9", 6, tcp(50000, 443, 1, 0x18, hello)));
        PcapWriter w = PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, PacketDecoder.LINKTYPE_ETHERNET)
                .record(T, Arrays.copyOf(frame, 96), 96, frame.length);

        ModuleHarness.Result r = run(w, "snap.pcap");

        assertThat(r.of("pcap_tls")).isEmpty();
        assertThat(r.of("pcap_flows")).singleElement().satisfies(f -> assertThat(f.fields().longValue("bytes_to_server")).isEqualTo(hello.length));
        assertThat(messages(r)).contains("1 TCP segment(s) cut by the capture's snap length; their streams were read up to the cut",
                "1 TLS flow(s) ended before a whole ClientHello was seen (capture cut, gap or lost segments)");
    }

    @Test
    void bogusLengthsInIpTlsAndDnsOverTcpAreProblemsNotAllocations() throws Exception {
        PcapWriter w = PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, PacketDecoder.LINKTYPE_ETHERNET);
        // a TLS record claiming 65 000 bytes
        new Conversation(w, T, "192.168.1.23", 50000, "203.0.113.9", 443).handshake().client(new byte[] {0x16, 3, 1, (byte) 0xFD, (byte) 0xE8, 1, 0, 0}).close();
        // a ClientHello whose inner lengths lie
        byte[] liar = PcapTlsTest.readmeHello("liar.example");
        liar[5 + 4 + 2 + 32 + 1] = 0x7F; // cipher list length runs past the message
        new Conversation(w, T, "192.168.1.23", 50001, "203.0.113.9", 443).handshake().client(liar).close();
        // a client that starts with a ServerHello
        new Conversation(w, T, "192.168.1.23", 50002, "203.0.113.9", 443).handshake()
                .client(record(22, TlsMessages.serverHello(0x0303, 0x2f, new byte[0]))).close();
        // DNS over TCP: a looping compression pointer, then a length prefix larger than anything sent
        byte[] loop = new Dns(9, 0x8180, 1, 0).pointer(12).u16(1).u16(1).bytes();
        new Conversation(w, T, "192.168.1.23", 50003, "192.168.1.1", 53).handshake().client(concat(TlsMessages.u16(17), PcapDnsTest.query(9)))
                .server(concat(TlsMessages.u16(loop.length), loop, TlsMessages.u16(65535), new byte[10])).close();
        // an IPv4 header whose total length is far over the frame
        byte[] ip = ipv4("10.0.0.1", "10.0.0.2", 17, udp(53, 5000, PcapDnsTest.response(3)));
        ip[2] = (byte) 0xFF;
        ip[3] = (byte) 0xFF;
        w.packet(T, ethernet(0x0800, ip));

        ModuleHarness.Result r = run(w, "bogus.pcap");

        assertThat(messages(r)).contains(
                "packet 4: no ClientHello read: TLS record at stream offset 0 claims 65000 bytes, over TLS's limit",
                "packet 11: ClientHello unreadable: ClientHello field runs past its end; skipped",
                "packet 18: first TLS handshake message is of type 2, not a ClientHello; flow skipped",
                "packet 26: DNS message over TCP unreadable: name pointer at byte 12 does not point backwards (loop); skipped");
        assertThat(r.of("pcap_dns")).singleElement().satisfies(d -> assertThat(d.fields().longValue("dns_id")).isEqualTo(3));
        assertThat(r.of("pcap_flows")).hasSize(5);
    }

    @Test
    void aGapThatNeverFillsEndsWithAProblemAndTheFlowStillSummarised() throws Exception {
        byte[] hello = PcapTlsTest.readmeHello("gap.example");
        PcapWriter w = PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, PacketDecoder.LINKTYPE_ETHERNET);
        Conversation c = new Conversation(w, T, "192.168.1.23", 50000, "203.0.113.9", 443).handshake()
                .clientAt(0, Arrays.copyOf(hello, 20)).clientAt(40, Arrays.copyOfRange(hello, 40, hello.length));
        for (int i = 0; i < 40; i++) c.clientAt(hello.length + 100 + i * 10, new byte[5]); // more segments past the gap than are kept
        c.clientSkip(hello.length + 1000).close();

        ModuleHarness.Result r = run(w, "gap.pcap");

        assertThat(r.of("pcap_tls")).isEmpty();
        assertThat(r.of("pcap_flows")).singleElement().satisfies(f -> assertThat(f.fields().string("ended")).isEqualTo("fin"));
        assertThat(messages(r)).contains("1 TLS flow(s) ended before a whole ClientHello was seen (capture cut, gap or lost segments)");
    }

    @Test
    void manyBrokenMessagesAreListedUpToALimitThenCounted() throws Exception {
        PcapWriter w = PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, PacketDecoder.LINKTYPE_RAW);
        byte[] loop = new Dns(9, 0x8180, 1, 0).pointer(12).u16(1).u16(1).bytes();
        for (int i = 0; i < 50; i++) w.packet(T, ipv4("10.0.0.1", "10.0.0.2", 17, udp(53, 5000 + i, loop)));

        ModuleHarness.Result r = run(w, "many.pcap");

        assertThat(r.problems()).filteredOn(p -> p.module().equals("PcapDns")).hasSize(ProblemTally.LISTED + 1);
        assertThat(messages(r)).contains("30 more problem(s) not listed one by one");
    }
}
