package org.cotejo.cli.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a large classic pcap of phone-like traffic for `cotejo bench pcap`, deterministically (fixed
 * seed): TLS connections (ClientHello with SNI and ALPN, a TLS 1.3 ServerHello, then encrypted data),
 * HTTP requests and responses, UDP DNS look-ups and answers, and long bulk TCP transfers; most packets
 * are small (ACKs, short records) with full-size segments among them, about 200 bytes per packet on
 * average. Connections are interleaved, 32 at a time, and closed with FINs.
 */
final class SyntheticCapture {
    private static final int ACTIVE = 32;
    private static final String[] SITES = {"www.example.com", "api.example.net", "cdn.example.org", "push.example.com", "c2.exploit-delivery.net"};

    private final SplittableRandom random = new SplittableRandom(42);
    private final ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    private long packets;
    private long bytes;
    private long nanos = 1_710_000_000_000_000_000L;
    private int connection;

    long packets() { return packets; }

    long bytes() { return bytes; }

    /** Writes about {@code target} bytes of capture to {@code file}. */
    void write(Path file, long target) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 23)) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xA1B23C4D).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(1);
            out.write(h.array());
            bytes = 24;
            List<ArrayDeque<byte[]>> active = new ArrayList<>();
            while (bytes < target) {
                while (active.size() < ACTIVE) active.add(next());
                for (int i = 0; i < active.size() && bytes < target; i++) {
                    ArrayDeque<byte[]> c = active.get(i);
                    frame(out, c.poll());
                    if (c.isEmpty()) active.set(i, next());
                }
            }
        }
    }

    private void frame(OutputStream out, byte[] f) throws IOException {
        nanos += 10_000;
        header.clear();
        header.putInt((int) (nanos / 1_000_000_000L)).putInt((int) (nanos % 1_000_000_000L)).putInt(f.length).putInt(f.length);
        out.write(header.array());
        out.write(f);
        packets++;
        bytes += 16 + f.length;
    }

    /** The frames of the next connection (or DNS exchange). */
    private ArrayDeque<byte[]> next() {
        int n = connection++;
        int kind = n % 20;
        byte[] client = {10, 1, (byte) (n >> 8), (byte) n};
        int port = 20000 + n % 40000;
        String site = SITES[n % SITES.length];
        Conv c;
        if (kind < 10) {
            c = new Conv(client, port, new byte[] {(byte) 203, 0, 113, (byte) (n % 250)}, 443);
            c.open();
            c.send(true, clientHello(site));
            c.send(false, serverHello13());
            c.chatter(40);
        } else if (kind < 13) {
            c = new Conv(client, port, new byte[] {(byte) 198, 51, 100, (byte) (n % 250)}, 80);
            c.open();
            c.send(true, ("GET /feed/" + n + " HTTP/1.1\r\nHost: " + site + "\r\nUser-Agent: Dalvik/2.1.0 (Linux; U; Android 14)\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            c.send(false, "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            c.chatter(30);
        } else if (kind < 18) {
            c = new Conv(client, port, new byte[] {(byte) 192, (byte) 168, 1, 1}, 53);
            c.dns(site, n);
            return c.frames;
        } else {
            c = new Conv(client, port, new byte[] {(byte) 192, 0, 2, (byte) (n % 250)}, 5228);
            c.open();
            c.chatter(400);
        }
        c.close();
        return c.frames;
    }

    /** One conversation's frames, with running sequence numbers. */
    private final class Conv {
        final ArrayDeque<byte[]> frames = new ArrayDeque<>();
        final byte[] client, server;
        final int clientPort, serverPort;
        long cseq = 1000, sseq = 90000;

        Conv(byte[] client, int clientPort, byte[] server, int serverPort) {
            this.client = client;
            this.clientPort = clientPort;
            this.server = server;
            this.serverPort = serverPort;
        }

        void open() {
            frames.add(tcp(true, cseq++, 0x02, 0));
            frames.add(tcp(false, sseq++, 0x12, 0));
            frames.add(tcp(true, cseq, 0x10, 0));
        }

        void send(boolean fromClient, byte[] payload) {
            byte[] f = tcp(fromClient, fromClient ? cseq : sseq, 0x18, payload.length);
            System.arraycopy(payload, 0, f, 54, payload.length);
            frames.add(f);
            if (fromClient) cseq += payload.length;
            else sseq += payload.length;
        }

        /** Encrypted-looking exchanges: mostly small records and ACKs, one full-size segment in sixteen. */
        void chatter(int rounds) {
            for (int i = 0; i < rounds; i++) {
                int r = random.nextInt(16);
                if (r < 1) {
                    frames.add(tcp(false, sseq, 0x10, 1400));
                    sseq += 1400;
                } else if (r < 8) {
                    int len = 30 + random.nextInt(120);
                    frames.add(tcp(i % 2 == 0, i % 2 == 0 ? cseq : sseq, 0x18, len));
                    if (i % 2 == 0) cseq += len;
                    else sseq += len;
                } else {
                    frames.add(tcp(i % 2 != 0, i % 2 != 0 ? cseq : sseq, 0x10, 0));
                }
            }
        }

        void close() {
            frames.add(tcp(true, cseq++, 0x11, 0));
            frames.add(tcp(false, sseq++, 0x11, 0));
            frames.add(tcp(true, cseq, 0x10, 0));
        }

        void dns(String name, int id) {
            byte[] q = dnsMessage(name, id, false);
            byte[] a = dnsMessage(name, id, true);
            frames.add(udp(true, q));
            frames.add(udp(false, a));
        }

        byte[] tcp(boolean fromClient, long seq, int flags, int payload) {
            ByteBuffer b = ip(fromClient, 6, 20 + payload);
            b.putShort((short) (fromClient ? clientPort : serverPort)).putShort((short) (fromClient ? serverPort : clientPort))
                    .putInt((int) seq).putInt(0).put((byte) 0x50).put((byte) flags).putShort((short) 65535).putInt(0);
            return b.array();
        }

        byte[] udp(boolean fromClient, byte[] payload) {
            ByteBuffer b = ip(fromClient, 17, 8 + payload.length);
            b.putShort((short) (fromClient ? clientPort : serverPort)).putShort((short) (fromClient ? serverPort : clientPort))
                    .putShort((short) (8 + payload.length)).putShort((short) 0).put(payload);
            return b.array();
        }

        ByteBuffer ip(boolean fromClient, int protocol, int transportLength) {
            ByteBuffer b = ByteBuffer.allocate(14 + 20 + transportLength);
            b.put(new byte[] {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2}).putShort((short) 0x0800);
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + transportLength)).putShort((short) 0).putShort((short) 0x4000)
                    .put((byte) 64).put((byte) protocol).putShort((short) 0).put(fromClient ? client : server).put(fromClient ? server : client);
            return b;
        }
    }

    private static byte[] clientHello(String sni) {
        ByteBuffer ext = ByteBuffer.allocate(512);
        byte[] host = sni.getBytes(StandardCharsets.US_ASCII);
        ext.putShort((short) 0).putShort((short) (host.length + 5)).putShort((short) (host.length + 3)).put((byte) 0).putShort((short) host.length).put(host);
        ext.putShort((short) 16).putShort((short) 14).putShort((short) 12).put((byte) 2).put("h2".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 8).put("http/1.1".getBytes(StandardCharsets.US_ASCII));
        ext.putShort((short) 10).putShort((short) 8).putShort((short) 6).putShort((short) 0x1d).putShort((short) 0x17).putShort((short) 0x18);
        ext.putShort((short) 13).putShort((short) 8).putShort((short) 6).putShort((short) 0x0403).putShort((short) 0x0804).putShort((short) 0x0401);
        ext.putShort((short) 43).putShort((short) 5).put((byte) 4).putShort((short) 0x0304).putShort((short) 0x0303);
        ext.putShort((short) 51).putShort((short) 38).putShort((short) 36).putShort((short) 0x1d).putShort((short) 32).put(new byte[32]);
        int extLen = ext.position();
        int[] ciphers = {0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8};
        int body = 2 + 32 + 1 + 32 + 2 + ciphers.length * 2 + 2 + 2 + extLen;
        ByteBuffer b = ByteBuffer.allocate(5 + 4 + body);
        b.put((byte) 0x16).putShort((short) 0x0301).putShort((short) (4 + body));
        b.put((byte) 1).put((byte) 0).putShort((short) body).putShort((short) 0x0303).put(new byte[32]).put((byte) 32).put(new byte[32]);
        b.putShort((short) (ciphers.length * 2));
        for (int c : ciphers) b.putShort((short) c);
        b.put((byte) 1).put((byte) 0).putShort((short) extLen).put(ext.array(), 0, extLen);
        return b.array();
    }

    private static byte[] serverHello13() {
        int body = 2 + 32 + 1 + 32 + 2 + 1 + 2 + 6 + 40;
        ByteBuffer b = ByteBuffer.allocate(5 + 4 + body + 6 + 5 + 60);
        b.put((byte) 0x16).putShort((short) 0x0303).putShort((short) (4 + body));
        b.put((byte) 2).put((byte) 0).putShort((short) body).putShort((short) 0x0303).put(new byte[32]).put((byte) 32).put(new byte[32])
                .putShort((short) 0x1301).put((byte) 0).putShort((short) 46);
        b.putShort((short) 43).putShort((short) 2).putShort((short) 0x0304);
        b.putShort((short) 51).putShort((short) 36).putShort((short) 0x1d).putShort((short) 32).put(new byte[32]);
        b.put(new byte[] {0x14, 3, 3, 0, 1, 1});
        b.put(new byte[] {0x17, 3, 3, 0, 60}).put(new byte[60]);
        return b.array();
    }

    private static byte[] dnsMessage(String name, int id, boolean answer) {
        ByteBuffer b = ByteBuffer.allocate(512);
        b.putShort((short) id).putShort((short) (answer ? 0x8180 : 0x0100)).putShort((short) 1).putShort((short) (answer ? 1 : 0))
                .putShort((short) 0).putShort((short) 0);
        for (String label : name.split("\\.")) {
            b.put((byte) label.length()).put(label.getBytes(StandardCharsets.US_ASCII));
        }
        b.put((byte) 0).putShort((short) 1).putShort((short) 1);
        if (answer) b.putShort((short) 0xC00C).putShort((short) 1).putShort((short) 1).putInt(60).putShort((short) 4)
                .put(new byte[] {(byte) 203, 0, 113, (byte) (id % 250)});
        return java.util.Arrays.copyOf(b.array(), b.position());
    }
}
