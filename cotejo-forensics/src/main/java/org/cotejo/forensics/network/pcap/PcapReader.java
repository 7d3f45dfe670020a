package org.cotejo.forensics.network.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams the packets of a capture, classic pcap or pcapng, one at a time from an {@link InputStream}:
 * nothing but the current packet (and a read buffer) is held.
 *
 * <p>Classic pcap: either byte order, microsecond ({@code a1b2c3d4}) or nanosecond ({@code a1b23c4d})
 * timestamps, one link type for the file. pcapng: sections (SHB, either byte order, each with its own
 * interfaces), interface descriptions (IDB: link type, snap length, {@code if_tsresol},
 * {@code if_tsoffset}), enhanced and simple packet blocks (EPB, SPB; a simple packet has no time) and
 * the obsolete packet block; other blocks are skipped by their length.
 *
 * <p>Damage is reported to the problem sink, naming the packet number (1-based, over the whole file),
 * and reading stops cleanly: a truncated record or block, a captured length over {@value #MAX_PACKET}
 * bytes, a block over {@value #MAX_BLOCK} bytes, a packet on an undeclared interface. Lengths are
 * checked before the buffer grows, so a lying header cannot exhaust memory.
 *
 * <p>Two ways to read: {@link #next(Frame)} fills a reusable frame whose bytes are a view of the read
 * buffer (the hot path: no allocation per packet), {@link #next()} returns a self-contained copy.
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

    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int OPB = 2;
    private static final int SPB = 3;
    private static final int EPB = 6;

    private final InputStream in;
    private final Consumer<String> problems;
    private final Format format;
    private boolean bigEndian;
    private boolean nanos;
    private int linkType;
    private final List<PcapngInterface> ifaces = new ArrayList<>();
    private long number;
    private boolean done;
    private final Frame scratch = new Frame();

    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private boolean eof;

    /**
     * Reads the capture's header.
     *
     * @throws IOException when the stream is not a pcap or pcapng capture (or is too short to be one)
     */
    public PcapReader(InputStream in, Consumer<String> problems) throws IOException {
        this.in = in;
        this.problems = problems;
        int have = ensure(4);
        if (have < 4) throw new IOException("not a packet capture: " + have + " byte(s)");
        int be = u32be(pos);
        int le = Integer.reverseBytes(be);
        try {
            format = header(be, le);
        } catch (Truncated t) {
            throw new IOException(t.getMessage());
        }
    }

    private Format header(int be, int le) throws IOException {
        if (be == SHB) {
            pos += 4;
            readSectionHeader();
            return Format.PCAPNG;
        }
        if (be == 0xA1B2C3D4 || be == 0xA1B23C4D || le == 0xA1B2C3D4 || le == 0xA1B23C4D) {
            bigEndian = be == 0xA1B2C3D4 || be == 0xA1B23C4D;
            nanos = be == 0xA1B23C4D || le == 0xA1B23C4D;
            if (ensure(24) < 24) throw new Truncated("file header: truncated (" + (limit - pos - 4) + " of 20 bytes); capture ends here");
            linkType = i32(pos + 20) & 0xFFFF; // upper bits carry FCS information
            pos += 24;
            return Format.PCAP;
        }
        throw new IOException(String.format("not a packet capture: magic %08x", be));
    }

    /** Whether the stream starts like a pcap or pcapng capture. */
    public static boolean isCapture(byte[] head) {
        if (head.length < 4) return false;
        int be = (head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | (head[3] & 0xFF);
        int le = Integer.reverseBytes(be);
        return be == SHB || be == 0xA1B2C3D4 || be == 0xA1B23C4D || le == 0xA1B2C3D4 || le == 0xA1B23C4D;
    }

    public Format format() { return format; }

    /** The number of packets read so far. */
    public long count() { return number; }

    /** The next packet as a self-contained copy, or null at the end of the capture (or after damage, reported). */
    public Packet next() throws IOException {
        return next(scratch) ? scratch.copy() : null;
    }

    /**
     * Fills {@code f} with the next packet, its bytes a view of the read buffer valid until the next
     * call; false at the end of the capture (or after damage, reported).
     */
    public boolean next(Frame f) throws IOException {
        if (done) return false;
        try {
            return format == Format.PCAP ? nextPcap(f) : nextPcapng(f);
        } catch (Truncated t) {
            done = true;
            problems.accept(t.getMessage());
            return false;
        }
    }

    private boolean nextPcap(Frame f) throws IOException {
        int have = ensure(16);
        if (have == 0) return end();
        long n = number + 1;
        if (have < 16) throw new Truncated("packet " + n + ": truncated record header (" + have + " of 16 bytes); capture ends here");
        long sec = i32(pos) & 0xFFFFFFFFL;
        long frac = i32(pos + 4) & 0xFFFFFFFFL;
        long incl = i32(pos + 8) & 0xFFFFFFFFL;
        long orig = i32(pos + 12) & 0xFFFFFFFFL;
        if (incl > MAX_PACKET) {
            throw new Truncated("packet " + n + ": captured length " + incl + " is over " + MAX_PACKET + " bytes; capture damaged, rest skipped");
        }
        have = ensure(16 + (int) incl);
        if (have < 16 + incl) throw new Truncated("packet " + n + ": truncated (" + (have - 16) + " of " + incl + " captured bytes); capture ends here");
        number = n;
        f.number = n;
        f.timed = true;
        f.seconds = sec;
        f.nanos = (int) (nanos ? Math.min(frac, 999_999_999L) : Math.min(frac, 999_999L) * 1000);
        f.linkType = linkType;
        f.data = buf;
        f.offset = pos + 16;
        f.length = (int) incl;
        f.originalLength = orig;
        f.iface = 0;
        pos += 16 + (int) incl;
        return true;
    }

    private boolean end() {
        done = true;
        return false;
    }

    /** After the block type: total length, byte-order magic, version, section length, options. */
    private void readSectionHeader() throws IOException {
        if (ensure(8) < 8) throw new Truncated("section header: truncated (" + (limit - pos) + " of 8 bytes); capture ends here");
        int bomBe = u32be(pos + 4);
        if (bomBe == 0x1A2B3C4D) bigEndian = true;
        else if (bomBe == 0x4D3C2B1A) bigEndian = false;
        else throw new Truncated(String.format("section header: bad byte-order magic %08x; capture ends here", bomBe));
        long total = i32(pos) & 0xFFFFFFFFL;
        if (total < 28 || total > MAX_BLOCK || total % 4 != 0) {
            throw new Truncated("section header: bogus block length " + total + "; capture ends here");
        }
        int rest = (int) total - 4;
        if (ensure(rest) < rest) throw new Truncated("section header: truncated (" + (limit - pos) + " of " + rest + " bytes); capture ends here");
        pos += rest;
        ifaces.clear();
    }

    private boolean nextPcapng(Frame f) throws IOException {
        while (true) {
            int have = ensure(8);
            if (have == 0) return end();
            long n = number + 1;
            String where = "packet " + n;
            if (have < 8) throw new Truncated(where + ": truncated block header; capture ends here");
            if (u32be(pos) == SHB) {
                // a new section, possibly of the other byte order: its length is read in that order
                pos += 4;
                if (ensure(8) < 8) throw new Truncated(where + ": truncated (" + (limit - pos) + " of 8 bytes); capture ends here");
                int bomBe = u32be(pos + 4);
                if (bomBe != 0x1A2B3C4D && bomBe != 0x4D3C2B1A) {
                    throw new Truncated(String.format("%s: section header with bad byte-order magic %08x; capture ends here", where, bomBe));
                }
                bigEndian = bomBe == 0x1A2B3C4D;
                long total = i32(pos) & 0xFFFFFFFFL;
                if (total < 28 || total > MAX_BLOCK || total % 4 != 0) throw new Truncated(where + ": bogus section header length " + total + "; capture ends here");
                int rest = (int) total - 4;
                if (ensure(rest) < rest) throw new Truncated(where + ": truncated (" + (limit - pos) + " of " + rest + " bytes); capture ends here");
                pos += rest;
                ifaces.clear();
                continue;
            }
            int type = i32(pos);
            long total = i32(pos + 4) & 0xFFFFFFFFL;
            if (total < 12 || total % 4 != 0 || total > MAX_BLOCK) {
                throw new Truncated(where + ": bogus block length " + total + " (block type " + Integer.toUnsignedString(type) + "); capture ends here");
            }
            have = ensure((int) total);
            if (have < total) throw new Truncated(where + ": truncated (" + (have - 8) + " of " + (total - 8) + " bytes); capture ends here");
            int body = pos + 8;
            int bodyEnd = pos + (int) total - 4; // the trailing copy of the length
            pos += (int) total;
            switch (type) {
                case IDB -> ifaces.add(iface(body, bodyEnd, where));
                case EPB, OPB -> {
                    if (bodyEnd - body < 20) throw new Truncated(where + ": packet block too short; capture ends here");
                    int id = type == EPB ? i32(body) : u16(body);
                    long high = i32(body + 4) & 0xFFFFFFFFL;
                    long low = i32(body + 8) & 0xFFFFFFFFL;
                    long cap = i32(body + 12) & 0xFFFFFFFFL;
                    long orig = i32(body + 16) & 0xFFFFFFFFL;
                    PcapngInterface i = iface(id, where);
                    int data = body + 20;
                    if (cap > bodyEnd - data) throw new Truncated(where + ": captured length " + cap + " is over its block's " + (bodyEnd - data) + " bytes; capture damaged, rest skipped");
                    number = n;
                    fill(f, n, i, (high << 32) | low, true, data, (int) cap, orig, id);
                    return true;
                }
                case SPB -> {
                    if (bodyEnd - body < 4) throw new Truncated(where + ": simple packet block too short; capture ends here");
                    long orig = i32(body) & 0xFFFFFFFFL;
                    PcapngInterface i = iface(0, where);
                    long cap = Math.min(orig, bodyEnd - body - 4);
                    if (i.snapLength() > 0) cap = Math.min(cap, i.snapLength());
                    number = n;
                    fill(f, n, i, 0, false, body + 4, (int) cap, orig, 0);
                    return true;
                }
                default -> { /* other blocks (statistics, name resolution, custom...) skipped */ }
            }
        }
    }

    private void fill(Frame f, long n, PcapngInterface i, long units, boolean timed, int data, int cap, long orig, int id) {
        f.number = n;
        f.timed = timed;
        if (timed) i.setTime(f, units);
        f.linkType = i.linkType();
        f.data = buf;
        f.offset = data;
        f.length = cap;
        f.originalLength = orig;
        f.iface = id;
    }

    private PcapngInterface iface(int id, String where) {
        if (id < 0 || id >= ifaces.size()) throw new Truncated(where + ": on interface " + id + ", which the section does not declare; capture ends here");
        return ifaces.get(id);
    }

    private PcapngInterface iface(int p, int end, String where) {
        PcapngInterface i = PcapngInterface.read(buf, p, end, bigEndian, problems, where, ifaces.size());
        if (i == null) throw new Truncated(where + ": interface description too short; capture ends here");
        return i;
    }

    /** Makes {@code n} bytes available from {@code pos} if the stream has them; returns how many are. */
    private int ensure(int n) throws IOException {
        if (limit - pos >= n || eof) return Math.min(n, limit - pos);
        buf = Buffers.compact(buf, pos, limit, n);
        limit -= pos;
        pos = 0;
        while (limit < n) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
                break;
            }
            limit += r;
        }
        return Math.min(n, limit - pos);
    }

    private int u32be(int p) {
        return (buf[p] & 0xFF) << 24 | (buf[p + 1] & 0xFF) << 16 | (buf[p + 2] & 0xFF) << 8 | (buf[p + 3] & 0xFF);
    }

    private int i32(int p) {
        int v = u32be(p);
        return bigEndian ? v : Integer.reverseBytes(v);
    }

    private int u16(int p) {
        int v = (buf[p] & 0xFF) << 8 | (buf[p + 1] & 0xFF);
        return bigEndian ? v : ((v & 0xFF) << 8) | (v >> 8);
    }

    @Override public void close() throws IOException { in.close(); }

    /** Damage that ends the reading; its message is the problem. */
    private static final class Truncated extends RuntimeException {
        Truncated(String message) { super(message, null, false, false); }
    }
}
