package org.cotejo.forensics.android.bugreport;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes Android bugreports as {@code adb bugreport} lays them out: {@code main_entry.txt} naming the
 * dumpstate text, which holds a header, a {@code ------ SYSTEM PROPERTIES} block and
 * {@code DUMP OF SERVICE <name>:} sections between 79-dash lines; {@code FS/…} copies of device files
 * with their times; any other entry as bytes (tombstones). As a zip (DOS times, the device's wall clock)
 * or an unpacked folder. {@link #large} streams a dumpstate of a chosen size to disk for benchmarks.
 */
public final class BugreportBuilder {
    public static final String SEPARATOR = "-".repeat(79);
    private final Map<String, String> services = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Map<String, LocalDateTime> times = new LinkedHashMap<>();
    private String dumpstateName = "bugreport-a10-QP1A.190711.020-2024-03-21-11-07-22.txt";
    private boolean mainEntry = true;
    private byte[] rawDumpstate;
    private DumpstateWriter streamed;

    /** Writes dumpstate text to a writer (for generated, large dumpstates). */
    @FunctionalInterface
    public interface DumpstateWriter {
        void write(Writer out) throws IOException;
    }

    /** A {@code DUMP OF SERVICE name:} section with this text (lines separated by \n). */
    public BugreportBuilder service(String name, String text) {
        services.put(name, text);
        return this;
    }

    /** A system property in the {@code SYSTEM PROPERTIES} block. */
    public BugreportBuilder property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** A file the bugreport copied from the device, under {@code FS/}, modified at this wall-clock time. */
    public BugreportBuilder fsFile(String devicePath, byte[] bytes, LocalDateTime modified) {
        String name = "FS/" + (devicePath.startsWith("/") ? devicePath.substring(1) : devicePath);
        entries.put(name, bytes);
        times.put(name, modified);
        return this;
    }

    /** Any other entry, as bytes. */
    public BugreportBuilder entry(String name, byte[] bytes) {
        entries.put(name, bytes);
        return this;
    }

    /** The dumpstate's entry name (named by {@code main_entry.txt}). */
    public BugreportBuilder dumpstateName(String name) {
        dumpstateName = name;
        return this;
    }

    /** No {@code main_entry.txt}: the dumpstate is then found by its name alone. */
    public BugreportBuilder withoutMainEntry() {
        mainEntry = false;
        return this;
    }

    /** No dumpstate text at all. */
    public BugreportBuilder withoutDumpstate() {
        dumpstateName = null;
        return this;
    }

    /** These exact bytes as the dumpstate (for non-UTF-8 or hand-made text). */
    public BugreportBuilder rawDumpstate(byte[] bytes) {
        rawDumpstate = bytes;
        return this;
    }

    /** A dumpstate written by {@code writer} while the bugreport is written, never held in memory. */
    public BugreportBuilder streamedDumpstate(DumpstateWriter writer) {
        streamed = writer;
        return this;
    }

    /** The dumpstate text this builder writes. */
    public byte[] dumpstate() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeDumpstate(out);
        return out.toByteArray();
    }

    /** Writes the bugreport as a zip file. */
    public Path zip(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            if (dumpstateName != null) {
                if (mainEntry) put(zip, Bugreports.MAIN_ENTRY, (dumpstateName + "\n").getBytes(StandardCharsets.US_ASCII), null);
                zip.putNextEntry(new ZipEntry(dumpstateName));
                writeDumpstate(zip);
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : entries.entrySet()) put(zip, e.getKey(), e.getValue(), times.get(e.getKey()));
        }
        return file;
    }

    /** Writes the bugreport as an unpacked folder (FS/ files get their time as a UTC modification time). */
    public Path folder(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (dumpstateName != null) {
            if (mainEntry) Files.writeString(dir.resolve(Bugreports.MAIN_ENTRY), dumpstateName + "\n");
            Path ds = dir.resolve(dumpstateName);
            Files.createDirectories(ds.getParent());
            try (OutputStream out = Files.newOutputStream(ds)) {
                writeDumpstate(out);
            }
        }
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
            LocalDateTime t = times.get(e.getKey());
            if (t != null) Files.setLastModifiedTime(p, FileTime.from(t.toInstant(ZoneOffset.UTC)));
        }
        return dir;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, LocalDateTime time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        if (time != null) e.setTimeLocal(time);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    private void writeDumpstate(OutputStream raw) throws IOException {
        if (rawDumpstate != null) {
            raw.write(rawDumpstate);
            return;
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(nonClosing(raw), StandardCharsets.UTF_8), 1 << 16);
        out.write("========================================================\n== dumpstate: 2024-03-21 11:07:22\n"
                + "========================================================\n\nBuild: QP1A.190711.020\n\n");
        if (!properties.isEmpty()) {
            out.write("------ SYSTEM PROPERTIES (getprop) ------\n");
            for (Map.Entry<String, String> p : properties.entrySet()) out.write("[" + p.getKey() + "]: [" + p.getValue() + "]\n");
            out.write("------ 0.021s was the duration of 'SYSTEM PROPERTIES' ------\n");
        }
        out.write("------ DUMPSYS (/system/bin/dumpsys) ------\n");
        for (Map.Entry<String, String> s : services.entrySet()) {
            out.write(SEPARATOR + "\nDUMP OF SERVICE " + s.getKey() + ":\n" + s.getValue());
            if (!s.getValue().endsWith("\n")) out.write("\n");
            out.write("--------- 0.012s was the duration of dumpsys " + s.getKey() + ", ending at: 2024-03-21 11:07:22\n");
        }
        if (streamed != null) streamed.write(out);
        out.write(SEPARATOR + "\n");
        out.flush();
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
            @Override public void close() throws IOException { flush(); }
        };
    }

    /**
     * A dumpstate of at least {@code bytes} bytes for benchmarks: a {@code package} section with
     * {@code packages} packages, then filler services until the size is reached. Streamed.
     */
    public static DumpstateWriter large(long bytes, int packages) {
        return out -> {
            CountingWriter w = new CountingWriter(out);
            w.write(SEPARATOR + "\nDUMP OF SERVICE package:\nPackages:\n");
            for (int i = 0; i < packages; i++) {
                w.write("  Package [com.example.app" + i + "] (" + Integer.toHexString(i) + "):\n    userId=" + (10000 + i)
                        + "\n    codePath=/data/app/com.example.app" + i + "-1\n    versionCode=" + i + " minSdk=28 targetSdk=33\n"
                        + "    versionName=1." + i + "\n    timeStamp=2024-01-01 10:00:00\n    firstInstallTime=2024-01-01 10:00:00\n"
                        + "    lastUpdateTime=2024-02-01 10:00:00\n    installerPackageName=com.android.vending\n"
                        + "    pkgFlags=[ HAS_CODE ALLOW_CLEAR_USER_DATA ]\n    install permissions:\n"
                        + "      android.permission.INTERNET: granted=true\n");
            }
            w.write("\n");
            List<String> filler = new ArrayList<>();
            for (int i = 0; i < 64; i++) filler.add("  mFiller" + i + "=" + "x".repeat(100) + "\n");
            int service = 0;
            while (w.count < bytes) {
                w.write(SEPARATOR + "\nDUMP OF SERVICE filler" + service++ + ":\n");
                for (int i = 0; i < 10_000 && w.count < bytes; i++) w.write(filler.get(i % filler.size()));
            }
        };
    }

    private static final class CountingWriter {
        private final Writer out;
        long count;

        CountingWriter(Writer out) { this.out = out; }

        void write(String s) throws IOException {
            out.write(s);
            count += s.length();
        }
    }
}
