package org.cotejo.forensics.network.pcap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes captures the way libpcap and Wireshark lay them out: classic pcap (either byte order, micro or
 * nanosecond magic) or pcapng (section header, interface descriptions with {@code if_tsresol}, enhanced
 * and simple packet blocks, and any raw block for damage tests).
 */
final class PcapWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;
    private final boolean ng;
    private final boolean nanos;
    private final java.util.List<Integer> resolutions = new java.util.ArrayList<>();

    private PcapWriter(ByteOrder order, boolean ng, boolean nanos) {
        this.order = order;
        this.ng = ng;
        this.nanos = nanos;
    }

    /** Classic pcap with its 24-byte file header. */
    static PcapWriter pcap(ByteOrder order, boolean nanos, int linkType) {
        PcapWriter w = new PcapWriter(order, false, nanos);
        ByteBuffer b = w.buf(24);
        b.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(linkType);
        w.put(b);
        return w;
    }

    /** pcapng: a section header block, no interfaces yet. */
    static PcapWriter pcapng(ByteOrder order) {
        PcapWriter w = new PcapWriter(order, true, false);
        w.section();
        return w;
    }

    /** A (further) section header block; its interfaces start afresh. */
    PcapWriter section() {
        ByteBuffer b = buf(28);
        b.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L).putInt(28);
        put(b);
        resolutions.clear();
        return this;
    }

    /** An interface description; {@code tsresol} is the if_tsresol byte (6 micro, 9 nano, 0x80|n binary), or -1 for none. */
    PcapWriter iface(int linkType, int tsresol) {
        int total = 20 + (tsresol >= 0 ? 8 + 4 : 0);
        ByteBuffer b = buf(total);
        b.putInt(1).putInt(total).putShort((short) linkType).putShort((short) 0).putInt(0);
        if (tsresol >= 0) {
            b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
            b.putShort((short) 0).putShort((short) 0);
        }
        b.putInt(total);
        put(b);
        resolutions.add(tsresol < 0 ? 6 : tsresol);
        return this;
    }

    /** A classic record or, in pcapng, an enhanced packet block on interface 0. */
    PcapWriter packet(Instant t, byte[] data) {
        return ng ? packet(0, t, data) : record(t, data, data.length, data.length);
    }

    /** A classic record whose header says {@code captured} and {@code original}, followed by {@code data}. */
    PcapWriter record(Instant t, byte[] data, long captured, long original) {
        ByteBuffer b = buf(16);
        b.putInt((int) t.getEpochSecond()).putInt(nanos ? t.getNano() : t.getNano() / 1000).putInt((int) captured).putInt((int) original);
        put(b);
        out.writeBytes(data);
        return this;
    }

    /** An enhanced packet block on interface {@code id}, time in that interface's resolution. */
    PcapWriter packet(int id, Instant t, byte[] data) {
        int res = resolutions.get(id);
        BigInteger per = (res & 0x80) == 0 ? BigInteger.TEN.pow(res) : BigInteger.ONE.shiftLeft(res & 0x7F);
        long units = BigInteger.valueOf(t.getEpochSecond()).multiply(per)
                .add(BigInteger.valueOf(t.getNano()).multiply(per).divide(BigInteger.valueOf(1_000_000_000L))).longValue();
        int padded = (data.length + 3) & ~3;
        int total = 32 + padded;
        ByteBuffer b = buf(total);
        b.putInt(6).putInt(total).putInt(id).putInt((int) (units >>> 32)).putInt((int) units).putInt(data.length).putInt(data.length)
                .put(data).put(new byte[padded - data.length]).putInt(total);
        put(b);
        return this;
    }

    /** A simple packet block (no time, interface 0). */
    PcapWriter simple(byte[] data) {
        int padded = (data.length + 3) & ~3;
        int total = 16 + padded;
        ByteBuffer b = buf(total);
        b.putInt(3).putInt(total).putInt(data.length).put(data).put(new byte[padded - data.length]).putInt(total);
        put(b);
        return this;
    }

    /** A block of any type with this body (padded), for blocks the reader must skip or reject. */
    PcapWriter block(int type, byte[] body) {
        int padded = (body.length + 3) & ~3;
        int total = 12 + padded;
        ByteBuffer b = buf(total);
        b.putInt(type).putInt(total).put(body).put(new byte[padded - body.length]).putInt(total);
        put(b);
        return this;
    }

    /** Raw bytes, for damage. */
    PcapWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] bytes() { return out.toByteArray(); }

    Path write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes());
        return file;
    }

    private ByteBuffer buf(int n) { return ByteBuffer.allocate(n).order(order); }

    private void put(ByteBuffer b) { out.writeBytes(b.array()); }
}
