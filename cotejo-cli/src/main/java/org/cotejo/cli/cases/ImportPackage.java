package org.cotejo.cli.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.cotejo.cases.CaseInfo;
import org.cotejo.cases.DeviceInfo;
import org.cotejo.cases.EvidenceFile;
import org.cotejo.cases.FeedInfo;
import org.cotejo.cases.ForeignPackage;
import org.cotejo.cases.LegalBasis;
import org.cotejo.cases.custody.LedgerAction;
import org.cotejo.cases.folder.CaseFolder;
import org.cotejo.cases.intake.Vault;
import org.cotejo.cases.store.CaseStore;
import org.cotejo.cli.Version;
import org.cotejo.core.CotejoException;
import org.cotejo.core.Hashing;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.report.exchange.ExchangePackages;
import org.cotejo.report.exchange.Manifest;
import org.cotejo.report.exchange.ManifestEntry;
import org.cotejo.report.exchange.PackageHeader;
import org.cotejo.report.exchange.PackageVerifier;
import org.cotejo.report.exchange.ReceivedPackage;
import org.cotejo.report.model.FeedEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-package",
        header = "Load an exchange package from another authority as a new, read-only foreign case, after verifying it.",
        description = {"The package is verified first (signature, every file's SHA-256, nothing unlisted); one that does not",
            "verify is not imported and nothing is written. A verified package becomes a new case folder: its files are",
            "copied into the case's vault read-only, its devices and feeds are recorded with the sender's provenance",
            "(sender, key id, manifest SHA-256, each file's SHA-256), and the import is a custody-ledger entry quoting",
            "the manifest SHA-256 and the key id. Devices, evidence, feeds and scans cannot be added to a foreign case;",
            "`cotejo case verify` checks that the received files, manifest and signature are unchanged."},
        footer = {"", "Example:",
            "  cotejo case import-package received/fr-2024 --case cases/fr-received --expect-key 3fa2c41b09d7e8a1"},
        mixinStandardHelpOptions = true)
final class ImportPackage implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PACKAGE", description = "The package folder as received.")
    Path pkg;

    @Option(names = {"-C", "--case"}, required = true, paramLabel = "DIR",
            description = "The new case folder for the foreign case (must not exist, or be empty).")
    Path caseDir;

    @Option(names = "--expect-key", paramLabel = "KEYID",
            description = "The sender's key id as agreed out of band (at least its first 16 hex digits); recommended.")
    String expectKey;

    @Option(names = "--analyst", paramLabel = "NAME", description = "Who imports it (default: COTEJO_ANALYST, else the system user).")
    String analyst;

    @Override
    public Integer call() throws Exception {
        Path source = pkg.toAbsolutePath().normalize();
        PackageVerifier.Verified verified = ExchangePackages.verify(source, expectKey); // before anything is written
        ReceivedPackage received = ExchangePackages.read(verified);
        Path target = caseDir.toAbsolutePath().normalize();
        if (target.startsWith(source)) throw new CotejoException(caseDir + " is inside the package; give a case folder outside it");
        CaseOptions o = new CaseOptions();
        o.analyst = analyst;
        String who = o.analyst();
        boolean existed = Files.exists(target);
        String id = UUID.randomUUID().toString();
        CaseFolder folder = CaseFolder.create(target, id, null, null);
        try {
            String vaultPath = "vault/package-" + verified.manifestSha256().substring(0, 16);
            Path copy = folder.resolve(vaultPath);
            Vault.copy(source, copy, filesOf(verified));
            // The copy is what the case keeps: it must itself be the package that verified, byte for byte.
            PackageVerifier.Verified kept = ExchangePackages.verify(copy, verified.manifest().keyId());
            if (!kept.manifestSha256().equals(verified.manifestSha256())) {
                throw new CotejoException(source + " changed while it was imported; nothing was imported");
            }
            ForeignPackage record = record(verified, source, vaultPath);
            CaseInfo info = caseInfo(id, verified.manifest().header(), folder, who);
            List<DeviceInfo> devices = devices(received);
            List<FeedInfo> feeds = feeds(verified, received, vaultPath);
            String command = String.join(" ", CaseCommand.commandLine(spec));
            var ledger = OpenCase.ledger();
            try (CaseStore store = CaseStore.open(folder.jdbcUrl(), folder.user(), folder.password())) {
                var entry = store.transaction(h -> {
                    store.importForeignCase(h, info, record, devices, feeds);
                    ledger.append(h, id, LedgerAction.CREATE, who, command, Map.of("agency", info.agency(), "reference", info.reference()),
                            Map.of("case_id", id, "database", store.describe(), "origin", "package"));
                    return ledger.append(h, id, LedgerAction.IMPORT_PACKAGE, who, command, importInputs(record, verified),
                            importOutputs(record, devices, feeds));
                });
                print(record, devices, feeds, folder, entry.seq());
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            remove(target, existed);
            throw e;
        }
    }

    /** Every file of the package with its size and hash (the manifest's own two files hashed here), as the vault checks them. */
    private static List<EvidenceFile> filesOf(PackageVerifier.Verified v) throws IOException {
        List<EvidenceFile> files = new ArrayList<>();
        for (String own : List.of("manifest.json", "manifest.sig")) {
            Path p = v.folder().resolve(own);
            files.add(new EvidenceFile(own, Files.size(p), null, Hashing.sha256(p)));
        }
        for (ManifestEntry e : v.manifest().files()) files.add(new EvidenceFile(e.path(), e.size(), null, e.sha256()));
        files.sort(java.util.Comparator.comparing(EvidenceFile::path));
        return files;
    }

    private static ForeignPackage record(PackageVerifier.Verified v, Path source, String vaultPath) throws IOException {
        Manifest m = v.manifest();
        PackageHeader h = m.header();
        List<ForeignPackage.File> files = new ArrayList<>();
        for (EvidenceFile f : filesOf(v)) {
            String role = f.path().equals("manifest.json") ? ForeignPackage.ROLE_MANIFEST : f.path().equals("manifest.sig")
                    ? ForeignPackage.ROLE_SIGNATURE : m.file(f.path()).map(ManifestEntry::role).orElseThrow();
            files.add(new ForeignPackage.File(f.path(), f.size(), f.sha256(), role));
        }
        return new ForeignPackage(v.manifestSha256(), h.sender(), h.recipient(), h.tlp().tlp2Name(), h.createdAt(), m.keyId(),
                m.publicKeyBase64(), h.caseId(), h.caseName(), h.reference(), h.instrument(), h.toolVersion(), source.toString(), vaultPath,
                Instant.now(), files);
    }

    private static CaseInfo caseInfo(String id, PackageHeader h, CaseFolder folder, String who) {
        String name = (h.caseName().isEmpty() ? folder.root().getFileName().toString() : h.caseName()) + " (received from " + h.sender() + ")";
        LegalBasis basis = h.instrument().isEmpty() ? null
                : new LegalBasis(h.instrument(), h.reference(), h.recipient(), h.sender(), "received in an exchange package");
        return new CaseInfo(id, name, h.sender(), h.reference(), basis, Instant.now(), who, Version.current());
    }

    /** The package's devices under the pseudonyms the sender gave them; a label used twice falls back to the device id. */
    private static List<DeviceInfo> devices(ReceivedPackage r) {
        Map<String, DeviceRef> byId = new TreeMap<>();
        r.devices().forEach(d -> byId.putIfAbsent(d.device().id(), d.device()));
        r.entries().forEach(e -> byId.putIfAbsent(e.ref().id(), e.ref()));
        Set<String> labels = new HashSet<>();
        List<DeviceInfo> out = new ArrayList<>();
        Instant now = Instant.now();
        for (DeviceRef d : byId.values()) {
            String label = labels.add(d.label()) ? d.label() : d.id();
            labels.add(label);
            out.add(new DeviceInfo(d.id(), label, d.platform(), d.label(), Map.of(), now));
        }
        return out;
    }

    private static List<FeedInfo> feeds(PackageVerifier.Verified v, ReceivedPackage r, String vaultPath) {
        List<FeedInfo> out = new ArrayList<>();
        Instant now = Instant.now();
        for (FeedEntry f : r.feeds()) {
            ManifestEntry e = v.manifest().files().stream().filter(x -> x.sha256().equals(f.sha256()) && x.path().endsWith(f.name()))
                    .findFirst().orElseThrow();
            out.add(new FeedInfo(f.sha256(), f.name(), f.format(), f.indicators(), vaultPath + "/" + e.path(), now));
        }
        return out;
    }

    private static Map<String, Object> importInputs(ForeignPackage p, PackageVerifier.Verified v) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("source", p.sourcePath());
        in.put("manifest_sha256", p.manifestSha256());
        in.put("key_id", p.keyId());
        in.put("public_key", p.publicKeyBase64());
        in.put("sender", p.sender());
        in.put("recipient", p.recipient());
        in.put("tlp", p.tlp());
        in.put("package_created", p.createdAt().toString());
        in.put("files", v.manifest().files().size());
        in.put("bytes", v.bytes());
        return in;
    }

    private static Map<String, Object> importOutputs(ForeignPackage p, List<DeviceInfo> devices, List<FeedInfo> feeds) {
        Map<String, Object> files = new TreeMap<>();
        p.files().forEach(f -> files.put(f.path(), f.sha256()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("vault_path", p.vaultPath());
        out.put("devices", devices.size());
        out.put("feeds", feeds.size());
        out.put("files", files);
        return out;
    }

    private void print(ForeignPackage p, List<DeviceInfo> devices, List<FeedInfo> feeds, CaseFolder folder, long seq) {
        var out = spec.commandLine().getOut();
        out.println("Imported the package from " + p.sender() + " (TLP:" + p.tlp().toUpperCase(Locale.ROOT) + ", made " + p.createdAt()
                + ") as read-only foreign case " + folder.caseId() + " in " + folder.root());
        out.println("  sender key " + p.keyId() + (expectKey == null ? " (not pinned: confirm it with the sender)" : " (as expected)"));
        out.println("  manifest SHA-256 " + p.manifestSha256() + "; " + p.files().size() + " files copied read-only into " + p.vaultPath());
        out.println("  " + devices.size() + " devices, " + feeds.size() + " feeds; recorded as ledger entry " + seq);
        out.flush();
    }

    /** Removes what the import made: the whole folder, or its contents when the folder existed (empty) before. */
    private static void remove(Path dir, boolean existed) {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.toList()) p.toFile().setWritable(true); // the vault copy is read-only
        } catch (IOException e) {
            // best effort: what cannot be removed is named in no record
        }
        if (!existed) {
            org.cotejo.core.Folders.delete(dir);
            return;
        }
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) org.cotejo.core.Folders.delete(p);
        } catch (IOException e) {
            // as above
        }
    }
}
