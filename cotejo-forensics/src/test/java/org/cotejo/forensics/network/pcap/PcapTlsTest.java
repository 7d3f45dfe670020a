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
            b.writeBytes(p.getBytes(StandardCharsets.ISO_8859_1)); // byte for byte, for JA4's non-alphanumeric ALPN rule
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

    static byte[] sigAlgs(int... algs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int a : algs) b.writeBytes(u16(a));
        return ext(13, concat(u16(b.size()), b.toByteArray()));
    }

    static byte[] supportedVersions(int... versions) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int v : versions) b.writeBytes(u16(v));
        return ext(43, concat(new byte[] {(byte) b.size()}, b.toByteArray()));
    }

    /**
     * The ClientHello of FoxIO's JA4 specification example (technical_details/JA4.md, "Example"): the
     * ciphers 1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035, the extensions
     * 001b,0000,0033,0010,4469,0017,002d,000d,0005,0023,0012,002b,ff01,000b,000a,0015 in that order,
     * ALPN h2 first, TLS 1.3 in supported_versions, and the signature algorithms
     * 0403,0804,0401,0503,0805,0501,0806,0601; GREASE added in front of each list, which JA4 ignores.
     */
    static byte[] ja4SpecHello() {
        int[] ciphers = {0x0A0A, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035};
        byte[] extensions = concat(ext(0x2A2A, new byte[0]), ext(0x001b, new byte[] {2, 0, 2}), sni("example.com"), ext(0x0033, new byte[] {0, 0}),
                alpn("h2", "http/1.1"), ext(0x4469, new byte[0]), ext(0x0017, new byte[0]), ext(0x002d, new byte[] {1, 1}),
                sigAlgs(0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601), ext(0x0005, new byte[] {1, 0, 0, 0, 0}),
                ext(0x0023, new byte[0]), ext(0x0012, new byte[0]), supportedVersions(0x3A3A, 0x0304, 0x0303), ext(0xff01, new byte[] {0}),
                formats(0), groups(0x4A4A, 0x001d, 0x0017, 0x0018), ext(0x0015, new byte[40]));
        return clientHello(0x0303, ciphers, extensions);
    }

    @Test
    void reproducesTheJa4SpecificationExample() throws Exception {
        byte[] hello = ja4SpecHello();
        TlsClientHello h = TlsClientHello.parse(hello, 0, hello.length);
        // JA4.md: "JA4 = t13d1516h2_8daaf6152771_e5627efa2ab1", and its JA4_r
        assertThat(h.ja4()).isEqualTo("t13d1516h2_8daaf6152771_e5627efa2ab1");
        assertThat(h.ja4Raw()).isEqualTo("t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_"
                + "0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_0403,0804,0401,0503,0805,0501,0806,0601");
    }

    @Test
    void ja4SaysNoSniNoAlpnAndEmptyListsAsTheSpecificationDoes() throws Exception {
        byte[] bare = clientHello(0x0301, new int[] {4, 5}, null);
        TlsClientHello b = TlsClientHello.parse(bare, 0, bare.length);
        assertThat(b.ja4()).isEqualTo("t10i020000_" + org.cotejo.forensics.network.pcap.tls.Ja4Test.sha12("0004,0005") + "_000000000000");
        byte[] odd = clientHello(0x0303, new int[] {0x1301}, concat(alpn("\u00ab\u00cd")));
        assertThat(TlsClientHello.parse(odd, 0, odd.length).ja4()).startsWith("t12i0101ad_");
    }

    @Test
    void readsAClientHelloSplitOverThreeSegmentsArrivingOutOfOrder() throws Exception {
        byte[] hello = ja4SpecHello();
        PcapWriter w = PcapWriter.pcapng(ByteOrder.LITTLE_ENDIAN).iface(PacketDecoder.LINKTYPE_ETHERNET, 9);
        Conversation c = new Conversation(w, T, "192.168.1.23", 50000, "203.0.113.9", 443).handshake();
        int a = 100, b = 100;
        c.clientAt(a + b, java.util.Arrays.copyOfRange(hello, a + b, hello.length)) // third part first
                .clientAt(0, java.util.Arrays.copyOfRange(hello, 0, a))
                .clientAt(a - 10, java.util.Arrays.copyOfRange(hello, a - 10, a + b)) // overlaps the first part
                .clientSkip(hello.length).close();
        Path file = w.write(root.resolve("split.pcapng"));

        ModuleHarness.Result result = ModuleHarness.run(Captures.open(file), "PcapTls");

        assertThat(result.problems()).isEmpty();
        Record r = result.of("pcap_tls").get(0);
        assertThat(result.of("pcap_tls")).hasSize(1);
        assertThat(r.fields().keys()).containsExactly("timestamp", "packet", "client_ip", "client_port", "server_ip", "server_port",
                "tls_version", "server_name", "alpn", "ja3", "ja3_md5", "ja4", "ja4_r");
        assertThat(r.fields().string("ja4")).isEqualTo("t13d1516h2_8daaf6152771_e5627efa2ab1");
        assertThat(r.provenance().locator()).isEqualTo("packet 5"); // the segment holding the hello's first byte
        assertThat(r.observables()).extracting(o -> o.observable().type(), o -> o.field())
                .containsExactly(tuple(ObservableType.DOMAIN, "server_name"), tuple(ObservableType.IPV4, "server_ip"),
                        tuple(ObservableType.JA3, "ja3_md5"), tuple(ObservableType.JA4, "ja4"));
        assertThat(r.timeline()).singleElement().satisfies(t -> assertThat(t.description())
                .startsWith("TLS connection to example.com (203.0.113.9:443) by 192.168.1.23 [JA3: ").endsWith(", JA4: t13d1516h2_8daaf6152771_e5627efa2ab1]"));
    }

    @Test
    void moduleEmitsOneRecordPerConnectionWithTheReadmeJa3() throws Exception {
        PcapWriter w = PcapWriter.pcapng(ByteOrder.LITTLE_ENDIAN).iface(PacketDecoder.LINKTYPE_ETHERNET, 9);
        new Conversation(w, T, "192.168.1.23", 50000, "203.0.113.9", 443).handshake().client(readmeHello("c2.example.net"))
                .client(readmeHello("c2.example.net")).close(); // a second hello on the same connection is not a new connection
        new Conversation(w, T, "2001:db8::23", 50001, "2001:db8::443", 8443).handshake().client(readmeHello("v6.example.net"), 20, 20).reset();
        Path file = w.write(root.resolve("tls.pcapng"));

        ModuleHarness.Result result = ModuleHarness.run(Captures.open(file), "PcapTls");

        assertThat(result.of("pcap_tls")).extracting(r -> r.fields().string("server_name"), r -> r.fields().string("ja3_md5"))
                .containsExactly(tuple("c2.example.net", "ada70206e40642a3e4461f35503241d5"), tuple("v6.example.net", "ada70206e40642a3e4461f35503241d5"));
        assertThat(result.problems()).isEmpty();
    }
}
