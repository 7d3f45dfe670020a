package org.cotejo.forensics.android.intrusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Fields;

/**
 * One human sentence per security-log event for the timeline ("Process started: com.x (UID: 10123,
 * PID: 4242)"), after MVT's wording; a tag without its own sentence reads "<tag>: <details>".
 */
final class SecurityEventSentences {
    private SecurityEventSentences() {}

    static String describe(String tag, Fields r) {
        Fields v = r.object(tag);
        return switch (tag) {
            case "adb_shell_interactive" -> "ADB interactive shell opened";
            case "adb_shell_cmd" -> "ADB shell command: " + orScalar(v, r, tag, "command");
            case "adb_sync_recv_file" -> "ADB file pulled from the device: " + orScalar(v, r, tag, "path");
            case "adb_sync_send_file" -> "ADB file pushed to the device: " + orScalar(v, r, tag, "path");
            case "app_process_start" -> "Process started: " + text(v, "process") + " (UID: " + text(v, "uid") + ", PID: " + text(v, "pid") + ")";
            case "keyguard_dismissed" -> "Keyguard dismissed";
            case "keyguard_secured" -> "Keyguard secured";
            case "keyguard_dismiss_auth_attempt" -> "Auth attempt: " + (SecurityEvent.succeeded(r) ? "Success" : "Failure")
                    + " (method strength: " + text(v, "method_strength") + ")";
            case "os_startup" -> "OS started" + details(v, " (", ")");
            case "os_shutdown" -> "OS shut down";
            case "logging_started" -> "Security logging started";
            case "logging_stopped" -> "Security logging stopped";
            case "log_buffer_size_critical" -> "Security log buffer nearly full";
            case "media_mount" -> "Media mounted: " + text(v, "mount_point") + details(v, " (", ")");
            case "media_unmount" -> "Media unmounted: " + text(v, "mount_point") + details(v, " (", ")");
            case "key_generated" -> (SecurityEvent.succeeded(r) ? "Key generated: " : "Key generation failed: ") + alias(v) + " (UID: " + text(v, "uid") + ")";
            case "key_import" -> (SecurityEvent.succeeded(r) ? "Key imported: " : "Key import failed: ") + alias(v) + " (UID: " + text(v, "uid") + ")";
            case "key_destruction" -> (SecurityEvent.succeeded(r) ? "Key destroyed: " : "Key destruction failed: ") + alias(v) + " (UID: " + text(v, "uid") + ")";
            case "key_integrity_violation" -> "Key integrity violation: " + alias(v) + " (UID: " + text(v, "uid") + ")";
            case "cert_authority_installed" -> "Certificate authority installed: " + text(v, "subject") + (SecurityEvent.succeeded(r) ? "" : " (failed)");
            case "cert_authority_removed" -> "Certificate authority removed: " + text(v, "subject") + (SecurityEvent.succeeded(r) ? "" : " (failed)");
            case "cert_validation_failure" -> "Certificate validation failure: " + orScalar(v, r, tag, "reason");
            case "crypto_self_test_completed" -> "Cryptographic self test " + (SecurityEvent.succeeded(r) ? "passed" : "failed");
            case "wipe_failure" -> "Device wipe failure";
            case "remote_lock" -> "Device locked remotely" + details(v, " (", ")");
            case "password_changed" -> "Password changed" + details(v, " (", ")");
            case "package_installed" -> "Package installed: " + text(v, "package_name") + details(v, " (", ")", "package_name");
            case "package_updated" -> "Package updated: " + text(v, "package_name") + details(v, " (", ")", "package_name");
            case "package_uninstalled" -> "Package uninstalled: " + text(v, "package_name") + details(v, " (", ")", "package_name");
            default -> tag + ": " + (v == null ? r.text(tag) : details(v, "", ""));
        };
    }

    private static String alias(Fields v) {
        for (String k : List.of("alias", "key_alias", "key_id")) {
            if (v != null && v.string(k) != null) return v.string(k);
        }
        return "";
    }

    private static String orScalar(Fields v, Fields r, String tag, String key) {
        return v == null ? r.text(tag) : v.text(key);
    }

    private static String text(Fields v, String key) {
        return v == null ? "" : v.text(key);
    }

    /** "k=v, k=v" of the details, but {@code skip}, wrapped in {@code open}/{@code close}; "" when there are none. */
    private static String details(Fields v, String open, String close, String... skip) {
        if (v == null) return "";
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : v.asMap().entrySet()) {
            if (List.of(skip).contains(e.getKey())) continue;
            parts.add(e.getKey() + "=" + e.getValue());
        }
        return parts.isEmpty() ? "" : open + String.join(", ", parts) + close;
    }
}
