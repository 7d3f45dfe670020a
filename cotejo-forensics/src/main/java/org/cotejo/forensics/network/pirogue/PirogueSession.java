package org.cotejo.forensics.network.pirogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.network.logs.LogLines;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * What a PiRogue session says about itself, beside the traffic its nested capture and EVE log hold:
 * one record per TLS key log ({@code record: "tls_key_log"}: how many secrets, by label, for how many
 * TLS sessions (distinct client randoms), and how many lines are not key-log lines) and one for
 * {@code experiment.json} ({@code record: "experiment"}: when the network and device captures started,
 * and the files it lists). The secrets themselves are never copied into a record: that a key log exists,
 * and for how many sessions, is what the report needs; decrypting the traffic is left to Wireshark.
 */
public final class PirogueSession implements ArtifactModule {
    /** NSS key log lines: a label, the 32-byte client random in hex, the secret in hex. */
    private static final Pattern KEY_LINE = Pattern.compile("([A-Z0-9_]+) ([0-9a-fA-F]{64}) ([0-9a-fA-F]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override public String name() { return "PirogueSession"; }
    @Override public String description() { return "A PiRogue session's TLS key log (secrets counted, never copied) and experiment.json"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.PIROGUE); }
    @Override public TraceClass trace() { return TraceClass.CONTEXT; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        List<SourceFile> files = new ArrayList<>();
        ctx.extraction().tree().walk(e -> {
            if (e.isFile()) files.add(SourceFile.of(e));
        });
        files.sort(java.util.Comparator.comparing(SourceFile::path));
        for (SourceFile f : files) {
            if (f.name().equals(PirogueSessions.EXPERIMENT)) experiment(ctx, f);
            else if (PirogueSessions.isKeyLogName(f.name())) keyLog(ctx, f);
        }
    }

    private static void keyLog(ModuleContext ctx, SourceFile file) throws IOException {
        Map<String, Long> labels = new TreeMap<>();
        Set<String> randoms = new HashSet<>();
        long keys = 0;
        long other = 0;
        try (InputStream in = new BufferedInputStream(ctx.open(file), 1 << 16)) {
            LogLines lines = new LogLines(in);
            while (lines.next()) {
                if (lines.isBlank()) continue;
                String t = lines.tooLong() ? null : lines.text();
                if (t != null && t.startsWith("#")) continue;
                var m = t == null ? null : KEY_LINE.matcher(t.strip());
                if (m == null || !m.matches()) {
                    other++;
                    continue;
                }
                keys++;
                labels.merge(m.group(1), 1L, Long::sum);
                randoms.add(m.group(2).toLowerCase(java.util.Locale.ROOT));
            }
        } catch (IOException e) {
            ctx.problem(file, "not read to its end: " + e.getMessage() + "; the keys before were counted");
        }
        if (other > 0) ctx.problem(file, other + " line(s) are not SSLKEYLOGFILE lines (LABEL CLIENT_RANDOM SECRET); not counted");
        ctx.emit(Fields.builder().put("record", "tls_key_log").put("file", file.path()).put("keys", keys)
                .put("tls_sessions", (long) randoms.size()).put("labels", labels).put("other_lines", other).build(),
                ctx.provenance(file, "whole file"));
    }

    private static void experiment(ModuleContext ctx, SourceFile file) throws IOException {
        JsonNode n;
        try {
            n = JSON.readTree(ctx.readAll(file, 1 << 20));
        } catch (IOException e) {
            ctx.problem(file, "is not valid JSON: " + e.getMessage() + "; skipped");
            return;
        }
        if (n == null || !n.isObject()) {
            ctx.problem(file, "is not a JSON object; skipped");
            return;
        }
        Fields.Builder b = Fields.builder().put("record", "experiment").put("file", file.path());
        List<String> listed = new ArrayList<>();
        n.fields().forEachRemaining(e -> {
            JsonNode part = e.getValue();
            if (part.path("file").isTextual()) listed.add(part.get("file").asText());
            JsonNode start = part.get("start_capture_time");
            if (start != null && start.isNumber()) {
                Instant t = millis(start.decimalValue());
                b.put(e.getKey() + "_start", t == null ? null : MvtTime.format(t));
            }
        });
        b.put("files", listed);
        ctx.emit(b.build(), ctx.provenance(file, "whole file"));
    }

    private static Instant millis(BigDecimal ms) {
        try {
            return org.cotejo.core.time.Epoch.UNIX_MILLIS.toInstant(ms);
        } catch (IllegalArgumentException e) { // out of Instant's range
            return null;
        }
    }

    @Override
    public List<ObservedValue> observe(Fields r) { return List.of(); }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        if (!"experiment".equals(r.string("record"))) return List.of();
        Instant t = MvtTime.parse(r.string("network_start"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "capture_started", "PiRogue network capture started (" + r.text("file") + ")"));
    }
}
