package org.cotejo.correlation.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.detection.Disposition;
import org.cotejo.forensics.android.qf.AndroidQfBuilder;
import org.cotejo.forensics.android.qf.FileItem;
import org.cotejo.forensics.android.qf.Pkg;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.ios.backup.write.BackupDevice;
import org.cotejo.forensics.ios.backup.write.BackupWriter;
import org.cotejo.forensics.ios.synth.PhoneFile;
import org.cotejo.forensics.ios.synth.SyntheticPhone;
import org.cotejo.forensics.record.TraceClass;

/**
 * Writes one simulated extraction in a real format through the project's own writers, so that
 * {@code cotejo check} can be run on it. What each format carries:
 * <ul>
 * <li>iOS backup: lure links received by SMS and attacker accounts as iMessage senders (sms.db), implant
 * and system processes (DataUsage, an App Store app's process with its bundle id), visited domains and
 * URLs (Safari History.db), on top of {@link SyntheticPhone}'s small benign volume;</li>
 * <li>AndroidQF: packages with their signing certificates, processes, implant files, and lure SMS in a
 * nested {@code backup.ab}; Android browsing and network traces have no writer yet and are left out.</li>
 * </ul>
 * The device-evidence.json beside it remains the complete record of the extraction.
 */
final class ExtractionWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractionWriter() {}

    static Path write(DeviceEvidence e, DeviceTruth truth, Truth world, Path folder) throws IOException {
        Operator op = world.operator(truth.operator()).orElse(null);
        return e.device().platform().equals("ios") ? ios(e, op, folder.resolve("ios-backup")) : android(e, op, folder.resolve("androidqf"));
    }

    private static List<String> values(DeviceEvidence e, ObservableType type, TraceClass trace) {
        return e.sightings().stream().filter(s -> s.value().type() == type && s.trace() == trace).map(s -> s.value().value()).toList();
    }

    private static Path ios(DeviceEvidence e, Operator op, Path out) throws IOException {
        List<String> links = values(e, ObservableType.URL, TraceClass.DELIVERY);
        // An App Store app's process carries its bundle id; implants run without one.
        List<Sighting> colliding = e.sightings().stream().filter(s -> s.value().type() == ObservableType.PROCESS_NAME
                && s.matches().stream().anyMatch(m -> m.disposition() == Disposition.NAME_COLLISION)).toList();
        List<String> processes = e.sightings().stream().filter(s -> s.value().type() == ObservableType.PROCESS_NAME
                && !colliding.contains(s)).map(s -> s.value().value()).toList();
        try (WorkArea work = WorkArea.create()) {
            Path scratch = work.newFolder("simulated-phone");
            List<PhoneFile> files = new SyntheticPhone(10, 20, 10, 5, e.device().label().hashCode()).planting(links, processes).write(scratch);
            try {
                for (PhoneFile f : files) {
                    String url = "jdbc:sqlite:" + f.content();
                    if (f.relativePath().endsWith("History.db")) history(url, e);
                    if (f.relativePath().endsWith("sms.db")) accounts(url, values(e, ObservableType.EMAIL, TraceClass.DELIVERY), op);
                    if (f.relativePath().endsWith("DataUsage.sqlite") && !colliding.isEmpty()) {
                        String bundle = values(e, ObservableType.APP_ID, TraceClass.CONFIGURATION).stream()
                                .filter(a -> a.endsWith("." + colliding.get(0).value().value())).findFirst().orElse("com.example.app");
                        app(url, colliding.get(0).value().value(), bundle);
                    }
                }
            } catch (SQLException x) {
                throw new IOException("cannot plant traces in the generated databases: " + x.getMessage(), x);
            }
            BackupDevice device = BackupDevice.of(e.device().id(), "iPhone13,2", "17.5.1", "21F90",
                    e.sightings().stream().map(Sighting::lastSeen).max(java.util.Comparator.naturalOrder()).orElseThrow());
            try (BackupWriter w = BackupWriter.create(out, device)) {
                for (PhoneFile f : files) w.file(f.domain(), f.relativePath(), Files.readAllBytes(f.content()));
                w.finish();
            }
        }
        return out;
    }

    private static void history(String url, DeviceEvidence e) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement item = c.prepareStatement("INSERT OR IGNORE INTO history_items (url, domain_expansion, visit_count,"
                     + " daily_visit_counts, should_recompute_derived_visit_counts, visit_count_score) VALUES (?, ?, 1, X'', 0, 0)");
             PreparedStatement visit = c.prepareStatement("INSERT INTO history_visits (history_item, visit_time, title)"
                     + " SELECT id, ?, 'Page' FROM history_items WHERE url = ?")) {
            for (Sighting s : e.sightings()) {
                if (s.trace() != TraceClass.BROWSING) continue;
                String u = s.value().type() == ObservableType.URL ? s.value().value()
                        : s.value().type() == ObservableType.DOMAIN ? "https://" + s.value().value() + "/" : null;
                if (u == null) continue;
                item.setString(1, u);
                item.setString(2, s.value().value());
                item.executeUpdate();
                visit.setDouble(1, s.firstSeen().getEpochSecond() - 978_307_200d); // Mac absolute time
                visit.setString(2, u);
                visit.executeUpdate();
            }
        }
    }

    private static void accounts(String url, List<String> emails, Operator op) throws SQLException {
        if (emails.isEmpty()) return;
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement h = c.prepareStatement("INSERT INTO handle (id, country, service) VALUES (?, 'es', 'iMessage')");
             PreparedStatement m = c.prepareStatement("INSERT INTO message (guid, text, handle_id, service, account, date, is_from_me,"
                     + " is_read) VALUES (?, ?, (SELECT max(ROWID) FROM handle), 'iMessage', 'e:owner@example.com', 700000000000000000, 0, 1)")) {
            for (String email : emails) {
                h.setString(1, email);
                h.executeUpdate();
                m.setString(1, "SIM-" + email);
                m.setString(2, op == null ? "Hello" : lure(op, 0).formatted("").strip());
                m.executeUpdate();
            }
        }
    }

    private static void app(String url, String process, String bundle) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement p = c.prepareStatement("UPDATE ZPROCESS SET ZBUNDLENAME = ?, ZPROCNAME = ? WHERE Z_PK = 1")) {
            p.setString(1, bundle);
            p.setString(2, process);
            p.executeUpdate();
        }
    }

    static String lure(Operator op, int i) {
        List<String> lures = Vocabulary.LURES.get(op.languages().get(0));
        return lures.get(Math.floorMod(i, lures.size()));
    }

    private static Path android(DeviceEvidence e, Operator op, Path out) throws IOException {
        AndroidQfBuilder b = AndroidQfBuilder.collection().prop("ro.serialno", e.device().id()).prop("ro.product.model", "Pixel 7")
                .prop("ro.build.version.release", "14").prop("persist.sys.timezone", "UTC");
        List<String> certs = values(e, ObservableType.APP_CERT_HASH, TraceClass.CONFIGURATION);
        java.util.Set<String> implant = new java.util.HashSet<>();
        e.sightings().stream().filter(s -> s.value().type() == ObservableType.APP_ID && !s.matches().isEmpty())
                .forEach(s -> implant.add(s.value().value()));
        int n = 0;
        for (String app : values(e, ObservableType.APP_ID, TraceClass.CONFIGURATION)) {
            String h = FeedPublisher.sha256(app.getBytes(StandardCharsets.UTF_8));
            Pkg p = Pkg.named(app).apk("/data/app/" + app + "/base.apk", h.substring(0, 32), h.substring(0, 40), h);
            // The implant's package is signed with the tool's certificate; other apps with their own.
            String cert = !certs.isEmpty() && implant.contains(app) ? certs.get(0)
                    : FeedPublisher.sha256(("cert " + app).getBytes(StandardCharsets.UTF_8));
            b.pkg(p.certificate(cert.substring(0, 32), cert.substring(0, 40), cert).uid(10_100 + n++));
        }
        int pid = 1000;
        for (String proc : values(e, ObservableType.PROCESS_NAME, TraceClass.EXECUTION)) b.process("u0_a" + pid % 100, pid++, 1, proc);
        for (String path : values(e, ObservableType.FILE_PATH, TraceClass.FILESYSTEM)) b.file(FileItem.at(path));
        List<String> links = values(e, ObservableType.URL, TraceClass.DELIVERY);
        if (!links.isEmpty()) b.raw("backup.ab", backup(links, op));
        return b.writeFolder(out);
    }

    /** A plain adb backup of the telephony provider: header, then zlib(tar) holding zlib(JSON) SMS. */
    private static byte[] backup(List<String> links, Operator op) throws IOException {
        ArrayNode sms = JSON.createArrayNode();
        for (int i = 0; i < links.size(); i++) {
            String sender = op == null ? "+34600000000" : op.smsSenders().get(0);
            sms.addObject().put("address", sender).put("body", op == null ? links.get(i) : lure(op, i).formatted(links.get(i)))
                    .put("date", Long.toString(1_700_000_000_000L + i * 60_000L)).put("date_sent", "0").put("type", "1");
        }
        byte[] json = deflate(JSON.writeValueAsBytes(sms));
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(tar)) {
            TarArchiveEntry entry = new TarArchiveEntry("apps/com.android.providers.telephony/d_f/000000_sms_backup");
            entry.setSize(json.length);
            entry.setModTime(1_700_000_000_000L);
            t.putArchiveEntry(entry);
            t.write(json);
            t.closeArchiveEntry();
        }
        ByteArrayOutputStream ab = new ByteArrayOutputStream();
        ab.write("ANDROID BACKUP\n5\n1\nnone\n".getBytes(StandardCharsets.US_ASCII));
        ab.write(deflate(tar.toByteArray()));
        return ab.toByteArray();
    }

    private static byte[] deflate(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION))) {
            z.write(bytes);
        }
        return out.toByteArray();
    }
}
