package org.cotejo.forensics.android.tombstone;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cotejo.forensics.android.tombstone.proto.TombstoneProtos;

/**
 * Writes tombstones the way debuggerd does, in both forms: the text form line for line as Android 12+
 * prints it (header, registers, backtrace, then the other threads), and the protobuf form through the
 * classes generated from AOSP's schema.
 */
final class TombstoneWriter {
    String fingerprint = "google/raven/raven:14/UQ1A.240205.004/11269751:user/release-keys";
    String revision = "MP1.0";
    String abi = "arm64";
    String timestamp = "2024-02-20 09:15:02.123456789+0100";
    String cmdline = "/system/bin/mediaserver";
    int pid = 1234;
    int tid = 1240;
    String threadName = "media.codec";
    int uid = 1013;
    int signal = 11;
    String signalName = "SIGSEGV";
    int code = 1;
    String codeName = "SEGV_MAPERR";
    String cause = "null pointer dereference";
    String abortMessage = null;
    String selinuxLabel = "u:r:mediaserver:s0";

    TombstoneWriter uid(int u) { uid = u; return this; }
    TombstoneWriter process(String cmd, String thread) { cmdline = cmd; threadName = thread; return this; }
    TombstoneWriter timestamp(String t) { timestamp = t; return this; }
    TombstoneWriter abort(String message) { abortMessage = message; return this; }

    /** The text form. */
    String text() {
        List<String> l = new ArrayList<>();
        l.add("*** *** *** *** *** *** *** *** *** *** *** *** *** *** *** ***");
        l.add("Build fingerprint: '" + fingerprint + "'");
        l.add("Revision: '" + revision + "'");
        l.add("ABI: '" + abi + "'");
        l.add("Timestamp: " + timestamp);
        l.add("Process uptime: 42s");
        l.add("Cmdline: " + cmdline);
        l.add("pid: " + pid + ", tid: " + tid + ", name: " + threadName + "  >>> " + cmdline + " <<<");
        l.add("uid: " + uid);
        l.add("signal " + signal + " (" + signalName + "), code " + code + " (" + codeName + "), fault addr 0x0000000000000000");
        if (abortMessage != null) l.add("Abort message: '" + abortMessage + "'");
        if (cause != null) l.add("Cause: " + cause);
        l.add("    x0  0000000000000000  x1  0000007fc3a1b2c0  x2  0000000000000010  x3  0000000000000000");
        l.add("");
        l.add("backtrace:");
        l.add("      #00 pc 000000000004bd80  /apex/com.android.runtime/lib64/bionic/libc.so (abort+164)");
        l.add("");
        l.add("--- --- --- --- --- --- --- --- --- --- --- --- --- --- --- ---");
        l.add("pid: " + pid + ", tid: " + (tid + 1) + ", name: binder:" + pid + "_2  >>> " + cmdline + " <<<");
        l.add("uid: " + uid);
        l.add("    x0  0000000000000000  x1  0000000000000000");
        return String.join("\n", l) + "\n";
    }

    /** The protobuf form of the same crash. */
    byte[] protobuf() {
        TombstoneProtos.Tombstone.Builder t = TombstoneProtos.Tombstone.newBuilder()
                .setArch(TombstoneProtos.Architecture.ARM64)
                .setBuildFingerprint(fingerprint)
                .setRevision(revision)
                .setTimestamp(timestamp)
                .setPid(pid).setTid(tid).setUid(uid)
                .setSelinuxLabel(selinuxLabel + "\0")
                .addCommandLine(cmdline)
                .setProcessUptime(42)
                .setSignalInfo(TombstoneProtos.Signal.newBuilder().setNumber(signal).setName(signalName)
                        .setCode(code).setCodeName(codeName).setHasFaultAddress(true))
                .putThreads(tid, TombstoneProtos.Thread.newBuilder().setId(tid).setName(threadName).build())
                .putThreads(tid + 1, TombstoneProtos.Thread.newBuilder().setId(tid + 1).setName("binder:" + pid + "_2").build());
        if (cause != null) t.addCauses(TombstoneProtos.Cause.newBuilder().setHumanReadable(cause));
        if (abortMessage != null) t.setAbortMessage(abortMessage);
        return t.build().toByteArray();
    }

    /** Writes the text form at {@code root/path}. */
    Path writeText(Path root, String path) throws IOException {
        return write(root, path, text().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the protobuf form at {@code root/path}. */
    Path writeProtobuf(Path root, String path) throws IOException {
        return write(root, path, protobuf());
    }

    static Path write(Path root, String path, byte[] bytes) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    /** A bugreport zip holding {@code entries} (name, bytes pairs), written with java.util.zip. */
    static Path zip(Path file, Object... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) entries[i]));
                zip.write((byte[]) entries[i + 1]);
                zip.closeEntry();
            }
        }
        return file;
    }
}
