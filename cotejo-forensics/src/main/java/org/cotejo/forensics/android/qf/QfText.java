package org.cotejo.forensics.android.qf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;

/**
 * The lines of a small AndroidQF text file ({@code ps.txt}, {@code getprop.txt}, {@code settings_*.txt}),
 * numbered from 1. Bytes that are not UTF-8 become U+FFFD and the file is still read; the first line
 * holding one is reported, so an examiner knows the text was not clean.
 */
final class QfText {
    /** What these listings never come near; a bigger file is not one of them. */
    static final long MAX_BYTES = 64L << 20;

    interface Line {
        void accept(long number, String text);
    }

    private QfText() {}

    /** Reads every line; false (with a problem reported) when the file is too big to be the listing. */
    static boolean lines(ModuleContext ctx, SourceFile file, String what, Line out) throws IOException {
        if (file.entry().size() > MAX_BYTES) {
            ctx.problem(file, file.entry().size() + " bytes, over the " + MAX_BYTES + "-byte limit for " + what + "; not read");
            return false;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        boolean reported = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(ctx.open(file), decoder))) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (!reported && line.indexOf('\uFFFD') >= 0) {
                    ctx.problem(file, "line " + n + ": bytes that are not UTF-8 (shown as \uFFFD); the line is read as it is");
                    reported = true;
                }
                out.accept(n, line);
            }
        }
        return true;
    }
}
