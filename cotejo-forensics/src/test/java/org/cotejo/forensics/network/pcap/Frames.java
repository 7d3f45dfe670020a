package org.cotejo.forensics.network.pcap;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/** Builds frames byte by byte as they appear on the wire: link headers, IPv4/IPv6, UDP, TCP, DNS messages. */
final class Frames {
    private Frames() {}

    static final byte[] MAC_A = {0x02, 0, 0, 0, 0, 0x0A};
    static final byte[] MAC_B = {0x02, 0, 0, 0, 0, 0x0B};

    static byte[] ethernet(int etherType, byte[] payload, int... vlans) {
        ByteBuffer b = ByteBuffer.allocate(14 + 4 * vlans.length + payload.length);
        b.put(MAC_B).put(MAC_A);
        for (int vlan : vlans) b.putShort((short) 0x8100).putShort((short) vlan);
        b.putShort((short) etherType).put(payload);
        return b.array();
    }

    /** Linux cooked capture v1: packet type, ARPHRD, address length, address (8), protocol. */
    static byte[] sll(int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(16 + payload.length);
        b.putShort((short) 4).putShort((short) 1).putShort((short) 6).put(MAC_A).putShort((short) 0).putShort((short) protocol).put(payload);
        return b.array();
    }

    /** Linux cooked capture v2: protocol, reserved, interface index, ARPHRD, packet type, address length, address (8). */
    static byte[] sll2(int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.putShort((short) protocol).putShort((short) 0).putInt(3).putShort((short) 1).put((byte) 4).put((byte) 6).put(MAC_A).putShort((short) 0).put(payload);
        return b.array();
    }

    static byte[] ipv4(String src, String dst, int protocol, byte[] payload) {
        return ipv4(src, dst, protocol, payload, 0);
    }

    /** IPv4 with flags/fragment-offset word {@code fragWord} (0x2000 more fragments, low 13 bits offset in 8-byte units). */
    static byte[] ipv4(String src, String dst, int protocol, byte[] payload, int fragWord) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putShort((short) 0x1234).putShort((short) fragWord)
                .put((byte) 64).put((byte) protocol).putShort((short) 0).put(addr(src)).put(addr(dst)).put(payload);
        return b.array();
    }

    static byte[] ipv6(String src, String dst, int next, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(0x60000000).putShort((short) payload.length).put((byte) next).put((byte) 64).put(addr(src)).put(addr(dst)).put(payload);
        return b.array();
    }

    /** An IPv6 fragment extension header before {@code payload}. */
    static byte[] ipv6Fragment(int next, int offsetUnits, boolean more, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.put((byte) next).put((byte) 0).putShort((short) (offsetUnits << 3 | (more ? 1 : 0))).putInt(0x55).put(payload);
        return b.array();
    }

    static byte[] udp(int sport, int dport, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload.length)).putShort((short) 0).put(payload);
        return b.array();
    }

    static byte[] tcp(int sport, int dport, long seq, int flags, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.putShort((short) sport).putShort((short) dport).putInt((int) seq).putInt(0).put((byte) 0x50).put((byte) flags)
                .putShort((short) 65535).putShort((short) 0).putShort((short) 0).put(payload);
        return b.array();
    }

    static byte[] addr(String ip) {
        try {
            return InetAddress.getByName(ip).getAddress(); // literals only: no look-up
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** Writes DNS messages; names are written in full unless a pointer is asked for. */
    static final class Dns {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Dns(int id, int flags, int qd, int an) {
            u16(id).u16(flags).u16(qd).u16(an).u16(0).u16(0);
        }

        static Dns query(int id) { return new Dns(id, 0x0100, 1, 0); }

        static Dns response(int id, int answers) { return new Dns(id, 0x8180, 1, answers); }

        int offset() { return out.size(); }

        Dns name(String name) {
            for (String label : name.split("\\.")) {
                out.write(label.length());
                out.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            out.write(0);
            return this;
        }

        /** Labels then a compression pointer to {@code target}. */
        Dns nameThenPointer(String labels, int target) {
            if (!labels.isEmpty()) {
                for (String label : labels.split("\\.")) {
                    out.write(label.length());
                    out.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
            return pointer(target);
        }

        Dns pointer(int target) { return u16(0xC000 | target); }

        Dns question(String name, int type) { return name(name).u16(type).u16(1); }

        /** An answer's fixed part after its name, with rdata. */
        Dns rr(int type, long ttl, byte[] rdata) {
            u16(type).u16(1).u16((int) (ttl >>> 16)).u16((int) ttl).u16(rdata.length);
            out.writeBytes(rdata);
            return this;
        }

        Dns raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Dns u16(int v) {
            out.write(v >> 8);
            out.write(v);
            return this;
        }

        byte[] bytes() { return out.toByteArray(); }
    }

    /**
     * Writes DHCPv6 messages (RFC 8415) and their options as bytes: a message is its type, the 3-byte
     * transaction id and options; each option is code, length (of what follows) and data, options nested
     * in IA_NA, IA_TA and IA Address included in their parent's data.
     */
    static final class Dhcp6 {
        private Dhcp6() {}

        static byte[] message(int type, int xid, byte[]... options) {
            return concat(new byte[] {(byte) type, (byte) (xid >> 16), (byte) (xid >> 8), (byte) xid}, concat(options));
        }

        static byte[] option(int code, byte[] data) {
            return concat(new byte[] {(byte) (code >> 8), (byte) code, (byte) (data.length >> 8), (byte) data.length}, data);
        }

        static byte[] clientId(byte[] duid) { return option(1, duid); }

        static byte[] serverId(byte[] duid) { return option(2, duid); }

        /** DUID-LLT (type 1): hardware type 1 (Ethernet), time, link-layer address. */
        static byte[] duidLlt(int time, byte[] mac) {
            return ByteBuffer.allocate(8 + mac.length).putShort((short) 1).putShort((short) 1).putInt(time).put(mac).array();
        }

        /** DUID-EN (type 2): enterprise number, identifier. */
        static byte[] duidEn(int enterprise, byte[] id) {
            return ByteBuffer.allocate(6 + id.length).putShort((short) 2).putInt(enterprise).put(id).array();
        }

        static byte[] iaNa(int iaid, int t1, int t2, byte[]... options) {
            return option(3, concat(ByteBuffer.allocate(12).putInt(iaid).putInt(t1).putInt(t2).array(), concat(options)));
        }

        static byte[] iaTa(int iaid, byte[]... options) {
            return option(4, concat(ByteBuffer.allocate(4).putInt(iaid).array(), concat(options)));
        }

        static byte[] iaAddress(String address, int preferred, int valid, byte[]... options) {
            return option(5, concat(ByteBuffer.allocate(24).put(addr(address)).putInt(preferred).putInt(valid).array(), concat(options)));
        }

        static byte[] status(int code, String message) {
            return option(13, concat(new byte[] {(byte) (code >> 8), (byte) code}, message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }

        static byte[] rapidCommit() { return option(14, new byte[0]); }

        /** Client FQDN (RFC 4704): flags, then the name in DNS wire format, with the root label when {@code full}. */
        static byte[] fqdn(String name, boolean full) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            o.write(0x01); // S: the server should update the AAAA record
            for (String label : name.split("\\.")) {
                o.write(label.length());
                o.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            if (full) o.write(0);
            return option(39, o.toByteArray());
        }
    }
}
