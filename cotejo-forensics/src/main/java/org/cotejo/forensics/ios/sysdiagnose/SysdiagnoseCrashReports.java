package org.cotejo.forensics.ios.sysdiagnose;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cotejo.core.observable.FilePaths;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
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
 * Crash and diagnostic reports ({@code .ips}): which process crashed, hung or was killed, when, and
 * from which executable. Implants crash too, and their process names and paths are indicators.
 * MVT has no such built-in module (its sysdiagnose command only lists {@code bug_type}s); the record
 * follows MVT's conventions (snake_case keys, MVT time text).
 */
public final class SysdiagnoseCrashReports implements ArtifactModule {
    /** On the phone: the CrashReporter folder and its sub-folders (Retired, Panics, DiagnosticLogs/…). */
    static final Location DEVICE_REPORTS = Location.fs(
            "private/var/mobile/Library/Logs/CrashReporter/*.ips",
            "private/var/mobile/Library/Logs/CrashReporter/*/*.ips",
            "private/var/mobile/Library/Logs/CrashReporter/*/*/*.ips",
            "private/var/root/Library/Logs/CrashReporter/*.ips",
            "private/var/root/Library/Logs/CrashReporter/*/*.ips");
    /** In a sysdiagnose (re-rooted into its folder, or not when a folder above it was given). */
    static final Location SYSDIAGNOSE_REPORTS = Location.fs(
            "crashes_and_spins/*.ips",
            "crashes_and_spins/*/*.ips",
            "*/crashes_and_spins/*.ips",
            "*/crashes_and_spins/*/*.ips");

    @Override public String name() { return "SysdiagnoseCrashReports"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.SYSDIAGNOSE, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.EXECUTION; }
    @Override public String description() { return "crash and diagnostic reports (.ips): process names, executable paths, times"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        boolean sysdiagnose = ctx.extraction().kind() == EvidenceKind.SYSDIAGNOSE;
        for (SourceFile file : ctx.locate(sysdiagnose ? SYSDIAGNOSE_REPORTS : DEVICE_REPORTS)) {
            IpsReport report;
            try (InputStream in = ctx.open(file)) {
                report = IpsReport.read(in);
            } catch (IpsReport.NotAReport e) {
                ctx.problem(file, "not a diagnostic report: " + e.getMessage() + "; skipped");
                continue;
            } catch (java.io.IOException e) {
                ctx.problem(file, "could not be read (" + e.getMessage() + "); skipped");
                continue;
            }
            if (report.bodyError() != null) ctx.problem(file, report.bodyError() + "; the process path was not read");
            ctx.emit(fields(file.path(), report), ctx.provenance(file, "header line 1"));
        }
    }

    static Fields fields(String path, IpsReport report) {
        JsonNode h = report.header();
        String name = text(h, "name");
        if (name == null) name = text(h, "app_name");
        if (name == null) name = report.procName();
        String bugType = text(h, "bug_type");
        String rawTime = text(h, "timestamp");
        Instant time = IpsReport.time(rawTime);
        return Fields.builder()
                .put("file_path", path)
                .put("bug_type", bugType != null && bugType.matches("\\d{1,18}") ? (Object) Long.valueOf(bugType) : bugType)
                .put("name", name == null ? "" : name)
                .put("timestamp", MvtTime.format(time))
                // The header's own text (local time with its offset), kept beside the UTC conversion.
                .put("timestamp_raw", rawTime == null ? "" : rawTime)
                .put("os_version", nonNull(text(h, "os_version")))
                .put("incident_id", nonNull(text(h, "incident_id")))
                .put("process_path", report.procPath())
                .build();
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.PROCESS_NAME, "name", r.string("name"));
        String path = r.string("process_path");
        if (path != null && !path.isBlank()) {
            o.add(ObservableType.FILE_PATH, "process_path", path);
            o.add(ObservableType.PROCESS_NAME, "process_path", FilePaths.baseName(path.strip()));
        }
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        if (t == null) return List.of();
        String who = r.text("name").isEmpty() ? "unnamed process" : r.text("name");
        String path = r.text("process_path");
        return List.of(new TimelineEvent(t, slug(), "crash_report", "Diagnostic report (bug type " + r.text("bug_type") + ") for "
                + who + (path.isEmpty() ? "" : " (" + path + ")") + " in " + r.text("file_path")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
