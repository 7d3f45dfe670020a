package org.cotejo.forensics.android.tombstone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Fields;

/**
 * One native crash as a tombstone tells it, whichever form it came in (text or protobuf). The text and
 * protobuf tombstones debuggerd writes for the same crash give the same crash.
 *
 * @param buildFingerprint the build the device ran ({@code ro.build.fingerprint})
 * @param arch             "arm", "arm64", "x86", "x86_64", "riscv64" (the text form's ABI names)
 * @param time             the crash time, or null when the tombstone has none
 * @param processUptime    seconds the process had run, or null
 * @param commandLine      the process' command line, argument by argument (the text form has it as one string)
 * @param processName      the crashing thread's name
 * @param binaryPath       what debuggerd prints between {@code >>>} and {@code <<<}: the command line
 * @param selinuxLabel     the process' SELinux context (protobuf only), or null
 * @param signal           the signal that killed it, or null
 * @param causes           debuggerd's guesses at the cause, likeliest first
 */
public record Crash(String buildFingerprint, String revision, String arch, TombstoneTime time, Long processUptime,
                    List<String> commandLine, Long pid, Long tid, String processName, String binaryPath,
                    String selinuxLabel, Long uid, Signal signal, List<String> causes, String abortMessage) {

    /** A signal with its number, name and code, "UNKNOWN" for names the tombstone did not give. */
    public record Signal(long number, String name, long code, String codeName) {}

    public Crash {
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
        causes = causes == null ? List.of() : List.copyOf(causes);
    }

    /**
     * The record in MVT's shape, plus {@code timestamp_raw} (the text as the tombstone wrote it) and
     * {@code timestamp_utc} (the true instant, when the tombstone gave its offset).
     *
     * @param fileName      the tombstone's path in the extraction
     * @param fileTimestamp when the file was last modified, as the archive or folder records it ("" if unknown)
     */
    public Fields toFields(String fileName, String fileTimestamp) {
        Map<String, Object> signalInfo = null;
        if (signal != null) {
            signalInfo = new LinkedHashMap<>();
            signalInfo.put("code", signal.code());
            signalInfo.put("code_name", signal.codeName());
            signalInfo.put("name", signal.name());
            signalInfo.put("number", signal.number());
        }
        return Fields.builder()
                .put("file_name", fileName)
                .put("file_timestamp", fileTimestamp)
                .put("build_fingerprint", buildFingerprint)
                .put("revision", revision)
                .put("arch", arch)
                .put("timestamp", time == null ? null : time.mvtText())
                .put("timestamp_raw", time == null ? null : time.raw())
                .put("timestamp_utc", time == null || time.instant() == null ? null
                        : org.cotejo.forensics.record.MvtTime.format(time.instant()))
                .put("process_uptime", processUptime)
                .put("command_line", new ArrayList<>(commandLine))
                .put("pid", pid)
                .put("tid", tid)
                .put("process_name", processName)
                .put("binary_path", binaryPath)
                .put("selinux_label", selinuxLabel)
                .put("uid", uid)
                .put("signal_info", signalInfo)
                .put("cause", causes.isEmpty() ? null : causes.get(0))
                .put("causes", new ArrayList<>(causes))
                .put("abort_message", abortMessage)
                .build();
    }
}
