package org.cotejo.forensics.network.pcap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A DNS message (RFC 1035) as carried over UDP: header, questions and the answer section's A, AAAA and
 * CNAME records (other record types are kept with their type and no value). Names may be compressed;
 * a compression pointer must point strictly backwards, at most {@value #MAX_JUMPS} are followed and a
 * name is at most 255 bytes, so a looping or runaway name is an error, never a hang.
 */
public record DnsMessage(int id, boolean response, int opcode, int rcode, List<Question> questions, List<Answer> answers) {
    private static final int MAX_JUMPS = 32;
    private static final int MAX_RECORDS = 512;

    public record Question(String name, int type) {}

    /** One answer; {@code value} is the address or CNAME target for A, AAAA and CNAME, else null. */
    public record Answer(String name, int type, long ttl, String value) {}

    public static final int A = 1;
    public static final int CNAME = 5;
    public static final int AAAA = 28;

    /** Why a message could not be read. */
    public static final class Malformed extends Exception {
        Malformed(String message) { super(message); }
    }

    /** The first question's name, or null. */
    public String queryName() { return questions.isEmpty() ? null : questions.get(0).name(); }

    /** Parses {@code d[from, to)} as a DNS message. */
    public static DnsMessage parse(byte[] d, int from, int to) throws Malformed {
        Cursor c = new Cursor(d, from, to);
        int id = c.u16();
        int flags = c.u16();
        int qd = c.u16(), an = c.u16();
        c.u16(); c.u16(); // authority, additional: not read
        if (qd > MAX_RECORDS || an > MAX_RECORDS) throw new Malformed("implausible record counts (" + qd + " questions, " + an + " answers)");
        List<Question> questions = new ArrayList<>(qd);
        for (int i = 0; i < qd; i++) {
            String name = c.name();
            int type = c.u16();
            c.u16();
            questions.add(new Question(name, type));
        }
        List<Answer> answers = new ArrayList<>(an);
        for (int i = 0; i < an; i++) {
            String name = c.name();
            int type = c.u16();
            c.u16();
            long ttl = c.u32();
            int len = c.u16();
            int start = c.pos;
            if (start + len > to) throw new Malformed("answer " + (i + 1) + " runs past the message's end");
            String value = null;
            if (type == A && len == 4) value = IpPacket.address(d, start, 4);
            else if (type == AAAA && len == 16) value = IpPacket.address(d, start, 16);
            else if (type == CNAME) value = new Cursor(d, from, start + len).at(start).name();
            answers.add(new Answer(name, type, ttl, value));
            c.pos = start + len;
        }
        return new DnsMessage(id, (flags & 0x8000) != 0, (flags >> 11) & 0xF, flags & 0xF, List.copyOf(questions), List.copyOf(answers));
    }

    private static final class Cursor {
        final byte[] d;
        final int from, to;
        int pos;

        Cursor(byte[] d, int from, int to) {
            this.d = d;
            this.from = from;
            this.to = to;
            this.pos = from;
        }

        Cursor at(int p) {
            pos = p;
            return this;
        }

        int u8() throws Malformed {
            if (pos >= to) throw new Malformed("message ends early, at byte " + (pos - from));
            return d[pos++] & 0xFF;
        }

        int u16() throws Malformed { return u8() << 8 | u8(); }

        long u32() throws Malformed { return ((long) u16() << 16) | u16(); }

        /** A possibly compressed name; leaves the cursor after the name's in-place part. */
        String name() throws Malformed {
            StringBuilder sb = new StringBuilder();
            int p = pos, jumps = 0, length = 0, resume = -1;
            while (true) {
                if (p >= to) throw new Malformed("name runs past the message's end");
                int len = d[p] & 0xFF;
                if ((len & 0xC0) == 0xC0) {
                    if (p + 1 >= to) throw new Malformed("name pointer cut short");
                    int target = from + (((len & 0x3F) << 8) | (d[p + 1] & 0xFF));
                    if (target >= p) throw new Malformed("name pointer at byte " + (p - from) + " does not point backwards (loop)");
                    if (++jumps > MAX_JUMPS) throw new Malformed("name with over " + MAX_JUMPS + " compression pointers");
                    if (resume < 0) resume = p + 2;
                    p = target;
                    continue;
                }
                if ((len & 0xC0) != 0) throw new Malformed("unsupported label type at byte " + (p - from));
                if (len == 0) {
                    pos = resume >= 0 ? resume : p + 1;
                    break;
                }
                if (p + 1 + len > to) throw new Malformed("label runs past the message's end");
                length += len + 1;
                if (length > 255) throw new Malformed("name over 255 bytes");
                if (sb.length() > 0) sb.append('.');
                for (int i = p + 1; i <= p + len; i++) {
                    int ch = d[i] & 0xFF;
                    if (ch > 0x20 && ch < 0x7F && ch != '.' && ch != '\\') sb.append((char) ch);
                    else sb.append(String.format("\\%03d", ch));
                }
                p += 1 + len;
            }
            return sb.length() == 0 ? "." : sb.toString().toLowerCase(Locale.ROOT);
        }
    }
}
