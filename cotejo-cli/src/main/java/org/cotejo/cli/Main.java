package org.cotejo.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.cotejo.core.CotejoException;
import picocli.CommandLine;

/** Entry point of the {@code cotejo} command. */
public final class Main {
    /** Exit code for user errors: bad input, missing files, malformed feeds. */
    public static final int USER_ERROR = 2;
    /** Exit code for a defect in Cotejo itself (the stack trace is printed to help report it). */
    public static final int INTERNAL_ERROR = 1;

    private Main() {}

    public static void main(String[] args) {
        String heapFile = System.getenv("COTEJO_PEAK_HEAP_FILE");
        HeapWatch watch = heapFile == null ? null : HeapWatch.start();
        int code = run(args, System.out, System.err);
        if (watch != null) watch.writeTo(java.nio.file.Path.of(heapFile));
        System.exit(code);
    }

    /** Runs one command line; returns its exit code. Used by tests to run commands in-process. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new CotejoCommand());
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Descriptions are written as lines of about 100 characters; do not re-wrap them at 80.
        cl.setUsageHelpWidth(120);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            CotejoException user = userError(e);
            if (user != null) {
                w.println("cotejo: " + user.getMessage());
                w.flush();
                return USER_ERROR;
            }
            w.println("cotejo: internal error: " + e);
            e.printStackTrace(w);
            w.println("This is a defect in Cotejo; please report it with the command you ran.");
            w.flush();
            return INTERNAL_ERROR;
        });
        return cl.execute(args);
    }

    private static CotejoException userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CotejoException c) return c;
        }
        return null;
    }
}
