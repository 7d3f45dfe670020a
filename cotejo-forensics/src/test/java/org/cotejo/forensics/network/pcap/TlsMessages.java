package org.cotejo.forensics.network.pcap;

import static org.cotejo.forensics.network.pcap.Frames.concat;

import java.io.ByteArrayOutputStream;

/** TLS server messages byte by byte (RFC 5246, RFC 8446): ServerHello, Certificate, ServerHelloDone, records. */
final class TlsMessages {
    private TlsMessages() {}

    static byte[] u16(int v) { return new byte[] {(byte) (v >> 8), (byte) v}; }

    static byte[] u24(int v) { return new byte[] {(byte) (v >> 16), (byte) (v >> 8), (byte) v}; }

    static byte[] handshake(int type, byte[] body) { return concat(new byte[] {(byte) type}, u24(body.length), body); }

    /** One TLS record of {@code type} (22 handshake, 20 ChangeCipherSpec, 23 application data). */
    static byte[] record(int type, byte[] payload) { return concat(new byte[] {(byte) type, 3, 3}, u16(payload.length), payload); }

    static byte[] serverHello(int version, int cipher, byte[] extensions) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(u16(version));
        b.writeBytes(new byte[32]);
        b.write(0);
        b.writeBytes(u16(cipher));
        b.write(0);
        b.writeBytes(u16(extensions.length));
        b.writeBytes(extensions);
        return handshake(2, b.toByteArray());
    }

    static byte[] certificate(byte[]... ders) {
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        for (byte[] d : ders) list.writeBytes(concat(u24(d.length), d));
        return handshake(11, concat(u24(list.size()), list.toByteArray()));
    }

    static byte[] serverHelloDone() { return handshake(14, new byte[0]); }
}
