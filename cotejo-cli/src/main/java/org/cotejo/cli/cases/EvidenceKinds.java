package org.cotejo.cli.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.ios.backup.IosBackups;
import org.cotejo.forensics.ios.backup.PasswordSource;
import org.cotejo.forensics.ios.fs.IosFilesystems;
import org.cotejo.forensics.ios.sysdiagnose.Sysdiagnoses;
import org.cotejo.forensics.mvt.MvtResults;

/** Which kind of extraction a path is, and how to open it. */
public final class EvidenceKinds {
    private EvidenceKinds() {}

    /** The kind named, or recognised from the layout. */
    public static EvidenceKind of(Path path, String given) throws IOException {
        if (given != null) {
            return EvidenceKind.fromKey(given).orElseThrow(() -> new CotejoException("unknown evidence kind '" + given
                    + "'; use " + String.join(", ", java.util.Arrays.stream(EvidenceKind.values()).map(EvidenceKind::key).toList())));
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve("conn.log")) || Files.isRegularFile(path.resolve("dns.log"))
                    || Files.isRegularFile(path.resolve("conn.log.gz")) || Files.isRegularFile(path.resolve("dns.log.gz"))) return EvidenceKind.ZEEK;
            if (org.cotejo.forensics.network.pirogue.PirogueSessions.looksLikeSession(path)) return EvidenceKind.PIROGUE;
            if (Files.isRegularFile(path.resolve(org.cotejo.forensics.network.netlog.NetlogFiles.SIDECAR))) return EvidenceKind.NETLOG;
            EvidenceKind android = androidFolder(path);
            if (android != null) return android;
            if (Files.isRegularFile(path.resolve("Manifest.db")) || looksLikeBackupParent(path)) return EvidenceKind.IOS_BACKUP;
            if (Files.isRegularFile(path.resolve("info.json")) && !Files.isDirectory(path.resolve("private"))) return EvidenceKind.MVT_RESULTS;
            if (name.startsWith("sysdiagnose")) return EvidenceKind.SYSDIAGNOSE;
            return EvidenceKind.IOS_FS;
        }
        if (name.startsWith("sysdiagnose") && (name.endsWith(".tar.gz") || name.endsWith(".tgz"))) return EvidenceKind.SYSDIAGNOSE;
        if (name.endsWith(".ab")) return EvidenceKind.ANDROID_BACKUP;
        if (name.endsWith(".pcap") || name.endsWith(".pcapng") || name.endsWith(".cap")) return EvidenceKind.PCAP;
        if (name.startsWith("eve") && name.endsWith(".json")) return EvidenceKind.SURICATA;
        if (path.getParent() != null && Files.isRegularFile(path.getParent().resolve(org.cotejo.forensics.network.netlog.NetlogFiles.SIDECAR))) {
            return EvidenceKind.NETLOG;
        }
        if (name.endsWith(".zip")) {
            EvidenceKind android = androidZip(path);
            if (android != null) return android;
        }
        if (name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".zip")) return EvidenceKind.IOS_FS;
        throw new CotejoException("cannot tell what kind of extraction " + path + " is; give --kind");
    }

    /** An AndroidQF collection, a bugreport or an unpacked backup, by the files at its top (or one folder down). */
    private static EvidenceKind androidFolder(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("main_entry.txt"))) return EvidenceKind.BUGREPORT;
        if (Files.isDirectory(dir.resolve("apps")) && !Files.isRegularFile(dir.resolve("packages.json"))) return EvidenceKind.ANDROID_BACKUP;
        if (hasAndroidQfFile(dir)) return EvidenceKind.ANDROIDQF;
        try (var children = Files.list(dir)) {
            for (Path c : (Iterable<Path>) children.sorted()::iterator) {
                if (Files.isDirectory(c) && hasAndroidQfFile(c)) return EvidenceKind.ANDROIDQF;
            }
        }
        return null;
    }

    private static boolean hasAndroidQfFile(Path dir) {
        return Files.isRegularFile(dir.resolve("packages.json")) || Files.isRegularFile(dir.resolve("getprop.txt"));
    }

    /** A zip's kind by its entry names: a bugreport has main_entry.txt, an AndroidQF collection packages.json or getprop.txt. */
    private static EvidenceKind androidZip(Path zip) {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            if (z.getEntry("main_entry.txt") != null) return EvidenceKind.BUGREPORT;
            var entries = z.entries();
            while (entries.hasMoreElements()) {
                String n = entries.nextElement().getName();
                String base = n.substring(n.lastIndexOf('/') + 1);
                if ((base.equals("packages.json") || base.equals("getprop.txt")) && n.chars().filter(c -> c == '/').count() <= 1) {
                    return EvidenceKind.ANDROIDQF;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean looksLikeBackupParent(Path dir) {
        try {
            IosBackups.resolve(dir);
            return true;
        } catch (IOException | CotejoException e) {
            return false;
        }
    }

    public static Extraction open(EvidenceKind kind, Path path, PasswordSource password) throws IOException {
        return switch (kind) {
            case IOS_BACKUP -> IosBackups.open(path, password);
            case IOS_FS -> IosFilesystems.open(path, null);
            case SYSDIAGNOSE -> Sysdiagnoses.open(path);
            case MVT_RESULTS -> MvtResults.open(path);
            case ANDROIDQF -> org.cotejo.forensics.android.AndroidCollections.open(path, password);
            case BUGREPORT -> org.cotejo.forensics.android.bugreport.Bugreports.open(path);
            case ANDROID_BACKUP -> org.cotejo.forensics.android.backup.AndroidBackups.open(path, password);
            case INTRUSION_LOGS -> org.cotejo.forensics.android.intrusion.IntrusionLogs.open(path);
            case PCAP -> org.cotejo.forensics.network.pcap.Captures.open(path);
            case ZEEK -> org.cotejo.forensics.network.logs.ZeekLogs.open(path);
            case SURICATA -> org.cotejo.forensics.network.logs.SuricataEve.open(path);
            // the format comes from the analyst's cotejo-netlog.json beside the logs, or from the first line
            case NETLOG -> org.cotejo.forensics.network.netlog.NetlogFiles.open(path, null);
            case PIROGUE -> org.cotejo.forensics.network.pirogue.PirogueSessions.open(path);
        };
    }
}
