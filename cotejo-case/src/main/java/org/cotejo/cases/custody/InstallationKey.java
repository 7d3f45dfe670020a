package org.cotejo.cases.custody;

import org.cotejo.core.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cotejo.core.CotejoException;

/**
 * The Ed25519 key pair of this Cotejo installation, which signs every custody ledger entry it writes.
 * The private key lives in a folder of the installation (the CLI passes {@code <data folder>/keys}),
 * never inside a case; each case records the public key, so a counter-expert verifies a case without
 * the private key. Created on first use; a key file that cannot be read is an error, never silently
 * replaced, because the cases it signed name it. The file is text: comment lines, then
 * {@code private-pkcs8: <base64>} and {@code public-x509: <base64>}, the JDK's standard encodings.
 */
public final class InstallationKey {
    static final String FILE_NAME = "installation-ed25519.key";
    private static final String PRIVATE = "private-pkcs8";
    private static final String PUBLIC = "public-x509";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private InstallationKey(Path file, PrivateKey privateKey, PublicKey publicKey) {
        this.file = file;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = Hashing.sha256(publicKey.getEncoded());
    }

    /** The key kept in {@code folder}, created there (folder 0700, file 0600) when there is none yet. */
    public static InstallationKey open(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) create(folder, file);
            return read(file);
        } catch (IOException e) {
            throw new CotejoException("cannot read or create the installation key " + file + ": " + e.getMessage()
                    + "; check that the folder exists and is writable by you", e);
        }
    }

    /** SHA-256 (hex) of the public key's X.509 encoding: how ledger entries and cases name this key. */
    public String keyId() {
        return keyId;
    }

    /** The public key's X.509 SubjectPublicKeyInfo encoding, base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** Where the key is kept. */
    public Path file() {
        return file;
    }

    /** The Ed25519 signature of {@code data} (64 bytes). */
    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
        }
    }

    /**
     * Whether {@code signature} is an Ed25519 signature of {@code data} by the key given as base64 X.509.
     * A malformed key or signature does not verify (it is not an error: verification reports it).
     */
    public static boolean verify(String publicKeyBase64, byte[] data, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void create(Path folder, Path file) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            if (posix(folder)) Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER); // not left to the umask
        }
        KeyPair pair = generate();
        String text = "# Cotejo installation key (Ed25519). It signs custody ledger entries: keep it private, back it up,\n"
                + "# never copy it into a case. Cases record the public key, so they stay verifiable without this file.\n"
                + PRIVATE + ": " + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                + PUBLIC + ": " + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n";
        // Written whole under a temporary name, then linked into place: a crash never leaves half a key, and
        // of two processes creating the key at once, one wins and the other reads the winner's key.
        Path tmp = folder.resolve(FILE_NAME + "." + UUID.randomUUID() + ".tmp");
        try {
            if (posix(folder)) Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            if (posix(folder)) Files.setPosixFilePermissions(tmp, OWNER_ONLY_FILE);
            try {
                Files.createLink(file, tmp);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(tmp, file);
            }
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // the other process's key is the installation's key
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
        }
    }

    private static InstallationKey read(Path file) throws IOException {
        if (posix(file)) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY_FILE.containsAll(mode)) {
                throw new CotejoException("the installation key " + file + " can be read by other users (mode "
                        + PosixFilePermissions.toString(mode) + "); run: chmod 600 " + file);
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1); // any bytes read; damage shows below
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon < 0) throw damaged(file, "a line is not 'name: value'", null);
            fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        if (!fields.containsKey(PRIVATE) || !fields.containsKey(PUBLIC)) {
            throw damaged(file, "it lacks the '" + PRIVATE + "' or '" + PUBLIC + "' line", null);
        }
        InstallationKey key;
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(fields.get(PRIVATE))));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(fields.get(PUBLIC))));
            key = new InstallationKey(file, privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw damaged(file, "its keys do not decode (" + e.getMessage() + ")", e);
        }
        // The two halves are checked against each other: a key that signs what its public half rejects
        // would write a ledger no one can verify.
        byte[] probe = ("cotejo key check " + key.keyId).getBytes(StandardCharsets.US_ASCII);
        if (!verify(key.publicKeyBase64(), probe, key.sign(probe))) {
            throw damaged(file, "its private and public keys are not one pair", null);
        }
        return key;
    }

    private static CotejoException damaged(Path file, String what, Throwable cause) {
        return new CotejoException("the installation key " + file + " is damaged: " + what + ". Restore it from a backup;"
                + " Cotejo does not replace it, because the cases it signed name it. To start a new key, move this file away"
                + " (cases signed with the old one stay verifiable through the public key they record)", cause);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
