package org.cotejo.forensics.android.tombstone;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * Native crashes, from the tombstones debuggerd leaves in a bugreport ({@code FS/data/tombstones/}).
 * An exploit that fails, or a payload that misbehaves, often crashes the process it targeted, and the
 * tombstone names that process, the user it ran as and the signal.
 *
 * <p>Where: every entry named {@code tombstone_*}, in any folder ({@code FS/data/tombstones/tombstone_00}).
 * MVT's pattern is {@code *}{@code /tombstone_*}, whose {@code *} crosses folders, matched against names
 * that start with the folder's own name when the bugreport is a folder; so a folder's top-level tombstones
 * count too, and Cotejo takes them in a zip as well. A
 * {@code .pb} name is the protobuf form (Android 12 and later write both forms of each crash), any
 * other the text form. A file that is neither is reported and skipped; the others are still read.
 */
public final class Tombstones implements ArtifactModule {
    /** Tombstone files start with this name, in any folder of the bugreport. */
    static final String NAME_PREFIX = "tombstone_";
    /** A protobuf tombstone is read whole; real ones are well under a megabyte. */
    private static final long MAX_PROTOBUF_BYTES = 64L << 20;

    @Override public String name() { return "Tombstones"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.BUGREPORT); }
    @Override public TraceClass trace() { return TraceClass.EXECUTION; }
    @Override public String description() {
        return "Native crashes from the bugreport's tombstones (text and protobuf): process, user, signal, abort message";
    }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        for (SourceFile file : tombstones(ctx)) {
            Crash crash;
            try {
                crash = file.name().endsWith(".pb") ? readProtobuf(ctx, file) : readText(ctx, file);
            } catch (IOException | CotejoException e) {
                ctx.problem(file, "tombstone not read: " + e.getMessage());
                continue;
            }
            if (crash == null) continue;
            FileEntry entry = file.entry();
            String modified = entry.modified() == null ? "" : MvtTime.format(entry.modified());
            ctx.emit(crash.toFields(ctx.extraction().pathOf(entry.path()), modified), ctx.provenance(file, ""));
        }
    }

    private static List<SourceFile> tombstones(ModuleContext ctx) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        ctx.extraction().tree().walk(e -> {
            if (e.isFile() && e.name().startsWith(NAME_PREFIX)) out.add(SourceFile.of(e));
        });
        out.sort(Comparator.comparing(SourceFile::path));
        return out;
    }

    private static Crash readText(ModuleContext ctx, SourceFile file) throws IOException {
        Crash crash;
        try (InputStream in = ctx.open(file)) {
            crash = TombstoneText.read(in, p -> ctx.problem(file, p));
        }
        if (crash == null) {
            ctx.problem(file, "no tombstone header line (pid, uid, signal, Timestamp, Build fingerprint...); not a text tombstone, skipped");
        }
        return crash;
    }

    private static Crash readProtobuf(ModuleContext ctx, SourceFile file) throws IOException {
        byte[] bytes = ctx.readAll(file, MAX_PROTOBUF_BYTES);
        if (bytes.length == 0) {
            ctx.problem(file, "empty file; no protobuf tombstone in it, skipped");
            return null;
        }
        try {
            return TombstoneProto.read(bytes);
        } catch (InvalidProtocolBufferException e) {
            ctx.problem(file, "not a protobuf tombstone (" + e.getMessage() + "); skipped");
            return null;
        }
    }

    /**
     * The process name, and when it is a path its file name as a process name and the path as a file
     * path; the first argument of the command line likewise (MVT checks process indicators against the
     * name, then against the command's file name).
     */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        pathOrName(o, "process_name", r.string("process_name"));
        List<String> cmd = r.strings("command_line");
        if (!cmd.isEmpty()) {
            String first = cmd.get(0).strip().split("\\s+", 2)[0];
            pathOrName(o, "command_line[0]", first);
        }
        return o.list();
    }

    private static void pathOrName(Observations o, String field, String value) {
        if (value == null || value.isBlank() || value.equals("Unknown")) return;
        String v = value.strip();
        if (v.indexOf('/') < 0) {
            o.add(ObservableType.PROCESS_NAME, field, v);
            return;
        }
        if (v.startsWith("/")) o.add(ObservableType.FILE_PATH, field, v);
        String base = v.substring(v.lastIndexOf('/') + 1);
        o.add(ObservableType.PROCESS_NAME, field, base);
    }

    /**
     * The crash at its time. A tombstone states the device's UTC offset, so the time is a true instant;
     * only a tombstone without an offset (or a record read back from MVT, which drops it) gives the
     * device's wall clock, labelled device-local.
     */
    @Override
    public List<TimelineEvent> timeline(Fields r) {
        TombstoneTime t = TombstoneTime.parse(r.string("timestamp_raw"));
        Instant when;
        boolean deviceLocal;
        if (t != null) {
            when = t.instantOrWallClock();
            deviceLocal = t.offset() == null;
        } else {
            when = MvtTime.parse(r.string("timestamp"));
            deviceLocal = true;
        }
        if (when == null) return List.of();
        Fields signal = r.object("signal_info");
        return List.of(new TimelineEvent(when, slug(), "crash", "Crash in '" + r.text("process_name") + "' process running as UID '"
                + r.text("uid") + "' in file '" + r.text("file_name") + "' Crash type '" + (signal == null ? "" : signal.text("name"))
                + "' with code '" + (signal == null ? "" : signal.text("code_name")) + "'", deviceLocal));
    }
}
