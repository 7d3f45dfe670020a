package org.cotejo.forensics.network.pcap;

import java.math.BigInteger;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A pcapng interface description (IDB): link type, snap length and how its packets' times are
 * counted ({@code if_tsresol}: a power of ten or of two per second; {@code if_tsoffset}: seconds added).
 *
 * @param perSecond units per second when the resolution is decimal and at most nanoseconds (the hot
 *                  path divides by it), else 0 (exact arithmetic instead)
 */
record PcapngInterface(int linkType, long snapLength, boolean decimal, int exponent, long offsetSeconds, long perSecond) {

    /**
     * Reads an IDB body {@code b[p, end)}; null when it is too short to be one. An unusable time
     * resolution is reported and microseconds assumed.
     */
    static PcapngInterface read(byte[] b, int p, int end, boolean bigEndian, Consumer<String> problems, String where, int index) {
        if (end - p < 8) return null;
        int link = u16(b, p, bigEndian);
        long snap = i32(b, p + 4, bigEndian) & 0xFFFFFFFFL;
        boolean decimal = true;
        int exponent = 6;
        long offset = 0;
        p += 8;
        while (end - p >= 4) {
            int code = u16(b, p, bigEndian);
            int len = u16(b, p + 2, bigEndian);
            p += 4;
            if (code == 0 || len > end - p) break;
            if (code == 9 && len >= 1) {
                int v = b[p] & 0xFF;
                decimal = (v & 0x80) == 0;
                exponent = v & 0x7F;
            } else if (code == 14 && len >= 8) {
                long hi = i32(b, bigEndian ? p : p + 4, bigEndian), lo = i32(b, bigEndian ? p + 4 : p, bigEndian) & 0xFFFFFFFFL;
                offset = hi << 32 | lo;
            }
            p = Math.min(end, p + ((len + 3) & ~3));
        }
        if (decimal ? exponent > 18 : exponent > 63) {
            problems.accept(where + ": interface " + index + " has an unusable timestamp resolution; microseconds assumed");
            decimal = true;
            exponent = 6;
        }
        long perSecond = decimal && exponent <= 9 ? (long) Math.pow(10, exponent) : 0;
        return new PcapngInterface(link, snap, decimal, exponent, offset, perSecond);
    }

    /** Sets the frame's time from a packet's time stamp in this interface's units. */
    void setTime(Frame f, long units) {
        if (perSecond > 0 && units >= 0) {
            f.seconds = units / perSecond + offsetSeconds;
            f.nanos = (int) ((units % perSecond) * (1_000_000_000L / perSecond));
        } else {
            Instant t = time(units);
            f.seconds = t.getEpochSecond();
            f.nanos = t.getNano();
        }
    }

    /** Units since the epoch (unsigned) at this resolution, as an instant. */
    Instant time(long units) {
        BigInteger u = new BigInteger(Long.toUnsignedString(units));
        BigInteger per = decimal ? BigInteger.TEN.pow(exponent) : BigInteger.ONE.shiftLeft(exponent);
        BigInteger[] qr = u.divideAndRemainder(per);
        long nanosPart = qr[1].multiply(BigInteger.valueOf(1_000_000_000L)).divide(per).longValue();
        return Instant.ofEpochSecond(qr[0].longValue() + offsetSeconds, nanosPart);
    }

    private static int i32(byte[] b, int p, boolean bigEndian) {
        int v = (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
        return bigEndian ? v : Integer.reverseBytes(v);
    }

    private static int u16(byte[] b, int p, boolean bigEndian) {
        int v = (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
        return bigEndian ? v : ((v & 0xFF) << 8) | (v >> 8);
    }
}
