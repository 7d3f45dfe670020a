package org.cotejo.forensics.network.pcap;

import static org.cotejo.forensics.network.pcap.Frames.*;

import java.time.Instant;
import java.util.Arrays;

/**
 * A TCP conversation written into a capture the way the wire carries it: handshake, data segments
 * with running sequence numbers in each direction (split, reordered or repeated as a test asks), and
 * the closing FINs. IPv4 or IPv6 over Ethernet.
 */
final class Conversation {
    private final PcapWriter w;
    private final String client, server;
    private final int clientPort, serverPort;
    private long clientSeq = 1000, serverSeq = 5000;
    private Instant t;

    Conversation(PcapWriter w, Instant t, String client, int clientPort, String server, int serverPort) {
        this.w = w;
        this.t = t;
        this.client = client;
        this.clientPort = clientPort;
        this.server = server;
        this.serverPort = serverPort;
    }

    private byte[] frame(boolean fromClient, long seq, int flags, byte[] payload) {
        byte[] seg = fromClient ? tcp(clientPort, serverPort, seq, flags, payload) : tcp(serverPort, clientPort, seq, flags, payload);
        String src = fromClient ? client : server, dst = fromClient ? server : client;
        boolean v6 = src.indexOf(':') >= 0;
        return ethernet(v6 ? 0x86DD : 0x0800, v6 ? ipv6(src, dst, 6, seg) : ipv4(src, dst, 6, seg));
    }

    private Conversation put(boolean fromClient, long seq, int flags, byte[] payload) {
        t = t.plusMillis(1);
        w.packet(t, frame(fromClient, seq, flags, payload));
        return this;
    }

    Conversation handshake() {
        put(true, clientSeq++, 0x02, new byte[0]);
        put(false, serverSeq++, 0x12, new byte[0]);
        return put(true, clientSeq, 0x10, new byte[0]);
    }

    /** The client sends {@code data} in segments of the given sizes (the last takes the rest). */
    Conversation client(byte[] data, int... sizes) {
        clientSeq = send(true, clientSeq, data, sizes);
        return this;
    }

    Conversation server(byte[] data, int... sizes) {
        serverSeq = send(false, serverSeq, data, sizes);
        return this;
    }

    private long send(boolean fromClient, long seq, byte[] data, int... sizes) {
        int off = 0;
        for (int i = 0; off < data.length; i++) {
            int n = i < sizes.length ? Math.min(sizes[i], data.length - off) : data.length - off;
            put(fromClient, seq + off, 0x18, Arrays.copyOfRange(data, off, off + n));
            off += n;
        }
        return seq + data.length;
    }

    /** One client segment at {@code offset} bytes past the next sequence number (for gaps and reordering), not advancing it. */
    Conversation clientAt(int offset, byte[] data) {
        return put(true, clientSeq + offset, 0x18, data);
    }

    /** Advances the client's sequence number past bytes sent out of order with {@link #clientAt}. */
    Conversation clientSkip(int n) {
        clientSeq += n;
        return this;
    }

    Conversation close() {
        put(true, clientSeq++, 0x11, new byte[0]);
        put(false, serverSeq++, 0x11, new byte[0]);
        return put(true, clientSeq, 0x10, new byte[0]);
    }

    Conversation reset() {
        return put(false, serverSeq, 0x04, new byte[0]);
    }
}
