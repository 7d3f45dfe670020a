package org.cotejo.detection.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.record.Record;

/**
 * Streams each module's records to {@code <slug>.json} as MVT lays them out (a list of objects, indent 4;
 * a single object for modules whose MVT result is one dict). Only modules with records get a file. The
 * bytes are those of a {@link JsonOutput#pretty} generator, written by {@link JsonBytes}: a file listing
 * of half a million records is written in a fraction of the time.
 *
 * <p>Modules that read only network evidence (pcap, Zeek, Suricata, netlog, PiRogue) have no MVT
 * counterpart whose layout to follow, and their logs run to tens of millions of rows: their file is the
 * same JSON list written compactly, one record per line ({@link JsonOutput#compact}'s bytes), about a
 * third of the pretty layout's size. Every reader of {@code <slug>.json} parses JSON, so both read alike.
 */
final class ModuleResultsWriter implements AutoCloseable {
    /** Modules whose MVT results file is one object, not a list. */
    private static final Set<String> SINGLE_OBJECT = Set.of("backup_info");

    private final Path dir;
    private String slug;
    private JsonBytes out;
    private boolean compact;
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
                compact = networkOnly(slug);
                if (!SINGLE_OBJECT.contains(slug)) out.raw('[');
            } else if (SINGLE_OBJECT.contains(slug)) {
                return;
            }
            if (SINGLE_OBJECT.contains(slug)) {
                out.pretty(r.fields().asMap(), 0);
            } else if (compact) {
                if (written > 0) out.raw(',');
                out.raw('\n');
                out.compact(r.fields().asMap());
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
            if (compact) out.raw('\n');
            else out.indent(0);
            out.raw(']');
        }
        out.close();
        out = null;
        slug = null;
    }

    /** Whether the module of {@code slug} reads network evidence only (so has no MVT layout to keep). */
    static boolean networkOnly(String slug) {
        return NetworkSlugs.ALL.contains(slug);
    }

    /** The slugs of the installed network-only modules, found once. */
    private static final class NetworkSlugs {
        static final Set<String> ALL = Modules.installed().all().stream()
                .filter(m -> !m.kinds().isEmpty() && m.kinds().stream().allMatch(EvidenceKind::network))
                .map(m -> m.slug())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public void close() throws IOException {
        finishModule();
    }
}
