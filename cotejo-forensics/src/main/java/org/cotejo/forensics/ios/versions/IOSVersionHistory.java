package org.cotejo.forensics.ios.versions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Set;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * The iOS versions the phone ran, from the analytics journals ({@code Analytics-Journal-*.ips}): each
 * journal starts with a one-line JSON header giving when it was written and the iOS version then.
 */
public final class IOSVersionHistory implements ArtifactModule {
    static final Location JOURNALS = Location.fs("private/var/db/analyticsd/Analytics-Journal-*.ips");
    /** The header is one short line; anything longer than this is not a journal header. */
    private static final int MAX_HEADER = 64 * 1024;
    /** "2022-04-26 14:21:33.00 +0200": local time with its offset. */
    private static final DateTimeFormatter HEADER_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendLiteral(' ')
            .appendOffset("+HHMM", "+0000")
            .toFormatter();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override public String name() { return "IOSVersionHistory"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.CONTEXT; }
    @Override public String description() { return "iOS versions over time, from the analytics journals (Analytics-Journal-*.ips)"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        for (SourceFile file : ctx.locate(JOURNALS)) {
            try {
                String header = firstLine(ctx, file);
                JsonNode json = JSON.readTree(header);
                if (json == null || !json.isObject()) {
                    ctx.problem(file, "first line is not a JSON object; journal skipped");
                    continue;
                }
                String timestamp = json.path("timestamp").asText(null);
                Instant t = parse(timestamp);
                if (t == null) {
                    ctx.problem(file, "header has no readable timestamp (" + CotejoException.printable(String.valueOf(timestamp))
                            + "); journal skipped");
                    continue;
                }
                Fields f = Fields.builder()
                        .put("isodate", MvtTime.format(t))
                        .put("os_version", json.path("os_version").asText(null))
                        .build();
                ctx.emit(f, ctx.provenance(file, "line 1"));
            } catch (JsonProcessingException e) {
                ctx.problem(file, "first line is not JSON (" + e.getOriginalMessage() + "); journal skipped");
            } catch (CotejoException | IOException e) {
                ctx.problem(file, "journal skipped: " + e.getMessage());
            }
        }
    }

    private static String firstLine(ModuleContext ctx, SourceFile file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new java.io.BufferedInputStream(ctx.open(file))) {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (out.size() >= MAX_HEADER) throw new CotejoException("first line is over " + MAX_HEADER + " bytes; not a journal header");
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Instant parse(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) return null;
        try {
            return OffsetDateTime.parse(timestamp.strip(), HEADER_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // Other writers of the same header: no offset (UTC) or MVT's own text.
            return MvtTime.parse(timestamp);
        }
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("isodate"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "ios_version", "Recorded iOS version " + r.text("os_version")));
    }
}
