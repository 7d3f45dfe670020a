package org.cotejo.forensics.android.intrusion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes intrusion-logging exports as Android 16 does: files of newline-delimited JSON, one object per
 * line keyed by event type; as a folder, a zip, or a zip holding zips.
 */
final class IntrusionLogWriter {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The files of the export, by path, each a list of lines. */
    private final Map<String, List<String>> files = new LinkedHashMap<>();

    static ObjectNode dns(long millis, String host, String pkg, String... ips) {
        ObjectNode e = JSON.createObjectNode().put("event_time", millis).put("hostname", host).put("package_name", pkg);
        ArrayNode a = e.putArray("ip_addresses");
        for (String ip : ips) a.add(ip);
        return line("dns_event", e);
    }

    static ObjectNode connect(long millis, String ip, int port, String pkg) {
        return line("connect_event", JSON.createObjectNode().put("event_time", millis).put("ip_address", ip).put("port", port)
                .put("package_name", pkg));
    }

    /** A security event: metadata, then the tag with its details (an object, or a plain value). */
    static ObjectNode security(long nanos, int id, String tag, Object details) {
        ObjectNode e = JSON.createObjectNode().put("event_id", id).put("event_time", nanos).put("event_type", tag);
        e.set(tag, JSON.valueToTree(details));
        return line("security_event", e);
    }

    static ObjectNode line(String type, ObjectNode event) {
        ObjectNode l = JSON.createObjectNode();
        l.set(type, event);
        return l;
    }

    IntrusionLogWriter add(String path, Object... lines) {
        List<String> out = files.computeIfAbsent(path, k -> new ArrayList<>());
        for (Object l : lines) out.add(l instanceof String s ? s : l.toString());
        return this;
    }

    byte[] bytes(String path) {
        return (String.join("\n", files.get(path)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the export as a folder. */
    Path folder(Path root) throws IOException {
        for (String path : files.keySet()) {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes(path));
        }
        return root;
    }

    /** The export as zip bytes; {@code extra} adds raw entries (name, bytes pairs), e.g. nested zips or hostile names. */
    byte[] zipBytes(Object... extra) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String path : files.keySet()) put(zip, path, bytes(path));
            for (int i = 0; i < extra.length; i += 2) put(zip, (String) extra[i], (byte[]) extra[i + 1]);
        }
        return bytes.toByteArray();
    }

    /** Writes the export as a zip file. */
    Path zip(Path file, Object... extra) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(zipBytes(extra));
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
