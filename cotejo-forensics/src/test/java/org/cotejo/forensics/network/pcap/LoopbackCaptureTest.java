package org.cotejo.forensics.network.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real capture: Debian's tcpdump records loopback traffic this test makes (an HTTP request to the
 * JDK's HTTP server, a TLS 1.2 handshake between the JDK's own client and server with a keytool
 * certificate), and the capture modules read it. Skips, saying why, when tcpdump is missing or may not
 * capture here.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LoopbackCaptureTest {
    @TempDir Path root;

    @Test
    void readsHttpAndTlsFromACaptureTcpdumpWrote() throws Exception {
        Path tcpdump = List.of(Path.of("/usr/bin/tcpdump"), Path.of("/usr/sbin/tcpdump")).stream().filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(tcpdump != null, "tcpdump is not installed (apt-get install tcpdump); loopback capture test skipped");
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", x -> {
            x.sendResponseHeaders(200, 2);
            x.getResponseBody().write("ok".getBytes(StandardCharsets.US_ASCII));
            x.close();
        });
        http.start();
        SSLContext tls = tlsContext();
        SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(new String[] {"TLSv1.2"}); // so the certificate travels in clear
        int httpPort = http.getAddress().getPort(), tlsPort = server.getLocalPort();
        Path file = root.resolve("loopback.pcap");
        Process dump = new ProcessBuilder(tcpdump.toString(), "-i", "lo", "--immediate-mode", "-U", "-n", "-s", "0", "-w", file.toString(),
                "tcp port " + httpPort + " or tcp port " + tlsPort).redirectErrorStream(true).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(dump.getInputStream(), StandardCharsets.UTF_8));
            String line = err.readLine();
            assumeTrue(line != null && line.contains("listening on"), "tcpdump may not capture here: " + line);
            Thread serving = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                    s.getOutputStream().write(1);
                } catch (IOException e) {
                    // the client side reports failures
                }
            });
            serving.start();
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + "/probe?x=1").toURL().openConnection();
            c.setRequestProperty("User-Agent", "cotejo-test");
            try (InputStream in = c.getInputStream()) {
                in.readAllBytes();
            }
            try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket("localhost", tlsPort)) {
                javax.net.ssl.SSLParameters params = s.getSSLParameters();
                params.setServerNames(List.of(new javax.net.ssl.SNIHostName("c2.example.net"))); // the JDK sends none for "localhost"
                params.setEndpointIdentificationAlgorithm(null);
                s.setSSLParameters(params);
                s.startHandshake();
                s.getInputStream().read();
            }
            serving.join();
            // libpcap hands packets over in blocks; immediate mode and a pause let the last ones reach the file
            Thread.sleep(1500);
        } finally {
            dump.destroy();
            dump.waitFor(10, TimeUnit.SECONDS);
            http.stop(0);
            server.close();
        }

        ModuleHarness.Result result = ModuleHarness.run(Captures.open(file), "PcapHttp", "PcapTls", "PcapTlsServers", "PcapCertificates", "PcapFlows");

        assertThat(result.of("pcap_http")).singleElement().satisfies(r -> {
            assertThat(r.fields().string("url")).isEqualTo("http://127.0.0.1:" + httpPort + "/probe?x=1");
            assertThat(r.fields().string("user_agent")).isEqualTo("cotejo-test");
        });
        Record hello = result.of("pcap_tls").get(0);
        assertThat(hello.fields().string("server_name")).isEqualTo("c2.example.net");
        assertThat(hello.fields().string("ja4")).matches("t1[23]d\\d{4}00_[0-9a-f]{12}_[0-9a-f]{12}");
        assertThat(result.of("pcap_tls_servers")).singleElement().satisfies(r -> assertThat(r.fields().string("tls_version")).isEqualTo("TLS 1.2"));
        assertThat(result.of("pcap_certificates")).first().satisfies(r -> {
            assertThat(r.fields().string("subject")).isEqualTo("CN=localhost");
            assertThat(r.fields().truthy("self_signed")).isTrue();
        });
        assertThat(result.of("pcap_flows")).hasSizeGreaterThanOrEqualTo(2);
    }

    /** A context whose server presents a keytool-made self-signed certificate for "localhost", which its client trusts. */
    private SSLContext tlsContext() throws Exception {
        Path ks = root.resolve("ks.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-keystore", ks.toString(),
                "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "30",
                "-storepass", "changeit", "-keypass", "changeit", "-storetype", "PKCS12", "-noprompt").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
