package org.cotejo.forensics.network.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams the packets of a capture, classic pcap or pcapng, one at a time from an {@link InputStream}:
 * nothing but the current packet is held.
 *
 * <p>Classic pcap: either byte order, microsecond ({@code a1b2c3d4}) or nanosecond ({@code a1b23c4d})
 * timestamps, one link type for the file. pcapng: sections (SHB, either byte order, each with its own
 * interfaces), interface descriptions (IDB: link type, snap length, {@code if_tsresol},
 * {@code if_tsoffset}), enhanced and simple packet blocks (EPB, SPB; a simple packet has no time) and
 * the obsolete packet block; other blocks are skipped by their length.
 *
 * <p>Damage is reported to the problem sink, naming the packet number (1-based, over the whole file),
 * and reading stops cleanly: a truncated record or block, a captured length over {@value #MAX_PACKET}
 * bytes, a block over {@value #MAX_BLOCK} bytes, a packet on an undeclared interface. Lengths are never
 * trusted for allocation: bytes are read in bounded steps, so a lying header cannot exhaust memory.
 */
public final class PcapReader implements AutoCloseable {
    /** The largest captured packet accepted (pcap's own snap length ceiling is 262144). */
    static final int MAX_PACKET = 1 << 18;
    /** The largest pcapng block accepted. */
    static final int MAX_BLOCK = 1 << 24;

    /** The capture's format. */
    public enum Format { PCAP, PCAPNG }

    /**
     * One captured packet.
     *
     * @param number         1-based position among the capture's packets
     * @param time           capture time in UTC, or null when the format keeps none (pcapng simple packet)
     * @param linkType       the LINKTYPE_ value of its interface (1 Ethernet, 113 Linux SLL, 101 raw IP...)
     * @param data           the captured bytes
     * @param originalLength the packet's length on the wire (at least {@code data.length} in sane files)
     * @param iface          the pcapng interface id, 0 in classic pcap
     */
    public record Packet(long number, Instant time, int linkType, byte[] data, long originalLength, int iface) {}

    private record Iface(int linkType, long snapLength, boolean decimal, int exponent, long offsetSeconds) {}

    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int OPB = 2;
    private static final int SPB = 3;
    private static final int EPB = 6;

    private final InputStream in;
    private final Consumer<String> problems;
    private final Format format;
    private ByteOrder order;
    private boolean nanos;
    private int linkType;
    private final List<Iface> ifaces = new ArrayList<>();
    private long number;
    private boolean done;

    /**
     * Reads the capture's header.
     *
     * @throws IOException when the stream is not a pcap or pcapng capture (or is too short to be one)
     */
    public PcapReader(InputStream in, Consumer<String> problems) throws IOException {
        this.in = in;
        this.problems = problems;
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) throw new IOException("not a packet capture: " + magic.length + " byte(s)");
        int be = ByteBuffer.wrap(magic).order(ByteOrder.BIG_ENDIAN).getInt();
        int le = ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).getInt();
        try {
            format = header(be, le);
        } catch (Truncated t) {
            throw new IOException(t.getMessage());
        }
    }

    private Format header(int be, int le) throws IOException {
        Format format;
        if (be == SHB) {
            format = Format.PCAPNG;
            readSectionHeader();
        } else if (be == 0xA1B2C3D4 || be == 0xA1B23C4D) {
            format = Format.PCAP;
            order = ByteOrder.BIG_ENDIAN;
            nanos = be == 0xA1B23C4D;
            readPcapHeader();
        } else if (le == 0xA1B2C3D4 || le == 0xA1B23C4D) {
            format = Format.PCAP;
            order = ByteOrder.LITTLE_ENDIAN;
            nanos = le == 0xA1B23C4D;
            readPcapHeader();
        } else {
            throw new IOException(String.format("not a packet capture: magic %08x", be));
        }
        return format;
    }

    /** Whether the stream starts like a pcap or pcapng capture. */
    public static boolean isCapture(byte[] head) {
        if (head.length < 4) return false;
        int be = ByteBuffer.wrap(head, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        int le = ByteBuffer.wrap(head, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return be == SHB || be == 0xA1B2C3D4 || be == 0xA1B23C4D || le == 0xA1B2C3D4 || le == 0xA1B23C4D;
    }

    public Format format() { return format; }

    /** The number of packets read so far. */
    public long count() { return number; }

    private void readPcapHeader() throws IOException {
        ByteBuffer h = fill(20, "file header");
        h.getShort(); h.getShort(); h.getInt(); h.getInt(); h.getInt();
        linkType = h.getInt() & 0xFFFF; // upper bits carry FCS information
    }

    /** The next packet, or null at the end of the capture (or after damage, reported). */
    public Packet next() throws IOException {
        if (done) return null;
        try {
            return format == Format.PCAP ? nextPcap() : nextPcapng();
        } catch (Truncated t) {
            done = true;
            problems.accept(t.getMessage());
            return null;
        }
    }

    private Packet nextPcap() throws IOException {
        byte[] head = in.readNBytes(16);
        if (head.length == 0) return end();
        long n = number + 1;
        if (head.length < 16) throw new Truncated("packet " + n + ": truncated record header (" + head.length + " of 16 bytes); capture ends here");
        ByteBuffer h = ByteBuffer.wrap(head).order(order);
        long sec = h.getInt() & 0xFFFFFFFFL;
        long frac = h.getInt() & 0xFFFFFFFFL;
        long incl = h.getInt() & 0xFFFFFFFFL;
        long orig = h.getInt() & 0xFFFFFFFFL;
        if (incl > MAX_PACKET) {
            throw new Truncated("packet " + n + ": captured length " + incl + " is over " + MAX_PACKET + " bytes; capture damaged, rest skipped");
        }
        byte[] data = in.readNBytes((int) incl);
        if (data.length < incl) throw new Truncated("packet " + n + ": truncated (" + data.length + " of " + incl + " captured bytes); capture ends here");
        number = n;
        Instant t = Instant.ofEpochSecond(sec, nanos ? Math.min(frac, 999_999_999L) : Math.min(frac, 999_999L) * 1000);
        return new Packet(n, t, linkType, data, orig, 0);
    }

    private Packet end() {
        done = true;
        return null;
    }

    private void readSectionHeader() throws IOException {
        // after the block type: total length, byte-order magic, version, section length, options
        byte[] lenBytes = readExactly(4, "section header");
        byte[] bom = readExactly(4, "section header");
        int bomBe = ByteBuffer.wrap(bom).order(ByteOrder.BIG_ENDIAN).getInt();
        if (bomBe == 0x1A2B3C4D) order = ByteOrder.BIG_ENDIAN;
        else if (bomBe == 0x4D3C2B1A) order = ByteOrder.LITTLE_ENDIAN;
        else throw new Truncated(String.format("section header: bad byte-order magic %08x; capture ends here", bomBe));
        long total = ByteBuffer.wrap(lenBytes).order(order).getInt() & 0xFFFFFFFFL;
        if (total < 28 || total > MAX_BLOCK || total % 4 != 0) {
            throw new Truncated("section header: bogus block length " + total + "; capture ends here");
        }
        readExactly((int) total - 12, "section header");
        ifaces.clear();
    }

    private Packet nextPcapng() throws IOException {
        while (true) {
            byte[] head = in.readNBytes(8);
            if (head.length == 0) return end();
            long n = number + 1;
            String where = "packet " + n;
            if (head.length < 8) throw new Truncated(where + ": truncated block header; capture ends here");
            int typeBe = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN).getInt();
            if (typeBe == SHB) {
                // a new section, possibly of the other byte order: re-read its length in that order
                byte[] bom = readExactly(4, where);
                int bomBe = ByteBuffer.wrap(bom).order(ByteOrder.BIG_ENDIAN).getInt();
                if (bomBe == 0x1A2B3C4D) order = ByteOrder.BIG_ENDIAN;
                else if (bomBe == 0x4D3C2B1A) order = ByteOrder.LITTLE_ENDIAN;
                else throw new Truncated(String.format("%s: section header with bad byte-order magic %08x; capture ends here", where, bomBe));
                long total = ByteBuffer.wrap(head, 4, 4).order(order).getInt() & 0xFFFFFFFFL;
                if (total < 28 || total > MAX_BLOCK || total % 4 != 0) throw new Truncated(where + ": bogus section header length " + total + "; capture ends here");
                readExactly((int) total - 12, where);
                ifaces.clear();
                continue;
            }
            ByteBuffer h = ByteBuffer.wrap(head).order(order);
            int type = h.getInt();
            long total = h.getInt() & 0xFFFFFFFFL;
            if (total < 12 || total % 4 != 0 || total > MAX_BLOCK) {
                throw new Truncated(where + ": bogus block length " + total + " (block type " + Integer.toUnsignedString(type) + "); capture ends here");
            }
            ByteBuffer body = ByteBuffer.wrap(readExactly((int) total - 8, where)).order(order);
            body.limit(body.capacity() - 4); // trailing copy of the length
            switch (type) {
                case IDB -> ifaces.add(iface(body, where));
                case EPB, OPB -> {
                    if (body.remaining() < 20) throw new Truncated(where + ": packet block too short; capture ends here");
                    int id = type == EPB ? body.getInt() : body.getShort() & 0xFFFF;
                    if (type == OPB) body.getShort();
                    long high = body.getInt() & 0xFFFFFFFFL;
                    long low = body.getInt() & 0xFFFFFFFFL;
                    long cap = body.getInt() & 0xFFFFFFFFL;
                    long orig = body.getInt() & 0xFFFFFFFFL;
                    Iface f = iface(id, where);
                    if (cap > body.remaining()) throw new Truncated(where + ": captured length " + cap + " is over its block's " + body.remaining() + " bytes; capture damaged, rest skipped");
                    byte[] data = new byte[(int) cap];
                    body.get(data);
                    number = n;
                    return new Packet(n, time(f, (high << 32) | low), f.linkType(), data, orig, id);
                }
                case SPB -> {
                    if (body.remaining() < 4) throw new Truncated(where + ": simple packet block too short; capture ends here");
                    long orig = body.getInt() & 0xFFFFFFFFL;
                    Iface f = iface(0, where);
                    long cap = Math.min(orig, body.remaining());
                    if (f.snapLength() > 0) cap = Math.min(cap, f.snapLength());
                    byte[] data = new byte[(int) cap];
                    body.get(data);
                    number = n;
                    return new Packet(n, null, f.linkType(), data, orig, 0);
                }
                default -> { /* other blocks (statistics, name resolution, custom...) skipped */ }
            }
        }
    }

    private Iface iface(int id, String where) {
        if (id < 0 || id >= ifaces.size()) throw new Truncated(where + ": on interface " + id + ", which the section does not declare; capture ends here");
        return ifaces.get(id);
    }

    private Iface iface(ByteBuffer b, String where) {
        if (b.remaining() < 8) throw new Truncated(where + ": interface description too short; capture ends here");
        int link = b.getShort() & 0xFFFF;
        b.getShort();
        long snap = b.getInt() & 0xFFFFFFFFL;
        boolean decimal = true;
        int exponent = 6;
        long offset = 0;
        while (b.remaining() >= 4) {
            int code = b.getShort() & 0xFFFF;
            int len = b.getShort() & 0xFFFF;
            if (code == 0 || len > b.remaining()) break;
            int start = b.position();
            if (code == 9 && len >= 1) {
                int v = b.get(start) & 0xFF;
                decimal = (v & 0x80) == 0;
                exponent = v & 0x7F;
            } else if (code == 14 && len >= 8) {
                offset = b.getLong(start);
            }
            b.position(Math.min(b.limit(), start + ((len + 3) & ~3)));
        }
        if (decimal ? exponent > 18 : exponent > 63) {
            problems.accept(where + ": interface " + ifaces.size() + " has an unusable timestamp resolution; microseconds assumed");
            decimal = true;
            exponent = 6;
        }
        return new Iface(link, snap, decimal, exponent, offset);
    }

    /** Units since the epoch at the interface's resolution, as an instant. */
    static Instant time(Iface f, long units) {
        BigInteger u = new BigInteger(Long.toUnsignedString(units));
        BigInteger per = f.decimal() ? BigInteger.TEN.pow(f.exponent()) : BigInteger.ONE.shiftLeft(f.exponent());
        BigInteger[] qr = u.divideAndRemainder(per);
        long nanosPart = qr[1].multiply(BigInteger.valueOf(1_000_000_000L)).divide(per).longValue();
        return Instant.ofEpochSecond(qr[0].longValue() + f.offsetSeconds(), nanosPart);
    }

    private ByteBuffer fill(int n, String where) throws IOException {
        return ByteBuffer.wrap(readExactly(n, where)).order(order);
    }

    private byte[] readExactly(int n, String where) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new Truncated(where + ": truncated (" + b.length + " of " + n + " bytes); capture ends here");
        return b;
    }

    @Override public void close() throws IOException { in.close(); }

    /** Damage that ends the reading; its message is the problem. */
    private static final class Truncated extends RuntimeException {
        Truncated(String message) { super(message); }
    }
}
