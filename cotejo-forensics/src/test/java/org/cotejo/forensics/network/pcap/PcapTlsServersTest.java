package org.cotejo.forensics.network.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.cotejo.forensics.network.pcap.Frames.concat;
import static org.cotejo.forensics.network.pcap.TlsMessages.*;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapTlsServersTest {
    static final Instant T = Instant.parse("2025-03-01T10:15:31Z");

    @TempDir Path root;

    static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.US_ASCII)));
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void readsServerHelloJa3sAndTheCertificateChainOfATls12Server() throws Exception {
        TestCertificates.Set certs = TestCertificates.get();
        byte[] hello = PcapTlsTest.readmeHello("c2.example.net");
        byte[] sh = serverHello(0x0303, 0xc02f, concat(PcapTlsTest.ext(0xff01, new byte[] {0}), PcapTlsTest.ext(0x000b, new byte[] {1, 0})));
        // the handshake messages in two records, the Certificate message spanning both, sent in four segments
        byte[] handshake = concat(sh, certificate(certs.leaf(), certs.ca()), serverHelloDone());
        int cut = sh.length + 200;
        byte[] flight = concat(record(22, java.util.Arrays.copyOfRange(handshake, 0, cut)), record(22, java.util.Arrays.copyOfRange(handshake, cut, handshake.length)));
        PcapWriter w = PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, PacketDecoder.LINKTYPE_ETHERNET);
        new Conversation(w, T, "192.168.1.23", 50000, "203.0.113.9", 443).handshake().client(hello).server(flight, 300, 300, 100)
                .server(record(20, new byte[] {1})).close();
        Path file = w.write(root.resolve("tls12.pcap"));

        ModuleHarness.Result result = ModuleHarness.run(Captures.open(file), "PcapTlsServers", "PcapCertificates");

        assertThat(result.problems()).isEmpty();
        Record s = result.of("pcap_tls_servers").get(0);
        assertThat(s.fields().string("tls_version")).isEqualTo("TLS 1.2");
        assertThat(s.fields().string("server_name")).isEqualTo("c2.example.net");
        assertThat(s.fields().string("ja3s")).isEqualTo("771,49199,65281-11");
        assertThat(s.fields().string("ja3s_md5")).isEqualTo(md5("771,49199,65281-11"));
        assertThat(s.fields().longValue("certificates")).isEqualTo(2);
        assertThat(s.fields().string("leaf_sha256")).isEqualTo(sha256(certs.leaf()));
        assertThat(s.provenance().locator()).isEqualTo("packet 5");
        assertThat(s.observables()).extracting(o -> o.observable().type()).containsExactly(ObservableType.IPV4, ObservableType.JA3, ObservableType.X509_HASH);

        List<Record> chain = result.of("pcap_certificates");
        assertThat(chain).extracting(r -> r.fields().longValue("position"), r -> r.fields().string("subject"), r -> r.fields().truthy("self_signed"))
                .containsExactly(tuple(0L, "CN=c2.example.net", false), tuple(1L, "CN=Example Test CA,O=Cotejo tests", true));
        Record leaf = chain.get(0);
        assertThat(leaf.fields().string("issuer")).isEqualTo("CN=Example Test CA,O=Cotejo tests");
        assertThat(leaf.fields().strings("san")).containsExactly("c2.example.net", "*.cdn.example.net", "203.0.113.9");
        assertThat(leaf.fields().string("sha256")).isEqualTo(sha256(certs.leaf()));
        assertThat(leaf.observables()).extracting(o -> o.observable().type(), o -> o.observable().value()).contains(
                tuple(ObservableType.X509_HASH, sha256(certs.leaf())), tuple(ObservableType.DOMAIN, "c2.example.net"),
                tuple(ObservableType.DOMAIN, "cdn.example.net"), tuple(ObservableType.IPV4, "203.0.113.9"));
        assertThat(leaf.timeline()).singleElement().satisfies(t -> assertThat(t.description())
                .startsWith("Certificate CN=c2.example.net issued by CN=Example Test CA,O=Cotejo tests from 203.0.113.9:443 to 192.168.1.23"));
    }

    @Test
    void saysTls13CertificatesAreEncryptedAndFlagsSelfSignedOnes() throws Exception {
        TestCertificates.Set certs = TestCertificates.get();
        byte[] sh13 = serverHello(0x0303, 0x1301, concat(PcapTlsTest.ext(43, new byte[] {3, 4}), PcapTlsTest.ext(51, new byte[36])));
        PcapWriter w = PcapWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, PacketDecoder.LINKTYPE_ETHERNET);
        new Conversation(w, T, "192.168.1.23", 50000, "203.0.113.9", 443).handshake().client(PcapTlsTest.readmeHello("a.example"))
                .server(concat(record(22, sh13), record(20, new byte[] {1}), record(23, new byte[200]))).close();
        new Conversation(w, T, "192.168.1.23", 50001, "198.51.100.4", 8443).handshake().client(PcapTlsTest.readmeHello("self.example.org"))
                .server(record(22, concat(serverHello(0x0303, 0x002f, new byte[0]), certificate(certs.self()), serverHelloDone()))).close();
        Path file = w.write(root.resolve("mixed.pcap"));

        ModuleHarness.Result result = ModuleHarness.run(Captures.open(file), "PcapTlsServers", "PcapCertificates");

        assertThat(result.of("pcap_tls_servers")).extracting(r -> r.fields().string("tls_version"), r -> r.fields().get("certificates"))
                .containsExactly(tuple("TLS 1.3", "encrypted (TLS 1.3)"), tuple("TLS 1.2", 1L));
        assertThat(result.of("pcap_certificates")).singleElement().satisfies(r -> {
            assertThat(r.fields().truthy("self_signed")).isTrue();
            assertThat(r.timeline().get(0).description()).contains("(self-signed)");
        });
    }
}
