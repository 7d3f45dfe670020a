package org.cotejo.forensics.network.pcap.tcp;

/**
 * One flow (TCP connection or UDP exchange) as the table tracks it: who is client and server, when it
 * was seen, what went each way, and the two reassembly streams of a TCP flow. The client is the side
 * that sent the SYN; without one, the side on the higher (ephemeral) port, or the first sender.
 *
 * <p>{@link #state} holds what the capture scan reads on top of the flow (the application protocol
 * and its parse positions).
 */
public final class Flow {
    public final FlowKey key;
    public final int protocol;
    /** Whether the key's first endpoint is the client. */
    public final boolean firstIsClient;
    public final String clientIp;
    public final int clientPort;
    public final String serverIp;
    public final int serverPort;
    /** Packet number of the flow's first packet, and the file it is in (index in the scan). */
    public final long firstPacket;
    public final int file;
    public long firstNanos;
    public long lastNanos;
    public boolean timed;
    public long packetsToServer, bytesToServer, packetsToClient, bytesToClient;
    public boolean finFromClient, finFromServer, reset;
    /** Null for UDP. */
    public final TcpStream toServer;
    public final TcpStream toClient;
    public Object state;
    // the table's bookkeeping: the key's hash, the neighbours in least-recently-seen order, whether it is in the table
    long hash;
    Flow older, newer;
    boolean inTable;

    public Flow(FlowKey key, int protocol, boolean firstIsClient, String clientIp, int clientPort, String serverIp, int serverPort,
                long firstPacket, int file, TcpStream toServer, TcpStream toClient) {
        this.key = key;
        this.protocol = protocol;
        this.firstIsClient = firstIsClient;
        this.clientIp = clientIp;
        this.clientPort = clientPort;
        this.serverIp = serverIp;
        this.serverPort = serverPort;
        this.firstPacket = firstPacket;
        this.file = file;
        this.toServer = toServer;
        this.toClient = toClient;
    }

    /** Whether a packet in the direction the probe describes goes from client to server. */
    public boolean fromClient(FlowKey probe) {
        return probe.swapped() != firstIsClient;
    }

    /** Frees both streams' bytes. */
    public void release(String reason) {
        if (toServer != null) toServer.stop(reason);
        if (toClient != null) toClient.stop(reason);
    }
}
