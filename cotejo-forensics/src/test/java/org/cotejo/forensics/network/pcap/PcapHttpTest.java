package org.cotejo.forensics.network.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapHttpTest {
    static final Instant T = Instant.parse("2025-03-01T10:15:31Z");

    @TempDir Path root;

    static byte[] ascii(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    @Test
    void readsEachRequestOfAKeepAliveConnectionSkippingBodies() throws Exception {
        String first = "POST /upload?id=7 HTTP/1.1\r\nHost: c2.example.net\r\nUser-Agent: Dalvik/2.1.0\r\nContent-Length: 11\r\n\r\nhello world";
        String second = "GET /next HTTP/1.1\r\nhost: c2.example.net:8080\r\n\r\n";
        PcapWriter w = PcapWriter.pcap(ByteOrder.BIG_ENDIAN, false, PacketDecoder.LINKTYPE_ETHERNET);
        new Conversation(w, T, "192.168.1.23", 40000, "203.0.113.80", 8080).handshake().client(ascii(first + second), 30, 40)
                .server(ascii("HTTP/1.1 200 OK\r\n\r\n")).close();
        new Conversation(w, T, "192.168.1.23", 40001, "203.0.113.81", 80).handshake().client(ascii("GET / HTTP/1.0\r\n\r\n")).close();
        Path file = w.write(root.resolve("http.pcap"));

        ModuleHarness.Result result = ModuleHarness.run(Captures.open(file), "PcapHttp");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("pcap_http")).extracting(r -> r.fields().string("method"), r -> r.fields().string("url"), r -> r.provenance().locator())
                .containsExactly(tuple("POST", "http://c2.example.net/upload?id=7", "packet 4"),
                        tuple("GET", "http://c2.example.net:8080/next", "packet 6"),
                        tuple("GET", "http://203.0.113.81/", "packet 14"));
        Record r = result.of("pcap_http").get(0);
        assertThat(r.fields().keys()).containsExactly("timestamp", "packet", "client_ip", "client_port", "server_ip", "server_port", "method",
                "host", "path", "user_agent", "url");
        assertThat(r.fields().string("user_agent")).isEqualTo("Dalvik/2.1.0");
        assertThat(r.observables()).extracting(o -> o.observable().type(), o -> o.field())
                .containsExactly(tuple(ObservableType.URL, "url"), tuple(ObservableType.DOMAIN, "host"), tuple(ObservableType.IPV4, "server_ip"));
        assertThat(r.timeline().get(0).description()).isEqualTo("HTTP POST http://c2.example.net/upload?id=7 by 192.168.1.23 [User-Agent: Dalvik/2.1.0]");
    }
}
