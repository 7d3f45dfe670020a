package org.cotejo.report.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cotejo.cases.custody.InstallationKey;
import org.cotejo.core.CotejoException;
import org.cotejo.core.Folders;
import org.cotejo.core.Hashing;

/**
 * Writes an exchange package: the payload files, {@code manifest.json} listing each with its SHA-256,
 * size and role, and {@code manifest.sig}, the Ed25519 signature of the manifest's exact bytes by the
 * installation key (the key that signs the sender's custody ledger). Everything is written into a
 * hidden folder beside {@code out} and moved into place when whole, so a failure leaves nothing that
 * looks like a package.
 */
public final class PackageWriter {
    private PackageWriter() {}

    /**
     * What was written.
     *
     * @param folder         the package folder
     * @param manifestSha256 SHA-256 of manifest.json: what the sender's ledger and the recipient's import quote
     * @param keyId          the signing key's id
     * @param manifest       the manifest as written
     */
    public record Written(Path folder, String manifestSha256, String keyId, Manifest manifest) {}

    /**
     * Writes the package into {@code out}, which must not exist or be an empty folder.
     *
     * @throws CotejoException for an existing non-empty {@code out}, an invalid or repeated path, a source
     *         that is not a regular file (symbolic links are refused)
     */
    public static Written write(PackageHeader header, List<PackageFile> files, InstallationKey key, Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        refuseExisting(target);
        Set<String> seen = new HashSet<>();
        for (PackageFile f : files) {
            PackagePaths.check(f.path(), "cannot write the package");
            if (!seen.add(f.path())) throw new CotejoException("cannot write the package: the path " + f.path() + " is given twice");
            if (f.source() != null && !Files.isRegularFile(f.source(), LinkOption.NOFOLLOW_LINKS)) {
                throw new CotejoException("cannot put " + f.source() + " in the package: it is not a regular file"
                        + (Files.isSymbolicLink(f.source()) ? " (symbolic links are not followed)" : ""));
            }
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        try {
            List<ManifestEntry> entries = new ArrayList<>();
            for (PackageFile f : files) {
                Path to = partial.resolve(f.path());
                Files.createDirectories(to.getParent());
                if (f.bytes() != null) Files.write(to, f.bytes());
                else Files.copy(f.source(), to, LinkOption.NOFOLLOW_LINKS);
                entries.add(new ManifestEntry(f.path(), Hashing.sha256(to), Files.size(to), f.role()));
            }
            entries.sort(Comparator.comparing(ManifestEntry::path));
            Manifest manifest = new Manifest(header, key.keyId(), key.publicKeyBase64(), entries);
            byte[] bytes = ManifestJson.toBytes(manifest);
            Files.write(partial.resolve(PackagePaths.MANIFEST), bytes);
            String signature = Base64.getEncoder().encodeToString(key.sign(bytes)) + "\n";
            Files.writeString(partial.resolve(PackagePaths.SIGNATURE), signature, StandardCharsets.US_ASCII);
            if (Files.isDirectory(target)) Files.delete(target); // empty, checked above
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new Written(target, Hashing.sha256(bytes), key.keyId(), manifest);
        } catch (IOException | RuntimeException e) {
            Folders.delete(partial);
            throw e;
        }
    }

    private static void refuseExisting(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) throw new CotejoException(target + " exists and is not a folder");
        try (Stream<Path> s = Files.list(target)) {
            if (s.findAny().isPresent()) {
                throw new CotejoException(target + " exists and is not empty; a package is written into a new or empty folder");
            }
        }
    }
}
