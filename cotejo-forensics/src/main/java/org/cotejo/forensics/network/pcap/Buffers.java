package org.cotejo.forensics.network.pcap;

/** The read buffer the capture and spill readers share the handling of. */
final class Buffers {
    private Buffers() {}

    /**
     * The unread bytes {@code buf[pos, limit)} moved to the front, in a larger array when {@code need} bytes would not
     * fit (twice the size, or {@code need}); the caller's window becomes {@code [0, limit - pos)}.
     */
    static byte[] compact(byte[] buf, int pos, int limit, int need) {
        byte[] to = need > buf.length ? new byte[Math.max(need, buf.length * 2)] : buf;
        System.arraycopy(buf, pos, to, 0, limit - pos);
        return to;
    }
}
