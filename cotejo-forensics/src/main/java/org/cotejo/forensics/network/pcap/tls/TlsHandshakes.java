package org.cotejo.forensics.network.pcap.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The handshake messages at the start of one direction of a TLS connection, read from its reassembled
 * bytes: TLS records are walked from the first, the payloads of handshake records are joined (a
 * message may span records, and records span TCP segments) and cut into messages. Reading ends at the
 * first record that is not a handshake (ChangeCipherSpec, alert, application data): what follows is
 * encrypted.
 *
 * @param messages the complete messages so far, in order
 * @param ended    whether a non-handshake record was reached (no more clear handshake will come)
 * @param error    why the bytes are not (or no longer) TLS, or null
 */
public record TlsHandshakes(List<Message> messages, boolean ended, String error) {
    /** TLS allows 2^14 bytes of plaintext per record, plus expansion; more is not TLS. */
    private static final int MAX_RECORD = (1 << 14) + 2048;
    /** Handshake message types. */
    public static final int CLIENT_HELLO = 1, SERVER_HELLO = 2, CERTIFICATE = 11, SERVER_HELLO_DONE = 14;

    /** One handshake message: its type and body {@code data[from, to)}. */
    public record Message(int type, byte[] data, int from, int to) {}

    /** Whether bytes starting like this are a TLS handshake record (type 22, version 3.x). */
    public static boolean looksLikeTls(byte[] b, int len) {
        return len >= 3 && b[0] == 0x16 && b[1] == 3 && (b[2] & 0xFF) <= 4;
    }

    public static TlsHandshakes read(byte[] b, int len) {
        ByteArrayOutputStream hs = new ByteArrayOutputStream();
        int p = 0;
        boolean ended = false;
        String error = null;
        while (p + 5 <= len) {
            int type = b[p] & 0xFF;
            int rlen = (b[p + 3] & 0xFF) << 8 | (b[p + 4] & 0xFF);
            if (b[p + 1] != 3 || type < 20 || type > 24) {
                error = "bytes at stream offset " + p + " are not a TLS record";
                break;
            }
            if (rlen > MAX_RECORD) {
                error = "TLS record at stream offset " + p + " claims " + rlen + " bytes, over TLS's limit";
                break;
            }
            if (type != 22) {
                ended = true;
                break;
            }
            if (p + 5 + rlen > len) break; // continues in data not yet seen
            hs.write(b, p + 5, rlen);
            p += 5 + rlen;
        }
        byte[] h = hs.toByteArray();
        List<Message> messages = new ArrayList<>();
        int q = 0;
        while (q + 4 <= h.length) {
            int mlen = (h[q + 1] & 0xFF) << 16 | (h[q + 2] & 0xFF) << 8 | (h[q + 3] & 0xFF);
            if (q + 4 + mlen > h.length) break;
            messages.add(new Message(h[q] & 0xFF, h, q + 4, q + 4 + mlen));
            q += 4 + mlen;
        }
        return new TlsHandshakes(messages, ended, error);
    }
}
