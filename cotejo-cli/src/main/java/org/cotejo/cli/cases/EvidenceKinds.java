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
final class EvidenceKinds {
    private EvidenceKinds() {}

    /** The kind named, or recognised from the layout. */
    static EvidenceKind of(Path path, String given) throws IOException {
        if (given != null) {
            return EvidenceKind.fromKey(given).orElseThrow(() -> new CotejoException("unknown evidence kind '" + given
                    + "'; use ios-backup, ios-fs, sysdiagnose or mvt-results"));
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve("Manifest.db")) || looksLikeBackupParent(path)) return EvidenceKind.IOS_BACKUP;
            if (Files.isRegularFile(path.resolve("info.json")) && !Files.isDirectory(path.resolve("private"))) return EvidenceKind.MVT_RESULTS;
            if (name.startsWith("sysdiagnose")) return EvidenceKind.SYSDIAGNOSE;
            return EvidenceKind.IOS_FS;
        }
        if (name.startsWith("sysdiagnose") && (name.endsWith(".tar.gz") || name.endsWith(".tgz"))) return EvidenceKind.SYSDIAGNOSE;
        if (name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".zip")) return EvidenceKind.IOS_FS;
        throw new CotejoException("cannot tell what kind of extraction " + path + " is; give --kind");
    }

    private static boolean looksLikeBackupParent(Path dir) {
        try {
            IosBackups.resolve(dir);
            return true;
        } catch (IOException | CotejoException e) {
            return false;
        }
    }

    static Extraction open(EvidenceKind kind, Path path, PasswordSource password) throws IOException {
        return switch (kind) {
            case IOS_BACKUP -> IosBackups.open(path, password);
            case IOS_FS -> IosFilesystems.open(path, null);
            case SYSDIAGNOSE -> Sysdiagnoses.open(path);
            case MVT_RESULTS -> MvtResults.open(path);
            default -> throw new CotejoException(kind.label() + " evidence cannot be scanned in a case yet");
        };
    }
}
