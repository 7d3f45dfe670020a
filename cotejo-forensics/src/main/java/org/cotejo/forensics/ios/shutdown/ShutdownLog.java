package org.cotejo.forensics.ios.shutdown;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * The processes still running at each shutdown ({@code shutdown.log}): a persistent implant shows up
 * here with its path, and often delays the reboot. Read line by line (see {@link ShutdownSequence}).
 *
 * <p>Records come out per file, in file path order, each file in its own (chronological) order; MVT
 * sorts the records of all files together. A log that ends without its SIGTERM line (cut short) still
 * yields its last processes, with no time, and a problem saying so; MVT drops them.
 */
public final class ShutdownLog implements ArtifactModule {
    static final Location FS_LOGS = Location.fs(
            "private/var/db/diagnostics/shutdown.log",
            "private/var/db/diagnostics/shutdown.*.log");
    /** In a sysdiagnose, rooted at the archive's top folder (or one level above it). */
    static final Location SYSDIAGNOSE_LOGS = Location.fs(
            "system_logs.logarchive/Extra/shutdown.log",
            "*/system_logs.logarchive/Extra/shutdown.log");
    /** Longer lines are cut: no real line comes near this, and a binary file must not fill the memory. */
    private static final int MAX_LINE = 64 * 1024;

    @Override public String name() { return "ShutdownLog"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_FS, EvidenceKind.SYSDIAGNOSE); }
    @Override public TraceClass trace() { return TraceClass.EXECUTION; }
    @Override public String description() { return "Processes still running at each shutdown (shutdown.log), with how long they delayed it"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        Location where = ctx.extraction().kind() == EvidenceKind.SYSDIAGNOSE ? SYSDIAGNOSE_LOGS : FS_LOGS;
        List<SourceFile> files = new ArrayList<>(ctx.locate(where));
        files.sort(Comparator.comparing(SourceFile::path));
        for (SourceFile file : files) {
            try {
                read(ctx, file);
            } catch (CotejoException | IOException e) {
                ctx.problem(file, "shutdown log not read to its end: " + e.getMessage());
            }
        }
    }

    private void read(ModuleContext ctx, SourceFile file) throws IOException {
        ShutdownSequence sequence = new ShutdownSequence(new ShutdownSequence.Sink() {
            @Override
            public void shutdown(BigDecimal unixTime, int sigtermLine, List<ShutdownSequence.Client> clients) {
                String isodate = IosTime.unixIso(unixTime);
                for (ShutdownSequence.Client c : clients) {
                    emit(ctx, file, isodate, c, "line " + sigtermLine + " (client at line " + c.firstLine() + ")");
                }
            }

            @Override
            public void unreadable(int line, String why) {
                ctx.problem(file, "line " + line + ": " + why);
            }
        });
        int number = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(ctx.open(file), StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            while (readLine(in, line)) sequence.line(++number, line.toString());
        }
        List<ShutdownSequence.Client> cut = sequence.unfinished();
        for (ShutdownSequence.Client c : cut) {
            emit(ctx, file, "", c, "line " + c.firstLine() + " (no SIGTERM line follows)");
        }
        if (!cut.isEmpty()) {
            ctx.problem(file, "ends without a SIGTERM line; its last " + cut.size() + " client(s) are kept without a shutdown time");
        }
        if (number > 0 && !sequence.recognisedAny()) {
            ctx.problem(file, "no 'remaining client pid', 'After' or 'SIGTERM' line in " + number + " line(s); not a shutdown.log as iOS writes it");
        }
    }

    private void emit(ModuleContext ctx, SourceFile file, String isodate, ShutdownSequence.Client c, String locator) {
        Fields f = Fields.builder()
                .put("isodate", isodate)
                .put("pid", c.pid())
                .put("client", c.client())
                .put("delay", c.delay())
                .put("times_delayed", c.timesDelayed())
                .build();
        ctx.emit(f, ctx.provenance(file, locator));
    }

    /** Reads one line into {@code out} (without its end), cut at {@link #MAX_LINE}; false at the end of input. */
    private static boolean readLine(Reader in, StringBuilder out) throws IOException {
        out.setLength(0);
        int c = in.read();
        if (c < 0) return false;
        while (c >= 0 && c != '\n') {
            if (c != '\r' && out.length() < MAX_LINE) out.append((char) c);
            c = in.read();
        }
        return true;
    }

    /**
     * The client's path, its own name as a process name, and every other component of the path as a
     * process name too: MVT matches a process indicator against any '/'-separated part of the client.
     */
    @Override
    public List<ObservedValue> observe(Fields r) {
        String client = r.string("client");
        Observations o = new Observations(trace());
        if (client == null || client.isBlank()) return o.list();
        o.add(ObservableType.FILE_PATH, "client", client);
        String[] parts = client.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isBlank()) o.add(ObservableType.PROCESS_NAME, "client", parts[i]);
        }
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("isodate"));
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "shutdown",
                "Client " + r.text("client") + " with PID " + r.text("pid") + " was running when the device was shut down"));
    }
}
