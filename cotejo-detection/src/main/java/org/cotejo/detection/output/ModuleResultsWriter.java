package org.cotejo.detection.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.cotejo.forensics.record.Record;

/**
 * Streams each module's records to {@code <slug>.json} as MVT lays them out (a list of objects, indent 4;
 * a single object for modules whose MVT result is one dict). Only modules with records get a file.
 */
final class ModuleResultsWriter implements AutoCloseable {
    /** Modules whose MVT results file is one object, not a list. */
    private static final Set<String> SINGLE_OBJECT = Set.of("backup_info");

    private final Path dir;
    private String slug;
    private OutputStream out;
    private JsonGenerator g;

    ModuleResultsWriter(Path dir) {
        this.dir = dir;
    }

    void record(Record r) {
        try {
            if (!r.module().equals(slug)) {
                finishModule();
                slug = r.module();
                out = Files.newOutputStream(dir.resolve(slug + ".json"));
                g = JsonOutput.pretty(out);
                if (!SINGLE_OBJECT.contains(slug)) g.writeStartArray();
            } else if (SINGLE_OBJECT.contains(slug)) {
                return;
            }
            JsonOutput.write(g, r.fields().asMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + r.module() + ".json", e);
        }
    }

    void finishModule() throws IOException {
        if (g == null) return;
        if (!SINGLE_OBJECT.contains(slug)) g.writeEndArray();
        g.close();
        out.close();
        g = null;
        out = null;
        slug = null;
    }

    @Override
    public void close() throws IOException {
        finishModule();
    }
}
