package org.cotejo.forensics.network.pcap;

import org.cotejo.forensics.network.pcap.http.HttpRequestHead;
import org.cotejo.forensics.network.pcap.tcp.Flow;
import org.cotejo.forensics.network.pcap.tcp.TcpStream;
import org.cotejo.forensics.network.pcap.tls.ServerCertificate;
import org.cotejo.forensics.network.pcap.tls.TlsHandshakes;
import org.cotejo.forensics.network.pcap.tls.TlsServerHello;

/**
 * Reads the application protocol at the start of each TCP flow from its reassembled streams, as the
 * bytes arrive: the client's first bytes say TLS (a handshake record), HTTP (a request line) or
 * neither; port 53 means DNS over TCP. What is not read is stopped at once, so the flow's later
 * packets are only counted. When a flow ends its summary is emitted, with what was learned.
 */
final class FlowReader {
    private static final int UNKNOWN = 0, TLS = 1, HTTP = 2, DNS = 3, NONE = 4;

    /** What is read on top of one flow. */
    private static final class App {
        int kind = UNKNOWN;
        String serverName;
        // TLS
        TlsClientHello hello;
        boolean clientDone, serverDone;
        TlsServerHello server;
        long serverPacket;
        long serverNanos;
        int serverMessages;
        int certificates = -1;
        String leaf;
        // HTTP and DNS: where the next message starts in each direction
        int toServerOffset, toClientOffset;
    }

    private final CaptureScan scan;
    private final ProblemTally problems;
    private long tlsIncomplete;

    FlowReader(CaptureScan scan, ProblemTally problems) {
        this.scan = scan;
        this.problems = problems;
    }

    private static App app(Flow f) {
        if (f.state == null) f.state = new App();
        return (App) f.state;
    }

    /** New in-order bytes in one direction of a TCP flow. */
    void data(Flow f, boolean toServer, long packet) {
        App a = app(f);
        if (a.kind == UNKNOWN && !decide(f, a, toServer)) return;
        switch (a.kind) {
            case TLS -> {
                if (toServer) tlsClient(f, a);
                tlsServer(f, a);
            }
            case HTTP -> { if (toServer) http(f, a); }
            case DNS -> dns(f, a, toServer);
            default -> { }
        }
    }

    /** Decides the flow's protocol from the client's first bytes; false while it cannot tell yet. */
    private boolean decide(Flow f, App a, boolean toServer) {
        if (f.clientPort == 53 || f.serverPort == 53) {
            a.kind = DNS;
            f.toServer.stop("DNS queries are not kept (responses are)");
            return true;
        }
        TcpStream c = f.toServer;
        if (!toServer && c.length() == 0) {
            if (f.toClient.full()) a.kind = NONE; // a server that speaks first at length: not TLS or HTTP
            if (a.kind == NONE) f.release("not TLS, HTTP or DNS");
            return false;
        }
        byte[] b = c.bytes();
        int len = c.length();
        if (TlsHandshakes.looksLikeTls(b, len)) {
            a.kind = TLS;
        } else if (HttpRequestHead.looksLikeRequest(b, 0, len)) {
            a.kind = HTTP;
            f.toClient.stop("HTTP responses are not read");
        } else if (len < 3 && b[0] == 0x16 || HttpRequestHead.mightBeRequest(b, 0, len)) {
            return false;
        } else {
            a.kind = NONE;
            f.release("not TLS, HTTP or DNS");
            return false;
        }
        return true;
    }

    private void tlsClient(Flow f, App a) {
        if (a.clientDone) return;
        TcpStream s = f.toServer;
        TlsHandshakes h = TlsHandshakes.read(s.bytes(), s.length());
        long packet = s.packetAt(0);
        if (!h.messages().isEmpty()) {
            a.clientDone = true;
            TlsHandshakes.Message m = h.messages().get(0);
            if (m.type() != TlsHandshakes.CLIENT_HELLO) {
                problems.report(PcapTls.NAME, "packet " + packet + ": first TLS handshake message is of type " + m.type() + ", not a ClientHello; flow skipped");
            } else {
                try {
                    a.hello = TlsClientHello.parseBody(m.data(), m.from(), m.to());
                    a.serverName = a.hello.serverName();
                    scan.emit(PcapTls.NAME, packet, PcapTls.record(CaptureScan.time(s.nanosAt(0)), packet, f, a.hello), f.clientIp, f.serverIp);
                } catch (TlsClientHello.NotRead e) {
                    problems.report(PcapTls.NAME, "packet " + packet + ": ClientHello unreadable: " + e.getMessage() + "; skipped");
                }
            }
            s.stop("ClientHello read");
        } else if (h.error() != null || h.ended() || s.full()) {
            a.clientDone = true;
            problems.report(PcapTls.NAME, "packet " + packet + ": no ClientHello read: "
                    + (h.error() != null ? h.error() : h.ended() ? "encrypted records came first" : "handshake over " + s.length() + " bytes"));
            s.stop("no ClientHello");
        }
        if (a.clientDone && a.hello == null) {
            a.serverDone = true;
            f.toClient.stop("no ClientHello");
        }
    }

    private void tlsServer(Flow f, App a) {
        if (a.serverDone || a.hello == null) return; // the server's side is read after the client's
        TcpStream s = f.toClient;
        if (s.length() == 0) return;
        TlsHandshakes h = TlsHandshakes.read(s.bytes(), s.length());
        var messages = h.messages();
        for (; a.serverMessages < messages.size() && !a.serverDone; a.serverMessages++) {
            TlsHandshakes.Message m = messages.get(a.serverMessages);
            switch (m.type()) {
                case TlsHandshakes.SERVER_HELLO -> {
                    try {
                        a.server = TlsServerHello.parse(m.data(), m.from(), m.to());
                        a.serverPacket = s.packetAt(0);
                        a.serverNanos = s.nanosAt(0);
                        if (a.server.tls13()) a.serverDone = true; // the rest of the handshake is encrypted
                    } catch (TlsServerHello.Malformed e) {
                        problems.report(PcapTlsServers.NAME, "packet " + s.packetAt(0) + ": " + e.getMessage() + "; skipped");
                        a.serverDone = true;
                    }
                }
                case TlsHandshakes.CERTIFICATE -> {
                    certificates(f, a, m, s);
                    a.serverDone = true;
                }
                case TlsHandshakes.SERVER_HELLO_DONE -> a.serverDone = true;
                default -> { }
            }
        }
        if (!a.serverDone && (h.error() != null || h.ended() || s.full())) {
            if (h.error() != null) problems.report(PcapTlsServers.NAME, "packet " + s.packetAt(0) + ": " + h.error() + "; skipped");
            a.serverDone = true;
        }
        if (a.serverDone) serverDone(f, a);
    }

    private void certificates(Flow f, App a, TlsHandshakes.Message m, TcpStream s) {
        long packet = s.packetAt(0);
        try {
            var chain = ServerCertificate.chain(m.data(), m.from(), m.to());
            a.certificates = chain.size();
            for (int i = 0; i < chain.size(); i++) {
                try {
                    ServerCertificate c = ServerCertificate.parse(chain.get(i));
                    if (i == 0) a.leaf = c.sha256();
                    scan.emit(PcapCertificates.NAME, packet, PcapCertificates.record(CaptureScan.time(s.nanosAt(0)), packet, f, a.serverName, i, c),
                            f.clientIp, f.serverIp);
                } catch (ServerCertificate.Malformed e) {
                    problems.report(PcapCertificates.NAME, "packet " + packet + ": certificate " + (i + 1) + " of the chain: " + e.getMessage() + "; skipped");
                }
            }
        } catch (ServerCertificate.Malformed e) {
            problems.report(PcapCertificates.NAME, "packet " + packet + ": " + e.getMessage() + "; skipped");
        }
    }

    private void serverDone(Flow f, App a) {
        a.serverDone = true;
        f.toClient.stop("server handshake read");
        if (a.server == null) return;
        scan.emit(PcapTlsServers.NAME, a.serverPacket, PcapTlsServers.record(CaptureScan.time(a.serverNanos), a.serverPacket, f, a.serverName,
                a.server, a.certificates, a.leaf), f.clientIp, f.serverIp);
    }

    private void http(Flow f, App a) {
        TcpStream s = f.toServer;
        byte[] b = s.bytes();
        int len = s.length();
        int off = a.toServerOffset;
        while (off < len && !s.stopped()) {
            if (!HttpRequestHead.looksLikeRequest(b, off, len)) {
                if (!HttpRequestHead.mightBeRequest(b, off, len)) s.stop("not an HTTP request at stream offset " + off);
                break;
            }
            HttpRequestHead head;
            try {
                head = HttpRequestHead.parse(b, off, len);
            } catch (HttpRequestHead.NotHttp e) {
                problems.report(PcapHttp.NAME, "packet " + s.packetAt(off) + ": " + e.getMessage() + "; rest of the stream skipped");
                s.stop("not HTTP");
                break;
            }
            if (head == null) {
                if (s.full()) s.stop("request head past the kept bytes");
                break;
            }
            long packet = s.packetAt(off);
            if (a.serverName == null) a.serverName = head.host();
            scan.emit(PcapHttp.NAME, packet, PcapHttp.record(CaptureScan.time(s.nanosAt(off)), packet, f, head), f.clientIp, f.serverIp);
            if (head.contentLength() < 0) {
                s.stop("chunked request body: the next request cannot be found");
                break;
            }
            off += head.length() + (int) Math.min(head.contentLength(), Integer.MAX_VALUE - off - head.length());
        }
        a.toServerOffset = off;
    }

    private void dns(Flow f, App a, boolean toServer) {
        if (toServer) return;
        TcpStream s = f.toClient;
        byte[] b = s.bytes();
        int len = s.length();
        int off = a.toClientOffset;
        while (off + 2 <= len) {
            int n = (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
            if (off + 2 + n > len) break;
            long packet = s.packetAt(off);
            try {
                DnsMessage m = DnsMessage.parse(b, off + 2, off + 2 + n);
                if (m.response()) {
                    scan.emit(PcapDns.NAME, packet, PcapDns.record(CaptureScan.time(s.nanosAt(off)), packet, f.clientIp, f.clientPort,
                            f.serverIp, f.serverPort, m, "tcp"), f.clientIp, f.serverIp);
                }
            } catch (DnsMessage.Malformed e) {
                problems.report(PcapDns.NAME, "packet " + packet + ": DNS message over TCP unreadable: " + e.getMessage() + "; skipped");
            }
            off += 2 + n;
        }
        a.toClientOffset = off;
    }

    /** A flow left the table: finish what its streams held, then emit its summary. */
    void ended(Flow f, String reason) {
        App a = f.state instanceof App x ? x : null;
        if (a != null && a.kind == TLS) {
            if (!a.clientDone) tlsIncomplete++;
            else if (a.hello != null && !a.serverDone) serverDone(f, a);
        }
        String application = a == null ? udpApplication(f) : switch (a.kind) {
            case TLS -> "tls";
            case HTTP -> "http";
            case DNS -> "dns";
            default -> null;
        };
        scan.emit(PcapFlows.NAME, f.firstPacket, PcapFlows.record(f, reason, application, a == null ? null : a.serverName), f.clientIp, f.serverIp);
    }

    private static String udpApplication(Flow f) {
        if (f.protocol != IpPacket.UDP) return null;
        if (f.serverPort == 53 || f.clientPort == 53) return "dns";
        if (f.serverPort == 67 || f.serverPort == 68 || f.serverPort == 546 || f.serverPort == 547) return "dhcp";
        if (f.serverPort == 443) return "quic";
        return null;
    }

    void finish() {
        if (tlsIncomplete > 0) {
            problems.summary(PcapTls.NAME, tlsIncomplete + " TLS flow(s) ended before a whole ClientHello was seen (capture cut, gap or lost segments)");
        }
    }
}
