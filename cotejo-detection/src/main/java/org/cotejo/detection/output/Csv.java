package org.cotejo.detection.output;

import java.io.IOException;
import java.io.Writer;

/** CSV as MVT writes it: every field quoted, quotes doubled, CRLF-free "\n" line ends. */
final class Csv {
    private Csv() {}

    static void row(Writer w, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) w.write(',');
            w.write('"');
            String f = fields[i] == null ? "" : fields[i];
            w.write(f.replace("\"", "\"\""));
            w.write('"');
        }
        w.write('\n');
    }
}
