package org.cotejo.detection.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.cotejo.forensics.record.Record;

/**
 * Streams each module's records to {@code <slug>.json} as MVT lays them out (a list of objects, indent 4;
 * a single object for modules whose MVT result is one dict). Only modules with records get a file. The
 * bytes are those of a {@link JsonOutput#pretty} generator, written by {@link JsonBytes}: a file listing
 * of half a million records is written in a fraction of the time.
 */
final class ModuleResultsWriter implements AutoCloseable {
    /** Modules whose MVT results file is one object, not a list. */
    private static final Set<String> SINGLE_OBJECT = Set.of("backup_info");

    private final Path dir;
    private String slug;
    private JsonBytes out;
    private long written;

    ModuleResultsWriter(Path dir) {
        this.dir = dir;
    }

    void record(Record r) {
        try {
            if (!r.module().equals(slug)) {
                finishModule();
                slug = r.module();
                out = new JsonBytes(Files.newOutputStream(dir.resolve(slug + ".json")));
                written = 0;
                if (!SINGLE_OBJECT.contains(slug)) out.raw('[');
            } else if (SINGLE_OBJECT.contains(slug)) {
                return;
            }
            if (SINGLE_OBJECT.contains(slug)) {
                out.pretty(r.fields().asMap(), 0);
            } else {
                if (written > 0) out.raw(',');
                out.indent(1);
                out.pretty(r.fields().asMap(), 1);
            }
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + r.module() + ".json", e);
        }
    }

    void finishModule() throws IOException {
        if (out == null) return;
        if (!SINGLE_OBJECT.contains(slug)) {
            out.indent(0);
            out.raw(']');
        }
        out.close();
        out = null;
        slug = null;
    }

    @Override
    public void close() throws IOException {
        finishModule();
    }
}
