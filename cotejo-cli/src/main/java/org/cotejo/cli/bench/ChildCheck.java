package org.cotejo.cli.bench;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one `cotejo check` in a fresh JVM with a capped heap and reports its wall time (JVM start
 * included) and the peak heap it recorded, so a benchmark proves the heap bound rather than assuming it.
 */
final class ChildCheck {
    private ChildCheck() {}

    /** Runs {@code args} (a `check` command line); prints the figures and the child's output; returns its exit code. */
    static int run(PrintWriter out, String heap, Path scratch, List<String> args) throws Exception {
        return run(out, heap, scratch, List.of(), args);
    }

    /** As {@link #run(PrintWriter, String, Path, List)}, with more options for the child JVM. */
    static int run(PrintWriter out, String heap, Path scratch, List<String> jvmOptions, List<String> args) throws Exception {
        Path peak = scratch.resolve("peak-heap.txt");
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+UseParallelGC"); // as ./cotejo runs Cotejo, with the class archive it makes beside the jar
        Path jar = Path.of(ChildCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        cmd.add("-XX:SharedArchiveFile=" + jar.resolveSibling("cotejo.jsa"));
        cmd.add("-Xlog:cds=off");
        cmd.add("-Xlog:cds+dynamic=off");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(jar.toString());
        cmd.add("org.cotejo.cli.Main");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("COTEJO_PEAK_HEAP_FILE", peak.toString());
        long t1 = System.nanoTime();
        Process p = pb.start();
        String childOut;
        try (InputStream in = p.getInputStream()) {
            childOut = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int code = p.waitFor();
        double wall = (System.nanoTime() - t1) / 1e9;
        String[] peakText = Files.exists(peak) ? Files.readString(peak).strip().split(" ") : new String[] {"?", "?"};
        out.printf(Locale.ROOT, "%s %s: %.2f s wall (JVM start included); heap: at most %s MiB live after a"
                + " collection, %s MiB occupied at most (limit %s); exit %d%n", args.get(0), args.get(1), wall, peakText[0], peakText[1], heap, code);
        for (String line : childOut.split("\n")) {
            if (!line.startsWith("[")) out.println("  | " + line);
        }
        out.flush();
        return code;
    }
}
