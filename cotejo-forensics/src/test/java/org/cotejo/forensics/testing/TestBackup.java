package org.cotejo.forensics.testing;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.ios.backup.IosBackups;
import org.cotejo.forensics.ios.backup.write.BackupDevice;
import org.cotejo.forensics.ios.backup.write.BackupWriter;

/**
 * A plain iTunes/Finder backup folder for module tests, written by the real {@link BackupWriter}
 * (Info.plist, Manifest.plist, Status.plist, Manifest.db with MBFile blobs and a row for every folder
 * above a file, each file at {@code id[0:2]/id}), then opened as Cotejo opens a backup. Files are
 * collected first and written by {@link #open()}, so the device may be changed in any order.
 */
public final class TestBackup {
    /** The phone of every test backup unless a test changes its Info.plist values. */
    public static final BackupDevice DEVICE = BackupDevice.of("00008110-000A1B2C3D4E5F6A", "iPhone14,2", "16.5", "20F66",
            Instant.parse("2023-06-01T08:00:00Z")).with("Device Name", "Test iPhone");

    /** One thing to add to the backup once the writer exists. */
    @FunctionalInterface
    private interface Step {
        void apply(BackupWriter writer) throws IOException;
    }

    private final Path root;
    private BackupDevice device = DEVICE;
    private final Map<String, NSObject> otherInfo = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();

    private TestBackup(Path root) {
        this.root = root;
    }

    /** A backup to be written in {@code root}. */
    public static TestBackup at(Path root) {
        return new TestBackup(root);
    }

    /**
     * Sets an Info.plist value: text describes the device ("Serial Number", "IMEI"...); any other value
     * (a Date, a String[], a dictionary) is written as dd-plist converts it, replacing the writer's own.
     */
    public TestBackup info(String key, Object value) {
        if (value instanceof String text) {
            device = device.with(key, text);
        } else {
            otherInfo.put(key, NSObject.fromJavaObject(value));
        }
        return this;
    }

    /** Stores a file and lists it in the manifest. */
    public TestBackup file(String domain, String relativePath, byte[] content) {
        steps.add(w -> w.file(domain, relativePath, content));
        return this;
    }

    /** Stores a copy of a fixture file written elsewhere (a SQLite database built by a test's builder). */
    public TestBackup file(String domain, String relativePath, Path fixture) throws IOException {
        return file(domain, relativePath, Files.readAllBytes(fixture));
    }

    /** Stores a property list as a binary plist file. */
    public TestBackup plist(String domain, String relativePath, NSObject plist) throws IOException {
        return file(domain, relativePath, BinaryPropertyListWriter.writeToArray(plist));
    }

    /** Lists a folder in the manifest (folders have no stored file). */
    public TestBackup folder(String domain, String relativePath) {
        steps.add(w -> w.directory(domain, relativePath));
        return this;
    }

    /** Writes the backup and opens it. */
    public Extraction open() throws Exception {
        try (BackupWriter writer = BackupWriter.create(root, device)) {
            for (Step step : steps) step.apply(writer);
            otherInfo.forEach(writer::infoValue);
            writer.finish();
        }
        return IosBackups.open(root);
    }

    public Path root() { return root; }
}
