package org.cotejo.forensics.android.intrusion;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * Android's security log ({@code security_event}) from an intrusion-logging export: processes started,
 * ADB commands and file transfers, packages installed, certificate authorities added, key and
 * self-test failures, lock-screen events. Each event has metadata ({@code event_id}, {@code event_time}
 * in epoch nanoseconds, {@code event_type}) and one tag key naming what happened, whose value holds the
 * details ({@code "app_process_start": {"process": …, "uid": …, "pid": …}}). Read like {@link DnsEvent}.
 */
public final class SecurityEvent implements ArtifactModule {
    static final String TYPE = "security_event";
    /** Keys that describe the event rather than name it; the tag is the first other key. */
    static final Set<String> METADATA = Set.of("event_id", "event_time", "event_type", "timestamp", "timestamp_local", "timezone");
    /** The tags of Android's SecurityLog API (event ids 210001–210046). */
    static final Set<String> KNOWN_TAGS = Set.of("adb_shell_interactive", "adb_shell_cmd", "adb_sync_recv_file", "adb_sync_send_file",
            "app_process_start", "keyguard_dismissed", "keyguard_dismiss_auth_attempt", "keyguard_secured", "os_startup", "os_shutdown",
            "logging_started", "logging_stopped", "media_mount", "media_unmount", "log_buffer_size_critical", "password_expiration_set",
            "password_complexity_set", "password_history_length_set", "max_screen_lock_timeout_set", "max_password_attempts_set",
            "keyguard_disabled_features_set", "remote_lock", "wipe_failure", "key_generated", "key_import", "key_destruction",
            "user_restriction_added", "user_restriction_removed", "cert_authority_installed", "cert_authority_removed",
            "crypto_self_test_completed", "key_integrity_violation", "cert_validation_failure", "camera_policy_set",
            "password_complexity_required", "password_changed", "wifi_connection", "wifi_disconnection", "bluetooth_connection",
            "bluetooth_disconnection", "package_installed", "package_updated", "package_uninstalled", "backup_service_toggled",
            "nfc_enabled", "nfc_disabled");

    @Override public String name() { return "SecurityEvent"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.INTRUSION_LOGS); }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() {
        return "Security log (process starts, ADB commands, installs, CA certificates, key failures) from an Android 16 intrusion-logging export";
    }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        TreeMap<String, Long> unknown = new TreeMap<>();
        IntrusionLogReader.read(ctx, TYPE, (file, line, event) -> {
            String tag = null;
            for (var it = event.fieldNames(); it.hasNext() && tag == null; ) {
                String key = it.next();
                if (!METADATA.contains(key)) tag = key;
            }
            if (tag != null && !KNOWN_TAGS.contains(tag) && unknown.size() < 100) unknown.merge(tag, 1L, Long::sum);
            EventRecords.emit(ctx, file, line, event, EventRecords.Unit.NANOS);
        });
        if (!unknown.isEmpty()) {
            StringBuilder names = new StringBuilder();
            unknown.forEach((t, n) -> names.append(names.length() == 0 ? "" : ", ").append(t).append(" (").append(n).append(")"));
            ctx.problem(null, "Found unknown security event tag(s): " + names + "; kept as they are, with a generic timeline sentence");
        }
    }

    /** The event's tag ("app_process_start"): its first key that is not metadata; null when it has none. */
    public static String tag(Fields r) {
        for (String key : r.keys()) if (!METADATA.contains(key)) return key;
        return null;
    }

    /**
     * Whether the event reports success: its {@code success} (or {@code result}) detail is true or
     * non-zero, or, when the tag's value is a plain number or boolean, that value is 1 or true. No
     * outcome at all counts as success, as Android only logs an outcome where the call has one.
     */
    public static boolean succeeded(Fields r) {
        String tag = tag(r);
        if (tag == null) return true;
        Fields v = r.object(tag);
        if (v != null) {
            String key = v.has("success") ? "success" : v.has("result") ? "result" : null;
            return key == null || v.get(key) == null || v.truthy(key);
        }
        Object plain = r.get(tag);
        if (plain == null) return true;
        if (plain instanceof Boolean b) return b;
        Number n = r.number(tag);
        return n != null ? n.doubleValue() == 1 : r.truthy(tag);
    }

    /**
     * The app that started (full process name, its package before ':' and each ':' part after it, which
     * MVT checks as app ids too), package ids installed or removed, ADB shell commands (the command
     * itself, which MVT checks as an app id, the program it ran and every path in it) and the paths
     * of files pushed or pulled over ADB.
     */
    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        String tag = tag(r);
        if (tag == null) return o.list();
        Fields v = r.object(tag);
        String field = tag + ".";
        switch (tag) {
            case "app_process_start" -> {
                String process = v == null ? null : v.string("process");
                if (process == null || process.isBlank()) break;
                o.add(ObservableType.PROCESS_NAME, field + "process", process, TraceClass.EXECUTION);
                o.add(ObservableType.APP_ID, field + "process", process, TraceClass.EXECUTION);
                String[] parts = process.split(":");
                for (String part : parts) o.add(ObservableType.APP_ID, field + "process", part, TraceClass.EXECUTION);
            }
            case "package_installed", "package_updated", "package_uninstalled" ->
                    o.add(ObservableType.APP_ID, field + "package_name", v == null ? null : v.string("package_name"));
            case "adb_shell_cmd" -> {
                String command = v == null ? r.string(tag) : v.string("command");
                if (command == null || command.isBlank()) break;
                o.add(ObservableType.APP_ID, field + "command", command.strip(), TraceClass.EXECUTION);
                String[] tokens = command.strip().split("\\s+");
                String program = tokens[0].substring(tokens[0].lastIndexOf('/') + 1);
                o.add(ObservableType.PROCESS_NAME, field + "command", program, TraceClass.EXECUTION);
                for (String token : tokens) {
                    String t = token.replaceAll("^['\"]|['\";]$", "");
                    if (t.startsWith("/")) o.add(ObservableType.FILE_PATH, field + "command", t, TraceClass.EXECUTION);
                }
            }
            case "adb_sync_recv_file", "adb_sync_send_file" ->
                    o.add(ObservableType.FILE_PATH, field + "path", v == null ? r.string(tag) : v.string("path"), TraceClass.FILESYSTEM);
            default -> { }
        }
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = EventRecords.time(r, EventRecords.Unit.NANOS);
        String tag = tag(r);
        if (t == null || tag == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), tag, SecurityEventSentences.describe(tag, r)));
    }
}
