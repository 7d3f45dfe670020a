package org.cotejo.forensics.android;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.android.backup.AndroidBackups;
import org.cotejo.forensics.android.bugreport.Bugreports;
import org.cotejo.forensics.android.dumpsys.AdbAcquisition;
import org.cotejo.forensics.android.intrusion.IntrusionLogs;
import org.cotejo.forensics.android.qf.AndroidQfAcquisition;
import org.cotejo.forensics.android.qf.AndroidQfs;
import org.cotejo.forensics.android.qf.DeviceZone;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.ios.backup.PasswordSource;

/**
 * Opens an AndroidQF collection with everything it carries inside, as nested extractions whose modules
 * run after the collection's own: its {@code bugreport.zip} (or, without one, its top-level
 * {@code dumpsys.txt} read as a bugreport's dumpstate), its {@code backup.ab} and its
 * {@code intrusion_logs/}. A nested part that cannot be opened (a malformed backup, a wrong or missing
 * password, a damaged bugreport) is recorded as an opening problem and the rest is still checked.
 */
public final class AndroidCollections {
    private AndroidCollections() {}

    @FunctionalInterface
    private interface Opener {
        Extraction open() throws IOException;
    }

    public static Extraction open(Path path, PasswordSource password) throws IOException {
        Extraction x = AndroidQfs.open(path);
        try {
            FileTree tree = x.tree();
            ZoneId zone = x.service(DeviceZone.class).flatMap(DeviceZone::zone).orElse(null);
            Optional<FileEntry> bugreport = AndroidQfs.bugreport(tree);
            Extraction report = null;
            if (bugreport.isPresent()) {
                FileEntry e = bugreport.get();
                report = nest(x, e.path(), e.path(), () -> Bugreports.open(copyOut(x, e)));
            } else {
                Optional<FileEntry> dumpsys = AndroidQfs.nestedEntry(tree, "dumpsys.txt");
                // Its tree is the collection's own file, so its paths need no prefix.
                if (dumpsys.isPresent()) report = nest(x, dumpsys.get().path(), "", () -> Bugreports.ofDumpsys(tree, dumpsys.get().path(), path));
            }
            if (report != null) {
                Optional<AndroidQfAcquisition> acq = x.service(AndroidQfAcquisition.class);
                AdbAcquisition adb = new AdbAcquisition(acq.flatMap(AndroidQfAcquisition::started).orElse(null),
                        acq.map(AndroidQfAcquisition::adbHostPublicKey).filter(k -> !k.isBlank()).orElse(null));
                // On both: modules read the nested bugreport, heuristics see the collection they were started on.
                report.with(AdbAcquisition.class, adb);
                x.with(AdbAcquisition.class, adb);
                if (zone != null) report.with(DeviceZone.class, new DeviceZone(Optional.of(zone)));
            }
            Optional<FileEntry> backup = AndroidQfs.backup(tree);
            if (backup.isPresent()) nest(x, backup.get().path(), backup.get().path(), () -> AndroidBackups.nested(tree, backup.get(), x.work(), password));
            Optional<String> logs = AndroidQfs.intrusionLogsFolder(tree);
            if (logs.isPresent()) nest(x, logs.get(), logs.get(), () -> IntrusionLogs.nested(tree, logs.get(), zone));
            return x;
        } catch (IOException | RuntimeException | Error e) {
            x.close();
            throw e;
        }
    }

    /** Opens one nested part; a user-level failure becomes an opening problem of the collection. */
    private static Extraction nest(Extraction outer, String entry, String via, Opener opener) throws IOException {
        try {
            Extraction inner = opener.open();
            outer.withNested(inner, via);
            return inner;
        } catch (CotejoException e) {
            outer.withOpeningProblem(entry + " could not be opened, so its modules did not run: " + e.getMessage());
            return null;
        }
    }

    /** A nested archive is copied once into the collection's private work area, then opened in place there. */
    private static Path copyOut(Extraction x, FileEntry entry) throws IOException {
        Path to = x.work().newFolder("nested").resolve(Path.of(entry.path()).getFileName().toString());
        try (InputStream in = x.tree().open(entry)) {
            Files.copy(in, to);
        }
        return to;
    }
}
