package org.cotejo.forensics.android.tombstone;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.forensics.android.tombstone.proto.TombstoneProtos;

/**
 * Reads a protobuf tombstone ({@code tombstone_NN.pb}, AOSP's {@code tombstone.proto}). Fields are
 * taken as debuggerd wrote them, shaped like the text form's so both forms of one crash read the same:
 * the process name is the name of the crashing thread (the thread whose id is the tid, "Unknown" when
 * the dump lacks it), and the path between {@code >>> <<<} is the command line joined by spaces, as
 * debuggerd prints it in the text form.
 */
final class TombstoneProto {
    private TombstoneProto() {}

    /** The crash in {@code bytes}; throws when they are not a protobuf message. */
    static Crash read(byte[] bytes) throws InvalidProtocolBufferException {
        TombstoneProtos.Tombstone t = TombstoneProtos.Tombstone.parseFrom(bytes);
        long tid = Integer.toUnsignedLong(t.getTid());
        TombstoneProtos.Thread crashing = t.getThreadsMap().get(t.getTid());
        String processName = crashing == null ? "Unknown" : crashing.getName();
        List<String> commandLine = new ArrayList<>(t.getCommandLineList());
        List<String> causes = new ArrayList<>();
        for (TombstoneProtos.Cause c : t.getCausesList()) causes.add(c.getHumanReadable());
        Crash.Signal signal = null;
        if (t.hasSignalInfo()) {
            TombstoneProtos.Signal s = t.getSignalInfo();
            signal = new Crash.Signal(s.getNumber(), orUnknown(s.getName()), s.getCode(), orUnknown(s.getCodeName()));
        }
        String timestamp = t.getTimestamp();
        return new Crash(t.getBuildFingerprint(), t.getRevision(), arch(t.getArchValue()),
                timestamp.isEmpty() ? null : TombstoneTime.parse(timestamp),
                Integer.toUnsignedLong(t.getProcessUptime()), commandLine,
                Integer.toUnsignedLong(t.getPid()), tid, processName,
                commandLine.isEmpty() ? null : String.join(" ", commandLine),
                cString(t.getSelinuxLabel()), Integer.toUnsignedLong(t.getUid()), signal, causes,
                t.getAbortMessage().isEmpty() ? null : t.getAbortMessage());
    }

    /** The text form's ABI names, so both forms agree; a number newer than this schema stays a number. */
    private static String arch(int value) {
        TombstoneProtos.Architecture a = TombstoneProtos.Architecture.forNumber(value);
        if (a == null) return "architecture " + value;
        return switch (a) {
            case ARM32 -> "arm";
            case ARM64 -> "arm64";
            case X86 -> "x86";
            case X86_64 -> "x86_64";
            case RISCV64 -> "riscv64";
            case NONE, UNRECOGNIZED -> "none";
        };
    }

    /** debuggerd copies the SELinux context with its C string terminator; the NUL is not part of it. */
    private static String cString(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') end--;
        return end == 0 ? null : s.substring(0, end);
    }

    private static String orUnknown(String name) {
        return name == null || name.isBlank() ? "UNKNOWN" : name;
    }
}
