package org.cotejo.forensics.network.logs;

import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;

/**
 * Reports a file's broken lines as problems naming the file and line, up to
 * {@link LogLines#MAX_LINE_PROBLEMS}; past that, one problem counts the rest.
 */
public final class LineProblems {
    private final ModuleContext ctx;
    private final SourceFile file;
    private int broken;

    public LineProblems(ModuleContext ctx, SourceFile file) {
        this.ctx = ctx;
        this.file = file;
    }

    /** {@code ctx} null counts the lines without reporting them (another module already has). */
    public void line(long number, String why) {
        if (ctx == null) return;
        if (++broken <= LogLines.MAX_LINE_PROBLEMS) ctx.problem(file, "line " + number + " " + why + "; skipped");
    }

    public void finish() {
        if (ctx != null && broken > LogLines.MAX_LINE_PROBLEMS) {
            ctx.problem(file, (broken - LogLines.MAX_LINE_PROBLEMS) + " more broken line(s) not listed one by one; skipped");
        }
    }
}
