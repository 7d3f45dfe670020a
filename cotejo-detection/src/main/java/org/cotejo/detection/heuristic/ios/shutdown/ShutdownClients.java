package org.cotejo.detection.heuristic.ios.shutdown;

import java.util.List;
import java.util.Optional;
import org.cotejo.core.observable.FilePaths;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;

/**
 * What the shutdown.log rules know about where a process runs from. Published analyses of shutdown.log
 * (Kaspersky, 2024) found Pegasus processes still running at reboot from {@code /private/var/db/}
 * ({@code com.apple.xpc.roleaccountd.staging}) and other implants from {@code /private/var/tmp/};
 * the processes that legitimately hold up a reboot are system daemons and apps.
 */
final class ShutdownClients {
    /** The slug of the records these rules read. */
    static final String MODULE = "shutdown_log";

    /** Folders where implants ran from; {@code /var} is a link to {@code /private/var} on iOS. */
    static final List<String> IMPLANT_FOLDERS = List.of("/private/var/db/", "/private/var/tmp/", "/var/db/", "/var/tmp/");

    /**
     * Where legitimate delayers run from: the system ({@code /System}, {@code /usr}), built-in apps
     * ({@code /Applications}), App Store apps (their bundle container), and the cryptexes recent iOS
     * versions load Safari and parts of the system from.
     */
    static final List<String> LEGITIMATE_FOLDERS = List.of("/System/", "/usr/", "/Applications/",
            "/private/var/containers/Bundle/Application/", "/var/containers/Bundle/Application/", "/private/preboot/Cryptexes/");

    private ShutdownClients() {}

    /**
     * The client path, normalised ("//" and "/./" collapsed); null when the record has none or the
     * path has a ".." segment, which may lead anywhere and so is never taken as a system folder.
     */
    static String client(Fields r) {
        String raw = r.string("client");
        if (raw == null || raw.isBlank()) return null;
        try {
            return FilePaths.normalisePath(raw.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Optional<String> implantFolder(String client) {
        return IMPLANT_FOLDERS.stream().filter(client::startsWith).findFirst();
    }

    static boolean legitimate(String client) {
        return LEGITIMATE_FOLDERS.stream().anyMatch(client::startsWith);
    }

    /** Whether the process was still there after at least one "After Ns" line of its shutdown. */
    static boolean delayed(Fields r) {
        Number delay = r.number("delay");
        Number times = r.number("times_delayed");
        return (delay != null && delay.doubleValue() > 0) || (times != null && times.doubleValue() > 0);
    }

    /** The shutdown's time in words: its isodate, or "an unknown time" for a log cut short. */
    static String when(Fields r) {
        String t = r.string("isodate");
        return t == null || t.isBlank() ? "an unknown time" : t;
    }

    static java.time.Instant time(Fields r) {
        return MvtTime.parse(r.string("isodate"));
    }
}
