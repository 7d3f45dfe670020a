package org.cotejo.cli.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.cotejo.cases.Acquisition;
import org.cotejo.cases.DeviceInfo;
import org.cotejo.cases.EvidenceInfo;
import org.cotejo.cases.custody.LedgerAction;
import org.cotejo.cases.intake.EvidenceHasher;
import org.cotejo.cases.intake.Vault;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.backup.IosBackups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "add-evidence",
        header = "Register an extraction of a device: every file is hashed (SHA-256, both cores); nothing is modified.",
        description = {"By default the evidence is read where it is (by reference); --copy puts a read-only copy in the",
            "case's vault, checked against the intake hashes. Adding the same files twice is recognised and does nothing."},
        footer = {"", "Example:",
            "  cotejo case add-evidence -C cases/es-2024 --device ES-01 --copy ~/backups/00008030-001A \\",
            "      --acquired-by 'Analyst 7' --acquired-at 2024-05-02T10:15:00+02:00 --method 'Finder backup' --tool Finder"},
        mixinStandardHelpOptions = true)
final class AddEvidence implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Parameters(paramLabel = "PATH", description = "The extraction: backup folder, dump folder or archive, sysdiagnose, MVT results folder.")
    Path path;

    @Option(names = "--device", required = true, paramLabel = "LABEL", description = "The device it was taken from.")
    String device;

    @Option(names = "--copy", description = "Copy it into the case's evidence vault (read-only).")
    boolean copy;

    @Option(names = "--kind", description = {"ios-backup, ios-fs, sysdiagnose, mvt-results, androidqf, bugreport, android-backup,", "intrusion-logs, pcap, zeek, suricata, netlog or pirogue (default: recognised from the layout; intrusion logs must be named;",
            "a netlog's format is read from the cotejo-netlog.json the analyst puts beside it, or recognised from its first line)."})
    String kind;

    @Option(names = "--acquired-by", paramLabel = "WHO") String acquiredBy;

    @Option(names = "--acquired-at", paramLabel = "TIME", description = "ISO 8601 with the local offset, e.g. 2024-05-02T10:15:00+02:00.")
    String acquiredAt;

    @Option(names = "--method") String method;

    @Option(names = "--tool") String tool;

    @Option(names = "--tool-version") String toolVersion;

    @Option(names = "--notes") String notes;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(path)) throw new CotejoException("no such file or folder: " + path);
        EvidenceKind k = EvidenceKinds.of(path, kind);
        if (k == EvidenceKind.NETLOG) {
            // a log whose layout cannot be told would only fail at scan time; say so now
            org.cotejo.forensics.network.netlog.NetlogFiles.open(path, null).close();
        }
        Path source = (k == EvidenceKind.IOS_BACKUP ? IosBackups.resolve(path) : path).toAbsolutePath().normalize();
        Acquisition acquisition = acquisition();
        var out = spec.commandLine().getOut();
        try (OpenCase c = OpenCase.open(options, CaseCommand.commandLine(spec))) {
            c.refuseIfForeign("add evidence to");
            DeviceInfo d = c.store.read(h -> c.store.findDevice(h, c.id(), device)).orElseThrow(() -> new CotejoException(
                    "the case has no device " + device + "; add it with `cotejo case add-device --label " + device + "`"));
            if (source.startsWith(c.folder.root())) throw new CotejoException(source + " is inside the case folder; add evidence from where it was received");
            EvidenceHasher.Result hashed = EvidenceHasher.hash(source, 0);
            if (hashed.files().isEmpty()) throw new CotejoException(source + " holds no file");
            var known = c.store.read(h -> c.store.findEvidenceByManifest(h, c.id(), hashed.manifest()));
            if (known.isPresent()) {
                out.println("Already in the case as evidence " + known.get().id() + " (same " + hashed.files().size()
                        + " files, same hashes; manifest " + hashed.manifest() + "); nothing added");
                out.flush();
                return 0;
            }
            String id = UUID.randomUUID().toString();
            String vaultPath = null;
            if (copy) {
                vaultPath = "vault/" + id;
                Vault.copy(source, c.folder.resolve(vaultPath), hashed.files());
            }
            EvidenceInfo item = new EvidenceInfo(id, d.id(), k.key(), source.toString(), copy ? "vault" : "reference", vaultPath,
                    acquisition, hashed.manifest(), hashed.files().size(), hashed.totalBytes(), Instant.now());
            try {
                c.store.transaction(h -> {
                    c.store.addEvidence(h, c.id(), item, hashed.files());
                    Map<String, Object> in = new LinkedHashMap<>();
                    in.put("source", source.toString());
                    in.put("manifest_sha256", hashed.manifest());
                    in.put("files", hashed.files().size());
                    in.put("bytes", hashed.totalBytes());
                    return c.ledger.append(h, c.id(), LedgerAction.ADD_EVIDENCE, c.analyst, c.command, in,
                            Map.of("evidence_id", id, "device", device, "stored_as", item.storedAs()));
                });
            } catch (RuntimeException e) {
                if (item.vaultPath() != null) removeCopy(c.folder.resolve(item.vaultPath()));
                throw e;
            }
            out.printf(Locale.ROOT, "Added %s evidence %s to %s: %,d files, %,d bytes, manifest %s%s%n", k.key(), id, device,
                    hashed.files().size(), hashed.totalBytes(), hashed.manifest(), copy ? " (copied into the vault)" : "");
            if (!hashed.links().isEmpty()) out.println("  " + hashed.links().size() + " symbolic links were not followed");
            out.flush();
            return 0;
        }
    }

    private Acquisition acquisition() {
        Instant at = null;
        java.time.ZoneOffset offset = null;
        if (acquiredAt != null) {
            try {
                OffsetDateTime t = OffsetDateTime.parse(acquiredAt);
                at = t.toInstant();
                offset = t.getOffset();
            } catch (DateTimeParseException e) {
                throw new CotejoException("--acquired-at '" + acquiredAt + "' is not an ISO 8601 time with offset (2024-05-02T10:15:00+02:00)");
            }
        }
        return new Acquisition(acquiredBy, at, offset, method, tool, toolVersion, notes);
    }

    private static void removeCopy(Path dir) {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
            }
        } catch (java.io.IOException e) {
            // best effort
        }
        org.cotejo.core.Folders.delete(dir);
    }
}
