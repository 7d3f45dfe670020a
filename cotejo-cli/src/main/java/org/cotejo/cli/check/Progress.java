package org.cotejo.cli.check;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress on stderr: on a terminal, one line per module that updates in place as records arrive; else
 * one plain line per finished module, which logs read well.
 */
public final class Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private final int total;
    private int index;
    private String name;
    private long records;
    private long lastDraw;

    public Progress(PrintWriter err, boolean terminal, int total) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
    }

    void started(String module) {
        index++;
        name = module;
        records = 0;
        if (terminal) draw(false);
    }

    void record() {
        records++;
        if (terminal && (records & 1023) == 0) {
            long now = System.nanoTime();
            if (now - lastDraw > 100_000_000L) draw(false);
        }
    }

    void finished(long count, Duration took, int problems) {
        records = count;
        if (terminal) {
            draw(true);
        } else {
            err.printf(Locale.ROOT, "[%d/%d] %s: %,d records in %.1f s%s%n", index, total, name, count,
                    took.toMillis() / 1000.0, problems == 0 ? "" : ", " + problems + " problem" + (problems == 1 ? "" : "s"));
            err.flush();
        }
    }

    void note(String line) {
        if (terminal) err.print("\r\033[K");
        err.println(line);
        err.flush();
    }

    private void draw(boolean done) {
        lastDraw = System.nanoTime();
        int width = 24;
        int filled = (int) Math.round(width * (double) (index - (done ? 0 : 1)) / Math.max(total, 1));
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        err.printf(Locale.ROOT, "\r\033[K[%s] %d/%d %-28s %,d records", bar, index, total, name, records);
        if (done && index == total) err.println();
        err.flush();
    }
}
