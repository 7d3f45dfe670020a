package org.cotejo.cases.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cotejo.cases.ForeignPackage;
import org.cotejo.cases.custody.Discrepancy.What;
import org.cotejo.core.Hashing;
import org.jdbi.v3.core.Handle;

/**
 * The foreign-case half of verification: the received package's copy in the vault still holds
 * exactly the files verified at import, with their hashes; manifest.json still hashes to the value the
 * import recorded (and its ledger entry quotes); and the sender's signature still verifies over it
 * with the key recorded.
 */
final class ReceivedPackageCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST = "manifest.json";
    private static final String SIGNATURE = "manifest.sig";

    private ReceivedPackageCheck() {}

    static List<Discrepancy> check(Handle h, String caseId, EvidenceSource source) {
        Optional<ForeignPackage> found = source.received(h, caseId);
        if (found.isEmpty()) {
            String origin = h.createQuery("SELECT origin FROM cases WHERE id = :id").bind("id", caseId).mapTo(String.class).findOne().orElse("local");
            return origin.equals("local") ? List.of() : List.of(new Discrepancy(What.PACKAGE, "case " + caseId,
                    "the case is marked as imported from a package, but no received package is recorded for it"));
        }
        ForeignPackage p = found.get();
        List<Discrepancy> out = new ArrayList<>();
        String where = "received package " + p.manifestSha256().substring(0, 16) + "…";
        ledger(h, caseId, p, where, out);
        Path root = source.caseFile(p.vaultPath());
        if (root == null) {
            out.add(new Discrepancy(What.PACKAGE, where, "its copy (" + p.vaultPath() + ") cannot be located: the case folder is not known"));
            return out;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            out.add(new Discrepancy(What.PACKAGE, root.toString(), "the received package's copy is missing; restore the case folder from a backup"));
            return out;
        }
        Set<String> listed = new HashSet<>();
        for (ForeignPackage.File f : p.files()) {
            listed.add(f.path());
            file(root, f, out);
        }
        unlisted(root, listed, out);
        manifest(root, p, out);
        return out;
    }

    /** The import's ledger entry must quote the manifest hash and key the tables hold (the ledger chain itself is checked elsewhere). */
    private static void ledger(Handle h, String caseId, ForeignPackage p, String where, List<Discrepancy> out) {
        List<LedgerEntry> imports = Ledger.entries(h, caseId).stream()
                .filter(e -> e.action().equals(LedgerAction.IMPORT_PACKAGE.text())).toList();
        if (imports.isEmpty()) {
            out.add(new Discrepancy(What.PACKAGE, where, "the ledger has no import-package entry for it"));
            return;
        }
        try {
            JsonNode in = JSON.readTree(imports.get(0).inputs());
            if (!p.manifestSha256().equals(in.path("manifest_sha256").asText()) || !p.keyId().equals(in.path("key_id").asText())) {
                out.add(new Discrepancy(What.PACKAGE, where, "the stored manifest hash or sender key differs from what ledger entry "
                        + imports.get(0).seq() + " recorded at import"));
            }
        } catch (IOException e) {
            out.add(new Discrepancy(What.PACKAGE, where, "ledger entry " + imports.get(0).seq() + "'s inputs are not JSON"));
        }
    }

    private static void file(Path root, ForeignPackage.File f, List<Discrepancy> out) {
        Path path = root.resolve(f.path()).normalize();
        String where = path.toString();
        if (!path.startsWith(root)) {
            out.add(new Discrepancy(What.PACKAGE, where, "the stored path '" + f.path() + "' leads out of the package: the file list was changed"));
            return;
        }
        try {
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                out.add(new Discrepancy(What.PACKAGE, where, "missing since import (it had " + f.size() + " bytes, SHA-256 " + f.sha256() + ")"));
                return;
            }
            String sha = Hashing.sha256(path);
            if (Files.size(path) != f.size() || !sha.equals(f.sha256())) {
                out.add(new Discrepancy(What.PACKAGE, where, "changed since import: SHA-256 " + sha + ", verified at import as " + f.sha256()));
            }
        } catch (IOException e) {
            out.add(new Discrepancy(What.PACKAGE, where, "cannot be read: " + e));
        }
    }

    private static void unlisted(Path root, Set<String> listed, List<Discrepancy> out) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    StringBuilder rel = new StringBuilder();
                    for (Path name : root.relativize(file)) rel.append(rel.length() > 0 ? "/" : "").append(name);
                    if (!listed.contains(rel.toString())) {
                        out.add(new Discrepancy(What.PACKAGE, file.toString(), "added since import: the package did not hold it"));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            out.add(new Discrepancy(What.PACKAGE, root.toString(), "cannot be listed: " + e));
        }
    }

    private static void manifest(Path root, ForeignPackage p, List<Discrepancy> out) {
        try {
            byte[] manifest = Files.readAllBytes(root.resolve(MANIFEST));
            if (!Hashing.sha256(manifest).equals(p.manifestSha256())) {
                out.add(new Discrepancy(What.PACKAGE, root.resolve(MANIFEST).toString(), "does not hash to " + p.manifestSha256()
                        + ", the manifest hash recorded at import"));
            }
            if (!Hashing.sha256(Base64.getDecoder().decode(p.publicKeyBase64())).equals(p.keyId())) {
                out.add(new Discrepancy(What.PACKAGE, "sender key " + p.keyId().substring(0, 16) + "…", "the stored public key is not this key"));
            }
            byte[] sig = Base64.getDecoder().decode(Files.readString(root.resolve(SIGNATURE), StandardCharsets.US_ASCII).strip());
            if (!InstallationKey.verify(p.publicKeyBase64(), manifest, sig)) {
                out.add(new Discrepancy(What.PACKAGE, root.resolve(SIGNATURE).toString(), "the sender's signature no longer verifies over "
                        + MANIFEST + " with key " + p.keyId()));
            }
        } catch (IOException | IllegalArgumentException e) {
            out.add(new Discrepancy(What.PACKAGE, root.toString(), "the manifest or its signature cannot be read: " + e.getMessage()));
        }
    }
}
