package org.cotejo.report.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cotejo.cases.custody.InstallationKey;
import org.cotejo.core.CotejoException;
import org.cotejo.core.Hashing;

/**
 * Checks a received package, in this order, and stops at the first problem with one line naming it:
 * the manifest parses and is of a supported version; every listed path is a valid package path; the
 * key id is the SHA-256 of the public key the manifest carries (and the expected one, when the
 * recipient pinned it); the signature in manifest.sig verifies over manifest.json's exact bytes; every
 * listed file is present, a regular file, of the listed size and SHA-256; no other file (and no
 * symbolic link) is in the folder.
 */
public final class PackageVerifier {
    /** A manifest lists files, about 200 bytes each: 64 MiB is some 300,000 files, far beyond any package. */
    private static final long MAX_MANIFEST_BYTES = 64L << 20;

    private PackageVerifier() {}

    /**
     * A package that verified.
     *
     * @param folder         where it is
     * @param manifest       its manifest
     * @param manifestSha256 SHA-256 of manifest.json's bytes
     * @param bytes          the payload's total size
     */
    public record Verified(Path folder, Manifest manifest, String manifestSha256, long bytes) {
        /** Where a listed file is. */
        public Path file(ManifestEntry entry) {
            return folder.resolve(entry.path());
        }
    }

    /**
     * Verifies the package in {@code folder}.
     *
     * @param expectedKeyId the sender's key id as agreed out of band (a prefix of at least 16 hex digits), or null
     * @throws CotejoException naming the problem (and the file) when anything does not verify
     */
    public static Verified verify(Path folder, String expectedKeyId) {
        if (!Files.isDirectory(folder)) {
            throw new CotejoException(folder + " is not a folder; an exchange package is a folder with manifest.json and manifest.sig");
        }
        Path dir;
        try {
            dir = folder.toRealPath(); // the folder may be reached through a link (a mount point); nothing inside it may
        } catch (IOException e) {
            throw new CotejoException("cannot open " + folder + ": " + e.getMessage(), e);
        }
        byte[] bytes = read(dir.resolve(PackagePaths.MANIFEST), "the package's manifest");
        Manifest manifest = ManifestJson.read(bytes, dir.resolve(PackagePaths.MANIFEST).toString());
        Set<String> listed = new HashSet<>();
        for (ManifestEntry e : manifest.files()) {
            PackagePaths.check(e.path(), "package " + dir + " is unsafe: manifest.json lists a file whose path breaks the rules");
            if (!listed.add(e.path())) throw new CotejoException("package " + dir + ": manifest.json lists " + e.path() + " twice");
        }
        signature(dir, manifest, bytes, expectedKeyId);
        long total = 0;
        for (ManifestEntry e : manifest.files()) total += file(dir, e);
        unlisted(dir, listed);
        return new Verified(dir, manifest, Hashing.sha256(bytes), total);
    }

    private static void signature(Path dir, Manifest m, byte[] manifestBytes, String expectedKeyId) {
        byte[] publicKey;
        try {
            publicKey = Base64.getDecoder().decode(m.publicKeyBase64());
        } catch (IllegalArgumentException e) {
            throw new CotejoException("package " + dir + ": the signer's public key in manifest.json is not base64");
        }
        String actualKeyId = Hashing.sha256(publicKey);
        if (!actualKeyId.equals(m.keyId())) {
            throw new CotejoException("package " + dir + ": manifest.json names key " + m.keyId() + " but carries the public key "
                    + actualKeyId + "; the manifest was altered");
        }
        if (expectedKeyId != null) {
            String expected = expectedKeyId.strip().toLowerCase(java.util.Locale.ROOT);
            if (expected.length() < 16 || !expected.matches("[0-9a-f]+")) {
                throw new CotejoException("--expect-key takes the sender's key id (64 hex digits, or at least its first 16), not '"
                        + CotejoException.printable(expectedKeyId) + "'");
            }
            if (!actualKeyId.startsWith(expected)) {
                throw new CotejoException("package " + dir + " is signed with key " + actualKeyId + ", not the expected sender key "
                        + expected + "; do not use it before the sender confirms its key");
            }
        }
        Path sigFile = dir.resolve(PackagePaths.SIGNATURE);
        String text = new String(read(sigFile, "the package's signature"), StandardCharsets.US_ASCII).strip();
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CotejoException("package " + dir + ": " + PackagePaths.SIGNATURE + " is not a base64 signature");
        }
        if (!InstallationKey.verify(m.publicKeyBase64(), manifestBytes, sig)) {
            throw new CotejoException("package " + dir + ": the signature in " + PackagePaths.SIGNATURE + " does not verify over "
                    + PackagePaths.MANIFEST + " with key " + actualKeyId + ": the manifest or its signature was altered");
        }
    }

    private static long file(Path dir, ManifestEntry e) {
        Path p = dir.resolve(e.path());
        String name = "package " + dir + ": " + e.path();
        try {
            // Every parent is checked too: a linked folder could lead the read out of the package.
            for (Path q = p; !q.equals(dir); q = q.getParent()) {
                if (Files.isSymbolicLink(q)) throw new CotejoException(name + " is reached through a symbolic link; packages hold regular files only");
            }
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) throw new CotejoException(name + " is missing (the manifest lists it)");
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) throw new CotejoException(name + " is not a regular file");
            long size = Files.size(p);
            if (size != e.size()) {
                throw new CotejoException(name + " has " + size + " bytes, the manifest says " + e.size() + ": it was altered");
            }
            String sha = Hashing.sha256(p);
            if (!sha.equals(e.sha256())) {
                throw new CotejoException(name + " has SHA-256 " + sha + ", the manifest says " + e.sha256() + ": it was altered");
            }
            return size;
        } catch (IOException x) {
            throw new CotejoException(name + " cannot be read: " + x.getMessage(), x);
        }
    }

    private static void unlisted(Path dir, Set<String> listed) {
        List<String> extra = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = relative(dir, file);
                    boolean own = rel.equals(PackagePaths.MANIFEST) || rel.equals(PackagePaths.SIGNATURE);
                    if (attrs.isSymbolicLink()) extra.add(rel + " (a symbolic link)");
                    else if (!own && !listed.contains(rel)) extra.add(rel);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new CotejoException("package " + dir + " cannot be listed: " + e.getMessage(), e);
        }
        if (!extra.isEmpty()) {
            extra.sort(null);
            throw new CotejoException("package " + dir + " holds " + extra.get(0) + ", which manifest.json does not list"
                    + (extra.size() > 1 ? " (and " + (extra.size() - 1) + " more)" : "") + "; a package holds exactly what its manifest lists");
        }
    }

    private static byte[] read(Path file, String what) {
        try {
            if (Files.isSymbolicLink(file)) {
                throw new CotejoException(file + " is a symbolic link; a package holds regular files only");
            }
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) > MAX_MANIFEST_BYTES) {
                throw new CotejoException(file + " is larger than " + (MAX_MANIFEST_BYTES >> 20) + " MiB; it is not a manifest Cotejo wrote");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CotejoException(file.getParent() + " is not a complete exchange package: " + what + " " + file.getFileName() + " is missing");
        } catch (IOException e) {
            throw new CotejoException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String relative(Path base, Path p) {
        StringBuilder b = new StringBuilder();
        for (Path name : base.relativize(p)) {
            if (b.length() > 0) b.append('/');
            b.append(name);
        }
        return b.toString();
    }
}
