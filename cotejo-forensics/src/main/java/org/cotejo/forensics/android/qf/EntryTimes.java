package org.cotejo.forensics.android.qf;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.X000A_NTFS;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.cotejo.forensics.evidence.ArchiveTree;
import org.cotejo.forensics.evidence.FileEntry;

/**
 * When a collection's file was last modified, and whether that is a true instant or the device's wall
 * clock. A folder's modification times, and zip entries with an NTFS or Unix extended timestamp, are true
 * instants. A zip entry with only its DOS date and time holds a wall clock without a zone: it is
 * converted with the device's zone when {@code getprop.txt} gives one, and otherwise kept as
 * device-local time (read as if UTC, and labelled so).
 */
final class EntryTimes implements AutoCloseable {
    /** A modification time: the instant, and whether it is a device-local wall clock read as UTC. */
    record Time(Instant instant, boolean deviceLocal) {}

    private final ZipFile zip;
    private final Optional<ZoneId> deviceZone;

    private EntryTimes(ZipFile zip, Optional<ZoneId> deviceZone) {
        this.zip = zip;
        this.deviceZone = deviceZone;
    }

    /** For a collection read from {@code archive} (null for a folder). */
    static EntryTimes of(ArchiveTree archive, Optional<ZoneId> deviceZone) throws IOException {
        ZipFile zip = archive != null && archive.format() == ArchiveTree.Format.ZIP
                ? ZipFile.builder().setFile(archive.archive().toFile()).get() : null;
        return new EntryTimes(zip, deviceZone);
    }

    Optional<Time> of(FileEntry entry) {
        if (entry.modified() == null) return Optional.empty();
        if (zip == null) return Optional.of(new Time(entry.modified(), false));
        ZipArchiveEntry z = zip.getEntry(entry.path());
        if (z != null && (z.getExtraField(X5455_ExtendedTimestamp.HEADER_ID) != null || z.getExtraField(X000A_NTFS.HEADER_ID) != null)) {
            return Optional.of(new Time(entry.modified(), false));
        }
        // The archive reader turned the DOS wall clock into an instant with this machine's zone; undo that.
        LocalDateTime wall = LocalDateTime.ofInstant(entry.modified(), ZoneId.systemDefault());
        return Optional.of(deviceZone.map(zone -> new Time(wall.atZone(zone).toInstant(), false))
                .orElseGet(() -> new Time(wall.toInstant(ZoneOffset.UTC), true)));
    }

    @Override
    public void close() throws IOException {
        if (zip != null) zip.close();
    }
}
