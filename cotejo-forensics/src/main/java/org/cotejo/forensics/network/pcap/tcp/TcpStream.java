package org.cotejo.forensics.network.pcap.tcp;

import java.util.ArrayList;
import java.util.List;

/**
 * One direction of a TCP connection, reassembled in order from its first byte up to a cap: enough for
 * the handshakes and request heads Cotejo reads, never the bulk of a transfer. Segments that arrive
 * ahead of a gap wait (copied, a bounded number and size) until the gap fills; retransmitted and
 * overlapping bytes keep the first copy seen. Sequence numbers wrap as TCP's do.
 *
 * <p>Once its reader has what it wants, or the cap, the wait list or the memory budget is reached, the
 * stream {@link #stop stops}: it frees its bytes and ignores later segments, so bulk data costs one
 * flag test per packet.
 */
public final class TcpStream {
    /** Segments waiting for a gap to fill, at most. */
    static final int MAX_WAITING = 32;
    /** The smallest first buffer: a ClientHello or a request head usually fits one of 512 bytes. */
    private static final int FIRST_CAPACITY = 512;
    /** Packets whose start offsets are remembered, for provenance of messages later in the stream. */
    private static final int MAX_MARKS = 64;

    private record Waiting(long offset, byte[] bytes, long packet, long nanos) {}

    private final int cap;
    private final MemoryBudget budget;
    private boolean started;
    private long isn;
    private byte[] bytes;
    private int length;
    private List<Waiting> waiting;
    private int waitingBytes;
    private String stopped;
    // allocated with the first byte kept: most flows of a busy capture never get that far
    private long[] markPackets;
    private long[] markNanos;
    private int[] markOffsets;
    private int marks;
    private long overlaps;

    public TcpStream(int cap, MemoryBudget budget) {
        this.cap = cap;
        this.budget = budget;
    }

    /** Bytes reassembled so far, from the start of the stream: {@code bytes()[0, length())}. */
    public byte[] bytes() { return bytes; }

    public int length() { return length; }

    /** Whether the stream stopped collecting; {@link #stopReason()} says why. */
    public boolean stopped() { return stopped != null; }

    public String stopReason() { return stopped; }

    /** Whether the cap was reached (what follows was not kept). */
    public boolean full() { return length >= cap; }

    /** Segments that repeated bytes already held (retransmissions, overlaps). */
    public long overlaps() { return overlaps; }

    /** The packet whose segment brought the byte at {@code offset} (the first remembered one before it). */
    public long packetAt(int offset) {
        long p = marks == 0 ? 0 : markPackets[0];
        for (int i = 0; i < marks && markOffsets[i] <= offset; i++) p = markPackets[i];
        return p;
    }

    /** The capture time (epoch nanoseconds, 0 when untimed) of the packet {@link #packetAt} names. */
    public long nanosAt(int offset) {
        long t = marks == 0 ? 0 : markNanos[0];
        for (int i = 0; i < marks && markOffsets[i] <= offset; i++) t = markNanos[i];
        return t;
    }

    /** Marks the stream's start at a SYN: its data starts at {@code seq + 1}. */
    public void syn(long seq) {
        if (!started) {
            started = true;
            isn = (seq + 1) & 0xFFFFFFFFL;
        }
    }

    /**
     * Adds a segment's payload {@code d[from, to)} starting at sequence number {@code seq}; returns
     * whether the in-order bytes grew (the reader has something new to look at).
     */
    public boolean add(long seq, byte[] d, int from, int to, long packet, long nanos) {
        if (stopped != null || to <= from) return false;
        if (!started) { // picked up mid-stream, or the SYN was not captured
            started = true;
            isn = seq;
        }
        long rel = (seq - isn) & 0xFFFFFFFFL;
        long offset = rel >= (1L << 31) ? rel - (1L << 32) : rel; // before the start: a retransmission
        int len = to - from;
        if (offset < 0) {
            if (offset + len <= 0) return false;
            from -= (int) offset;
            len += (int) offset;
            offset = 0;
        }
        if (offset >= cap) return false;
        if (offset > length) {
            wait(offset, d, from, Math.min(len, (int) (cap - offset)), packet, nanos);
            return false;
        }
        boolean grew = append(offset, d, from, len, packet, nanos);
        if (grew && waiting != null && !waiting.isEmpty()) drain();
        return grew;
    }

    private boolean append(long offset, byte[] d, int from, int len, long packet, long nanos) {
        int skip = (int) (length - offset);
        if (skip >= len) {
            overlaps++;
            return false;
        }
        if (skip > 0) overlaps++;
        int n = Math.min(len - skip, cap - length);
        if (n <= 0) return false;
        if (!reserve(length + n)) return false;
        if (markOffsets == null || (marks == markOffsets.length && marks < MAX_MARKS)) {
            int size = markOffsets == null ? 4 : Math.min(MAX_MARKS, marks * 2);
            markOffsets = markOffsets == null ? new int[size] : java.util.Arrays.copyOf(markOffsets, size);
            markPackets = markPackets == null ? new long[size] : java.util.Arrays.copyOf(markPackets, size);
            markNanos = markNanos == null ? new long[size] : java.util.Arrays.copyOf(markNanos, size);
        }
        if (marks < markOffsets.length) {
            markOffsets[marks] = length;
            markNanos[marks] = nanos;
            markPackets[marks++] = packet;
        }
        System.arraycopy(d, from + skip, bytes, length, n);
        length += n;
        return true;
    }

    private void drain() {
        boolean progress = true;
        while (progress && waiting != null) {
            progress = false;
            for (int i = 0; i < waiting.size(); i++) {
                Waiting w = waiting.get(i);
                if (w.offset() <= length) {
                    waiting.remove(i);
                    waitingBytes -= w.bytes().length;
                    budget.give(w.bytes().length);
                    append(w.offset(), w.bytes(), 0, w.bytes().length, w.packet(), w.nanos());
                    progress = true;
                    break;
                }
            }
        }
    }

    private void wait(long offset, byte[] d, int from, int len, long packet, long nanos) {
        if (waiting == null) waiting = new ArrayList<>(4);
        if (waiting.size() >= MAX_WAITING || waitingBytes + len > cap || !budget.take(len)) {
            stop("gap not filled: segments ahead of it over the wait limit");
            return;
        }
        byte[] copy = java.util.Arrays.copyOfRange(d, from, from + len);
        waiting.add(new Waiting(offset, copy, packet, nanos));
        waitingBytes += len;
    }

    private boolean reserve(int needed) {
        int have = bytes == null ? 0 : bytes.length;
        if (needed <= have) return true;
        // the first buffer fits the first segment (most streams stop after it: a busy capture starts
        // hundreds of thousands), later ones double
        int want = Math.min(cap, have == 0 ? Math.max(FIRST_CAPACITY, Integer.highestOneBit(needed - 1) << 1) : Math.max(needed, have * 2));
        if (!budget.take(want - have)) {
            stop("memory budget for reassembly reached");
            return false;
        }
        bytes = bytes == null ? new byte[want] : java.util.Arrays.copyOf(bytes, want);
        return true;
    }

    /** Stops collecting and frees the bytes; the first reason given is kept. */
    public void stop(String reason) {
        if (stopped == null) stopped = reason;
        if (bytes != null) budget.give(bytes.length);
        bytes = null;
        length = 0;
        if (waiting != null) {
            budget.give(waitingBytes);
            waiting = null;
            waitingBytes = 0;
        }
    }

    /** Whether segments still wait for a gap. */
    public boolean hasGap() { return waiting != null && !waiting.isEmpty(); }
}
