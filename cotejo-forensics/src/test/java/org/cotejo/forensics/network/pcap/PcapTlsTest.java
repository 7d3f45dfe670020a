package org.cotejo.forensics.network.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.cotejo.forensics.network.pcap.Frames.*;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expected JA3 values are the worked examples of the JA3 README (github.com/salesforce/ja3,
 * "How it works"): "769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,23-24-25,0" hashes to
 * ada70206e40642a3e4461f35503241d5 and "769,4-5-10-9-100-98-3-6-19-18-99,,," to
 * de350869b8c85de67a350c8d186f11e6. The ClientHellos below are built byte for byte to give those strings.
 */
class PcapTlsTest {
    static final Instant T = Instant.parse("2025-03-01T10:15:31Z");

    @TempDir Path root;

    static byte[] u16(int v) { return new byte[] {(byte) (v >> 8), (byte) v}; }

    static byte[] ext(int type, byte[] body) { return concat(u16(type), u16(body.length), body); }

    static byte[] sni(String host) {
        byte[] h = host.getBytes(StandardCharsets.US_ASCII);
        byte[] entry = concat(new byte[] {0}, u16(h.length), h);
        return ext(0, concat(u16(entry.length), entry));
    }

    static byte[] groups(int... gs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int g : gs) b.writeBytes(u16(g));
        return ext(10, concat(u16(b.size()), b.toByteArray()));
    }

    static byte[] formats(int... fs) {
        byte[] b = new byte[fs.length + 1];
        b[0] = (byte) fs.length;
        for (int i = 0; i < fs.length; i++) b[i + 1] = (byte) fs[i];
        return ext(11, b);
    }

    static byte[] alpn(String... protos) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String p : protos) {
            b.write(p.length());
            b.writeBytes(p.getBytes(StandardCharsets.US_ASCII));
        }
        return ext(16, concat(u16(b.size()), b.toByteArray()));
    }

    /** A TLS record holding a ClientHello; {@code extensions} null for a hello without the extensions block. */
    static byte[] clientHello(int version, int[] ciphers, byte[] extensions) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(u16(version));
        body.writeBytes(new byte[32]);                 // random
        body.write(0);                                 // no session id
        body.writeBytes(u16(ciphers.length * 2));
        for (int c : ciphers) body.writeBytes(u16(c));
        body.write(1);
        body.write(0);                                 // compression: null
        if (extensions != null) body.writeBytes(concat(u16(extensions.length), extensions));
        byte[] hs = concat(new byte[] {1, 0, (byte) (body.size() >> 8), (byte) body.size()}, body.toByteArray());
        return concat(new byte[] {0x16, 3, 1}, u16(hs.length), hs);
    }

    static final int[] README_CIPHERS = {47, 53, 5, 10, 49161, 49162, 49171, 49172, 50, 56, 19, 4};

    static byte[] readmeHello(String host) {
        return clientHello(0x0301, README_CIPHERS, concat(sni(host), groups(23, 24, 25), formats(0)));
    }

    @Test
    void reproducesThePublishedJa3Examples() throws Exception {
        byte[] hello = readmeHello("c2.example.net");
        TlsClientHello h = TlsClientHello.parse(hello, 0, hello.length);
        assertThat(h.ja3()).isEqualTo("769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,23-24-25,0");
        assertThat(h.ja3Md5()).isEqualTo("ada70206e40642a3e4461f35503241d5");
        assertThat(h.serverName()).isEqualTo("c2.example.net");

        byte[] bare = clientHello(0x0301, new int[] {4, 5, 10, 9, 100, 98, 3, 6, 19, 18, 99}, null);
        TlsClientHello b = TlsClientHello.parse(bare, 0, bare.length);
        assertThat(b.ja3()).isEqualTo("769,4-5-10-9-100-98-3-6-19-18-99,,,");
        assertThat(b.ja3Md5()).isEqualTo("de350869b8c85de67a350c8d186f11e6");
    }

    @Test
    void leavesGreaseOutOfJa3AndReadsAlpn() throws Exception {
        int[] ciphers = new int[README_CIPHERS.length + 1];
        ciphers[0] = 0x2A2A;
        System.arraycopy(README_CIPHERS, 0, ciphers, 1, README_CIPHERS.length);
        byte[] hello = clientHello(0x0301, ciphers,
                concat(ext(0x1A1A, new byte[0]), sni("c2.example.net"), groups(0x8A8A, 23, 24, 25), formats(0), ext(0xFAFA, new byte[1])));
        TlsClientHello h = TlsClientHello.parse(hello, 0, hello.length);
        assertThat(h.ja3Md5()).isEqualTo("ada70206e40642a3e4461f35503241d5");

        byte[] withAlpn = clientHello(0x0303, new int[] {0x1301}, concat(sni("Example.ORG"), alpn("h2", "http/1.1")));
        TlsClientHello a = TlsClientHello.parse(withAlpn, 0, withAlpn.length);
        assertThat(a.alpn()).containsExactly("h2", "http/1.1");
        assertThat(a.serverName()).isEqualTo("example.org");
        assertThat(a.ja3()).isEqualTo("771,4865,0-16,,");
    }

    @Test
    void moduleEmitsOneRecordPerClientHelloAndCountsOnesSpanningSegments() throws Exception {
        byte[] hello = readmeHello("c2.example.net");
        byte[] big = clientHello(0x0303, new int[] {0x1301}, concat(sni("big.example.com"), ext(21, new byte[600])));
        Path file = PcapWriter.pcapng(ByteOrder.LITTLE_ENDIAN).iface(PacketDecoder.LINKTYPE_ETHERNET, 9)
                .packet(0, T, ethernet(0x0800, ipv4("192.168.1.23", "203.0.113.9", 6, tcp(50000, 443, 1, 0x18, hello))))
                .packet(0, T, ethernet(0x0800, ipv4("192.168.1.23", "203.0.113.9", 6, tcp(50000, 443, 1000, 0x10, new byte[] {0x17, 3, 3, 0, 1, 0}))))
                .packet(0, T, ethernet(0x86DD, ipv6("2001:db8::23", "2001:db8::443", 6, tcp(50001, 8443, 1, 0x18, java.util.Arrays.copyOf(big, 300)))))
                .write(root.resolve("tls.pcapng"));

        ModuleHarness.Result result = ModuleHarness.run(Captures.open(file), "PcapTls");

        List<Record> records = result.of("pcap_tls");
        assertThat(records).hasSize(1);
        Record r = records.get(0);
        assertThat(r.fields().keys()).containsExactly("timestamp", "packet", "client_ip", "client_port", "server_ip", "server_port",
                "tls_version", "server_name", "alpn", "ja3", "ja3_md5");
        assertThat(r.fields().string("ja3_md5")).isEqualTo("ada70206e40642a3e4461f35503241d5");
        assertThat(r.provenance().locator()).isEqualTo("packet 1");
        assertThat(r.observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.field())
                .containsExactly(tuple(ObservableType.DOMAIN, "c2.example.net", "server_name"), tuple(ObservableType.IPV4, "203.0.113.9", "server_ip"));
        assertThat(r.timeline()).singleElement().satisfies(t -> {
            assertThat(t.event()).isEqualTo("tls_client_hello");
            assertThat(t.description()).isEqualTo("TLS connection to c2.example.net (203.0.113.9:443) by 192.168.1.23 [JA3: ada70206e40642a3e4461f35503241d5]");
        });
        assertThat(result.problems()).extracting(p -> p.message())
                .containsExactly("1 TLS ClientHello(s) continuing past their first TCP segment not read (streams are not reassembled)");
    }
}
