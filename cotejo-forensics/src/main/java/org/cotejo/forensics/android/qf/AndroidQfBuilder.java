package org.cotejo.forensics.android.qf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an AndroidQF collection the way AndroidQF lays it out, as a folder or a {@code .zip}: {@code
 * packages.json}, {@code ps.txt}, {@code getprop.txt}, {@code settings_<ns>.txt}, {@code files.json} (JSON
 * array or NDJSON), {@code root_binaries.json}, {@code mounts.json}, {@code logs/*}, {@code acquisition.json},
 * and any other bytes given ({@code bugreport.zip}, {@code backup.ab}, {@code intrusion_logs/…}, or a damaged
 * version of a standard file, which then replaces it). A file is written only when something was put in it.
 *
 * <p>{@link #generate} adds bulk content (packages with APK hashes and certificates, file entries) that is
 * produced while writing and streamed to disk, so a benchmark collection of 500,000 files never sits in
 * memory. Generated values are deterministic: the same call writes the same bytes.
 */
public final class AndroidQfBuilder {
    private final Map<String, String> props = new LinkedHashMap<>();
    private final List<Pkg> packages = new ArrayList<>();
    private final List<String> psLines = new ArrayList<>();
    private final Map<String, Map<String, String>> settings = new TreeMap<>();
    private final List<FileItem> files = new ArrayList<>();
    private final List<String> rootBinaries = new ArrayList<>();
    private final List<String> mounts = new ArrayList<>();
    private final Map<String, Raw> raw = new LinkedHashMap<>();
    private boolean ndjson;
    private String folder = "";
    private int bulkPackages;
    private int bulkFiles;

    /** Bytes of one entry and its modification time: a true instant, or a DOS wall clock (zip only). */
    private record Raw(byte[] bytes, Instant modified, LocalDateTime wallClock) {}

    public static AndroidQfBuilder collection() { return new AndroidQfBuilder(); }

    /** A property in {@code getprop.txt}. */
    public AndroidQfBuilder prop(String name, String value) {
        props.put(name, value);
        return this;
    }

    public AndroidQfBuilder pkg(Pkg p) {
        packages.add(p);
        return this;
    }

    /** A {@code ps -A} line for a process (WCHAN and ADDR columns filled as toybox prints them). */
    public AndroidQfBuilder process(String user, long pid, long ppid, String name) {
        return psLine(String.format("%-12s %6d %5d %7d %6d %-16s %1s %s %s", user, pid, ppid, 12345, 678, "0", "0", "S", name));
    }

    /** A line of {@code ps.txt} as given (the header line is written first in any case). */
    public AndroidQfBuilder psLine(String line) {
        psLines.add(line);
        return this;
    }

    /** {@code key=value} in {@code settings_<namespace>.txt}. */
    public AndroidQfBuilder setting(String namespace, String key, String value) {
        settings.computeIfAbsent(namespace, k -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    public AndroidQfBuilder file(FileItem f) {
        files.add(f);
        return this;
    }

    /** Writes {@code files.json} as NDJSON (one object per line) instead of a JSON array. */
    public AndroidQfBuilder filesAsNdjson() {
        ndjson = true;
        return this;
    }

    public AndroidQfBuilder rootBinary(String path) {
        rootBinaries.add(path);
        return this;
    }

    /** One element of {@code mounts.json}: a {@code mount} output line (or several joined with '\n'). */
    public AndroidQfBuilder mount(String line) {
        mounts.add(line);
        return this;
    }

    /** {@code logs/<name>}, modified at a true instant (a zip gets an extended timestamp). */
    public AndroidQfBuilder log(String name, String text, Instant modified) {
        raw.put("logs/" + name, new Raw(text.getBytes(StandardCharsets.UTF_8), modified, null));
        return this;
    }

    /** {@code logs/<name>} whose zip entry holds only a DOS date and time, a wall clock without zone. */
    public AndroidQfBuilder logAtWallClock(String name, String text, LocalDateTime wallClock) {
        raw.put("logs/" + name, new Raw(text.getBytes(StandardCharsets.UTF_8), null, wallClock));
        return this;
    }

    /** {@code acquisition.json} with its start time and the host's ADB public key ("" to leave it out). */
    public AndroidQfBuilder acquisition(String started, String adbHostPublicKey) {
        StringBuilder json = new StringBuilder("{\n  \"uuid\": \"00000000-0000-4000-8000-000000000001\",\n");
        json.append("  \"androidqf_version\": \"1.7.0\",\n  \"started\": \"").append(started).append('"');
        if (!adbHostPublicKey.isEmpty()) json.append(",\n  \"adb_host_public_key\": \"").append(adbHostPublicKey).append('"');
        json.append("\n}\n");
        return raw("acquisition.json", json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Any entry, by its path in the collection; replaces a standard file of the same name. */
    public AndroidQfBuilder raw(String path, byte[] bytes) {
        raw.put(path, new Raw(bytes, null, null));
        return this;
    }

    public AndroidQfBuilder raw(String path, String text) {
        return raw(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Puts everything under one folder, as AndroidQF's zips do ({@code androidqfzip/getprop.txt}). */
    public AndroidQfBuilder inFolder(String name) {
        folder = name.endsWith("/") ? name : name + "/";
        return this;
    }

    /**
     * Adds {@code packageCount} generated packages (each with one APK, its MD5/SHA-1/SHA-256/SHA-512 and a
     * signing certificate) and {@code fileCount} generated file entries with hashes, written as they are
     * produced.
     */
    public AndroidQfBuilder generate(int packageCount, int fileCount) {
        bulkPackages = packageCount;
        bulkFiles = fileCount;
        return this;
    }

    /** Writes the collection into {@code dir} (created if needed); returns it. */
    public Path writeFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(new Sink() {
            @Override
            public OutputStream open(String name) throws IOException {
                Path p = dir.resolve(folder + name);
                Files.createDirectories(p.getParent());
                return Files.newOutputStream(p);
            }

            @Override
            public void done(String name, Raw r) throws IOException {
                Instant t = r == null ? null : r.modified() != null ? r.modified()
                        : r.wallClock() != null ? r.wallClock().toInstant(ZoneOffset.UTC) : null;
                if (t != null) Files.setLastModifiedTime(dir.resolve(folder + name), FileTime.from(t));
            }
        });
        return dir;
    }

    /** Writes the collection as a zip file; returns it. */
    public Path writeZip(Path zipFile) throws IOException {
        if (zipFile.getParent() != null) Files.createDirectories(zipFile.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile))) {
            if (!folder.isEmpty()) zip.putNextEntry(new ZipEntry(folder));
            write(new Sink() {
                private ZipEntry current;

                @Override
                public OutputStream open(String name) throws IOException {
                    current = new ZipEntry(folder + name);
                    Raw r = raw.get(name);
                    if (r != null && r.wallClock() != null) current.setTimeLocal(r.wallClock());
                    else if (r != null && r.modified() != null) current.setLastModifiedTime(FileTime.from(r.modified()));
                    else current.setTimeLocal(LocalDateTime.of(2024, 3, 21, 11, 7, 22));
                    zip.putNextEntry(current);
                    return new OutputStream() { // the zip stays open for the next entry
                        @Override public void write(int b) throws IOException { zip.write(b); }
                        @Override public void write(byte[] b, int off, int len) throws IOException { zip.write(b, off, len); }
                        @Override public void close() throws IOException { zip.closeEntry(); }
                    };
                }

                @Override
                public void done(String name, Raw r) {}
            });
        }
        return zipFile;
    }

    private interface Sink {
        OutputStream open(String name) throws IOException;

        void done(String name, Raw r) throws IOException;
    }

    private void write(Sink sink) throws IOException {
        Map<String, Raw> extra = new LinkedHashMap<>(raw);
        if (!props.isEmpty()) text(sink, extra, "getprop.txt", out -> props.forEach((k, v) -> out.append('[').append(k)
                .append("]: [").append(v).append("]\n")));
        if (!psLines.isEmpty()) text(sink, extra, "ps.txt", out -> {
            out.append("USER           PID  PPID     VSZ    RSS WCHAN            ADDR S NAME\n");
            psLines.forEach(l -> out.append(l).append('\n'));
        });
        for (var ns : settings.entrySet()) {
            text(sink, extra, "settings_" + ns.getKey() + ".txt", out -> ns.getValue().forEach((k, v) -> out.append(k).append('=').append(v).append('\n')));
        }
        if (!rootBinaries.isEmpty()) json(sink, extra, "root_binaries.json", g -> strings(g, rootBinaries));
        if (!mounts.isEmpty()) json(sink, extra, "mounts.json", g -> strings(g, mounts));
        if (!packages.isEmpty() || bulkPackages > 0) json(sink, extra, "packages.json", g -> {
            g.writeStartArray();
            for (Pkg p : packages) p.write(g);
            for (int i = 0; i < bulkPackages; i++) Generated.pkg(i).write(g);
            g.writeEndArray();
        });
        if (!files.isEmpty() || bulkFiles > 0) filesJson(sink, extra);
        for (var e : extra.entrySet()) {
            try (OutputStream out = sink.open(e.getKey())) {
                out.write(e.getValue().bytes());
            }
            sink.done(e.getKey(), e.getValue());
        }
    }

    private void filesJson(Sink sink, Map<String, Raw> extra) throws IOException {
        if (extra.containsKey("files.json")) return;
        try (OutputStream out = sink.open("files.json");
             JsonGenerator g = new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.setRootValueSeparator(null);
            if (!ndjson) g.writeStartArray();
            List<FileItem> all = new ArrayList<>(files);
            for (int i = 0; i < files.size() + bulkFiles; i++) {
                FileItem f = i < files.size() ? all.get(i) : Generated.file(i - files.size());
                f.write(g);
                if (ndjson) {
                    g.flush();
                    out.write('\n');
                }
            }
            if (!ndjson) g.writeEndArray();
        }
        sink.done("files.json", null);
    }

    private interface TextBody {
        void write(StringBuilder out);
    }

    private interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static void text(Sink sink, Map<String, Raw> extra, String name, TextBody body) throws IOException {
        if (extra.containsKey(name)) return;
        StringBuilder sb = new StringBuilder();
        body.write(sb);
        try (OutputStream out = sink.open(name)) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        sink.done(name, null);
    }

    private static void json(Sink sink, Map<String, Raw> extra, String name, JsonBody body) throws IOException {
        if (extra.containsKey(name)) return;
        try (OutputStream out = sink.open(name);
             JsonGenerator g = new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        }
        sink.done(name, null);
    }

    private static void strings(JsonGenerator g, List<String> values) throws IOException {
        g.writeStartArray();
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }
}
