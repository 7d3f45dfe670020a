package org.cotejo.cases.custody;

import org.cotejo.core.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cotejo.cases.custody.CaseDatabase.Engine;
import org.jdbi.v3.core.Handle;

/**
 * A small, complete case written the way the case store will write it: a device, an iOS backup added
 * by reference (a folder of real files), a bugreport copied into the vault (one file), a scan with
 * three detections, and the ledger of those actions, signed. Everything is deterministic.
 */
final class SampleCase {
    static final String CASE = "case-es-1";
    static final String BACKUP = "ev-1";
    static final String BUGREPORT = "ev-2";
    static final String SCAN = "scan-1";

    final CaseDatabase db;
    final Path caseFolder;
    final Path backupFolder;
    final Path bugreport;
    final InstallationKey key;
    final Ledger ledger;

    private SampleCase(CaseDatabase db, Path dir) {
        this.db = db;
        this.caseFolder = dir.resolve("case");
        this.backupFolder = dir.resolve("extractions/ES-01 backup");
        this.bugreport = caseFolder.resolve("vault/ev-2/bugreport.zip");
        this.key = InstallationKey.open(dir.resolve("keys"));
        this.ledger = new Ledger(key, "0.1.0");
    }

    static SampleCase build(Engine engine, Path dir) {
        SampleCase c = new SampleCase(CaseDatabase.create(engine, dir), dir);
        c.db.newCase(CASE);
        Random bytes = new Random(27037);
        Map<String, byte[]> backup = new TreeMap<>();
        backup.put("Manifest.db", random(bytes, 40_000));
        backup.put("Info.plist", "<plist><dict><key>Product Version</key><string>17.4</string></dict></plist>".getBytes(StandardCharsets.UTF_8));
        backup.put("3d/3d0d7e5fb2ce288813306e4d4636395e047a3d28", random(bytes, 120_000)); // sms.db by its backup file id
        backup.put("Library/Preferences/com.apple.networkusage.plist", random(bytes, 3_000));
        c.db.jdbi.useTransaction(h -> {
            h.execute("INSERT INTO devices (case_id, id, label, platform, pseudonym, created_at, device_no)"
                            + " VALUES (?, 'dev-1', 'ES-01', 'ios', 'Minister A', ?, 1)",
                    CASE, "2026-01-05T09:01:00.000000Z");
            c.ledger.append(h, CASE, LedgerAction.CREATE, "analyst-a", "cotejo case create case --agency CCN-CERT", Map.of(),
                    Map.of("case", CASE));
            c.ledger.append(h, CASE, LedgerAction.ADD_DEVICE, "analyst-a", "cotejo case add-device ES-01", Map.of(), Map.of("device", "dev-1"));
            String backupManifest = c.register(h, BACKUP, "ios-backup", c.backupFolder, null, backup);
            c.ledger.append(h, CASE, LedgerAction.ADD_EVIDENCE, "analyst-a", "cotejo case add-evidence --device ES-01 '" + c.backupFolder + "'",
                    Map.of("path", c.backupFolder.toString()), Map.of("evidence", BACKUP, "manifest_sha256", backupManifest));
            String bugreportManifest = c.register(h, BUGREPORT, "bugreport", c.bugreport, "vault/ev-2/bugreport.zip",
                    Map.of("bugreport.zip", random(bytes, 64_000)));
            c.ledger.append(h, CASE, LedgerAction.ADD_EVIDENCE, "analyst-a", "cotejo case add-evidence --device ES-01 --copy bugreport.zip",
                    Map.of("path", "bugreport.zip"), Map.of("evidence", BUGREPORT, "manifest_sha256", bugreportManifest));
            c.ledger.append(h, CASE, LedgerAction.ADD_IOCS, "analyst-a", "cotejo case add-iocs pegasus.stix2", Map.of(),
                    Map.of("feeds", List.of(Map.of("sha256", "5a".repeat(32), "file", "pegasus.stix2"))));
            String result = c.scan(h);
            c.ledger.append(h, CASE, LedgerAction.SCAN, "analyst-a", "cotejo case scan", Map.of("evidence", BACKUP, "feeds_key", "f0".repeat(32)),
                    Map.of("scan", SCAN, "result_sha256", result, "detections", 3));
        });
        return c;
    }

    CaseVerifier verifier() {
        return new CaseVerifier(new TableEvidence(caseFolder), new DetectionRowsHash(), 2);
    }

    List<Discrepancy> verify() {
        return db.jdbi.withHandle(h -> verifier().verify(h, CASE));
    }

    Path backupFile(String manifestPath) {
        return backupFolder.resolve(manifestPath).toAbsolutePath();
    }

    /** Writes the files, hashes them and records the item and its manifest; returns the manifest hash. */
    private String register(Handle h, String id, String kind, Path location, String vaultPath, Map<String, byte[]> files) {
        boolean single = files.size() == 1 && vaultPath != null;
        String manifest = Hashing.sha256(files.entrySet().stream()
                .map(f -> Hashing.sha256(f.getValue()) + "  " + f.getValue().length + "  " + f.getKey() + "\n")
                .sorted().collect(Collectors.joining()));
        long total = files.values().stream().mapToLong(b -> b.length).sum();
        h.execute("INSERT INTO evidence (case_id, id, device_id, kind, source_path, stored_as, vault_path, manifest_sha256, file_count,"
                        + " total_bytes, added_at) VALUES (?, ?, 'dev-1', ?, ?, ?, ?, ?, ?, ?, ?)",
                CASE, id, kind, location.toAbsolutePath().toString(), vaultPath == null ? "reference" : "vault", vaultPath, manifest,
                (long) files.size(), total, "2026-01-05T09:02:00.000000Z");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            write(single ? location : location.resolve(f.getKey()), f.getValue());
            h.execute("INSERT INTO evidence_files (case_id, evidence_id, path, size, modified, sha256) VALUES (?, ?, ?, ?, ?, ?)",
                    CASE, id, f.getKey(), (long) f.getValue().length, "2026-01-04T18:00:00Z", Hashing.sha256(f.getValue()));
        }
        return manifest;
    }

    /** A scan of the backup (device 1's scan 1) with three detections; returns the result hash it records. */
    private String scan(Handle h) {
        h.execute("INSERT INTO scans (case_id, id, evidence_id, device_id, tool_version, feeds_key, started_at, finished_at, analyst, verdict,"
                        + " verdict_rule, records, detections, alerts, result_sha256, device_no, scan_no) VALUES (?, ?, ?, 'dev-1', '0.1.0', ?,"
                        + " '2026-01-05T09:10:00.000000Z', '2026-01-05T09:11:00.000000Z', 'analyst-a', 'infected', 'delivery+execution',"
                        + " 1200, 3, 0, '', 1, 1)",
                CASE, SCAN, BACKUP, "f0".repeat(32));
        h.execute("INSERT INTO sources (device_no, scan_no, source_no, file, sha256) VALUES (1, 1, 1, 'Library/SMS/sms.db', ?)",
                "3d".repeat(32));
        for (int n = 1; n <= 3; n++) {
            h.execute("INSERT INTO detections (device_no, scan_no, n, level, disposition, module, trace, observable_type,"
                            + " observable_value, observable_raw, field, rule, indicator_id, indicator_type, indicator_value, collection,"
                            + " feed_sha256, source_no, locator, time, message) VALUES (1, 1, ?, 'high', 'open',"
                            + " 'sms', 'delivery', 'domain', ?, ?, 'text', 'domain-or-subdomain', ?, 'domain', ?, 'Pegasus', ?,"
                            + " 1, ?, '2021-07-01T10:00:00Z', ?)",
                    (long) n, "link" + n + ".example.net", "hxxps://link" + n + ".example[.]net/x", "indicator--" + n,
                    "link" + n + ".example.net", "5a".repeat(32), "message ROWID " + (40 + n),
                    "SMS with a link to link" + n + ".example.net, an indicator of Pegasus");
        }
        String result = new DetectionRowsHash().recompute(h, CASE, SCAN);
        h.execute("UPDATE scans SET result_sha256 = ? WHERE case_id = ? AND id = ?", result, CASE, SCAN);
        return result;
    }

    private static byte[] random(Random random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    private static void write(Path path, byte[] content) {
        try {
            Files.createDirectories(path.getParent());
            Files.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
