package org.cotejo.forensics.network.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes Suricata EVE JSON logs: one event object per line, with the common header fields EVE writes. */
final class EveWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringBuilder text = new StringBuilder();
    private long flowId = 1_000_000;

    /** Key, value pairs as a map (nulls left out); values may be maps made with this too. */
    static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) if (keyValues[i + 1] != null) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    /** An event: timestamp, flow_id, in_iface, event_type, src/dest, proto, then {@code rest}. */
    EveWriter event(String timestamp, String type, String src, int srcPort, String dest, int destPort, String proto, Object... rest) {
        Map<String, Object> m = obj("timestamp", timestamp, "flow_id", flowId++, "in_iface", "eth0", "event_type", type,
                "src_ip", src, "src_port", srcPort, "dest_ip", dest, "dest_port", destPort, "proto", proto);
        m.putAll(obj(rest));
        try {
            text.append(JSON.writeValueAsString(m)).append('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    EveWriter raw(String line) {
        text.append(line).append('\n');
        return this;
    }

    Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
