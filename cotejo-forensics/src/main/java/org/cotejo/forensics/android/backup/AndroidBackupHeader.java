package org.cotejo.forensics.android.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.cotejo.core.CotejoException;

/**
 * The text header of an Android backup ({@code adb backup}): four {@code \n}-terminated ASCII lines
 * (magic, format version, compression flag, encryption) and, for an encrypted backup, five more (the
 * key-derivation parameters and the wrapped master key). The payload starts at {@link #payloadOffset()}.
 *
 * @param version       format version, 1 to 5 (Android 4.0 wrote 1; later versions changed the
 *                      checksum's key encoding and the data inside the tar, not this header)
 * @param compressed    the payload is a zlib stream (line 3 is "1")
 * @param encryption    the encryption parameters, or null when line 4 is "none"
 * @param payloadOffset where the payload starts in the file (the header's length in bytes)
 */
public record AndroidBackupHeader(int version, boolean compressed, Encryption encryption, long payloadOffset) {
    public static final String MAGIC = "ANDROID BACKUP";
    public static final int MIN_VERSION = 1;
    public static final int MAX_VERSION = 5;
    /** What line 4 says of an encrypted backup; the only algorithm Android ever wrote. */
    public static final String AES_256 = "AES-256";
    /** Header lines are short (the longest, the master-key blob, is under 200 hex digits): longer is damage. */
    private static final int MAX_LINE = 1024;
    /** Real backups use 10,000 rounds; far more would only make a forged header hang the reader. */
    static final int MAX_ROUNDS = 10_000_000;

    /**
     * The lines of an encrypted backup's header after "AES-256".
     *
     * @param userSalt      salt of the PBKDF2 derivation of the user key from the password
     * @param checksumSalt  salt of the PBKDF2 derivation of the master key's checksum
     * @param rounds        PBKDF2 iterations, for both derivations
     * @param userIv        IV of the master-key blob (AES-256-CBC under the user key)
     * @param masterKeyBlob the encrypted blob: master IV, master key and checksum, each length-prefixed
     */
    public record Encryption(byte[] userSalt, byte[] checksumSalt, int rounds, byte[] userIv, byte[] masterKeyBlob) {}

    public boolean encrypted() { return encryption != null; }

    /** "version 5, compressed, AES-256 (10000 rounds)", for summaries. */
    public String describe() {
        return "version " + version + ", " + (compressed ? "compressed" : "not compressed") + ", "
                + (encryption == null ? "not encrypted" : AES_256 + " (" + encryption.rounds() + " PBKDF2 rounds)");
    }

    /**
     * Reads the header from the start of {@code in}; {@code name} names the backup in messages. Every way
     * the header can be wrong is a {@link CotejoException} saying which line and what it holds.
     */
    public static AndroidBackupHeader read(InputStream in, String name) throws IOException {
        Lines lines = new Lines(in, name);
        Lines.Line magic = lines.next();
        if (!magic.complete() && magic.bytes() == 0) throw new CotejoException(name + " is not an Android backup: it is empty");
        if (!magic.complete() && MAGIC.startsWith(magic.text())) throw new CotejoException(name + " ends inside the header (line 1 of 4)");
        if (!magic.complete() || !magic.text().equals(MAGIC)) {
            throw new CotejoException(name + " is not an Android backup: the first line is '" + CotejoException.printable(magic.text())
                    + "', expected '" + MAGIC + "'");
        }
        String versionText = lines.header(2);
        int version = parseInt(versionText);
        if (version < MIN_VERSION || version > MAX_VERSION) {
            throw new CotejoException(name + " is an Android backup of format version '" + CotejoException.printable(versionText)
                    + "' (line 2), which Cotejo does not read: it reads versions " + MIN_VERSION + " to " + MAX_VERSION);
        }
        String flag = lines.header(3);
        if (!flag.equals("0") && !flag.equals("1")) {
            throw new CotejoException(name + ": the compression flag (line 3 of the header) is '" + CotejoException.printable(flag)
                    + "', expected 0 or 1; the header is damaged");
        }
        String algorithm = lines.header(4);
        if (algorithm.equals("none")) return new AndroidBackupHeader(version, flag.equals("1"), null, lines.offset());
        if (!algorithm.equals(AES_256)) {
            throw new CotejoException(name + " is encrypted with '" + CotejoException.printable(algorithm) + "' (line 4 of the header), "
                    + "which Cotejo does not know: Android backups are encrypted with '" + AES_256 + "' or not at all ('none')");
        }
        byte[] userSalt = lines.hex(1, "user password salt");
        byte[] checksumSalt = lines.hex(2, "master-key checksum salt");
        String roundsText = lines.encryption(3);
        int rounds = parseInt(roundsText);
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new CotejoException(name + ": line 3 of the encryption header (the PBKDF2 rounds) is '" + CotejoException.printable(roundsText)
                    + "', expected a number from 1 to " + MAX_ROUNDS + "; the header is damaged");
        }
        byte[] userIv = lines.hex(4, "user key IV");
        if (userIv.length != 16) {
            throw new CotejoException(name + ": the user key IV (line 4 of the encryption header) is " + userIv.length
                    + " bytes, expected 16 (one AES block); the header is damaged");
        }
        byte[] blob = lines.hex(5, "master key blob");
        if (blob.length == 0 || blob.length % 16 != 0) {
            throw new CotejoException(name + ": the master key blob (line 5 of the encryption header) is " + blob.length
                    + " bytes, not a whole number of AES blocks; the header is damaged");
        }
        return new AndroidBackupHeader(version, flag.equals("1"), new Encryption(userSalt, checksumSalt, rounds, userIv, blob), lines.offset());
    }

    private static int parseInt(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        return Integer.parseInt(text);
    }

    /** Reads the header line by line, counting bytes so the payload's offset is known exactly. */
    private static final class Lines {
        /** One line; {@code complete} is false when the file ended (or the line ran over {@link #MAX_LINE}) first. */
        record Line(String text, boolean complete, int bytes, boolean tooLong) {}

        private final InputStream in;
        private final String name;
        private long offset;

        Lines(InputStream in, String name) {
            this.in = in;
            this.name = name;
        }

        long offset() { return offset; }

        /** The next line, without its '\n'. */
        Line next() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                offset++;
                if (c == '\n') return new Line(b.toString(StandardCharsets.ISO_8859_1), true, b.size() + 1, false);
                if (b.size() >= MAX_LINE) return new Line(b.toString(StandardCharsets.ISO_8859_1), false, b.size(), true);
                b.write(c);
            }
            return new Line(b.toString(StandardCharsets.ISO_8859_1), false, b.size(), false);
        }

        /** Line {@code n} of the four-line header. */
        String header(int n) throws IOException {
            Line l = next();
            if (!l.complete()) {
                if (l.tooLong()) throw new CotejoException(name + ": line " + n + " of the header is over " + MAX_LINE + " bytes; the header is damaged");
                throw new CotejoException(name + " ends inside the header (line " + n + " of 4)");
            }
            return l.text();
        }

        /** Line {@code n} of the five-line encryption header. */
        String encryption(int n) throws IOException {
            Line l = next();
            if (!l.complete()) {
                if (l.tooLong()) throw new CotejoException(name + ": line " + n + " of the encryption header is over " + MAX_LINE + " bytes; the header is damaged");
                throw new CotejoException(name + " ends inside the encryption header (line " + n + " of 5)");
            }
            return l.text();
        }

        byte[] hex(int n, String what) throws IOException {
            String text = encryption(n);
            try {
                if (text.length() % 2 != 0) throw new IllegalArgumentException("odd length");
                return HexFormat.of().parseHex(text);
            } catch (IllegalArgumentException e) {
                throw new CotejoException(name + ": line " + n + " of the encryption header (the " + what + ") is not hexadecimal: '"
                        + CotejoException.printable(text) + "'; the header is damaged");
            }
        }
    }
}
