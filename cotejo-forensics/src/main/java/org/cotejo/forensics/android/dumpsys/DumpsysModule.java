package org.cotejo.forensics.android.dumpsys;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.cotejo.forensics.android.bugreport.Dumpstate;
import org.cotejo.forensics.android.bugreport.DumpstateSection;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;

/**
 * A module that reads one section of a bugreport's dumpstate text, line by line. It finds the
 * {@link Dumpstate} the opener attached, reports once for all modules when there is no dumpstate file,
 * and reads nothing when the section is absent (the service was not dumped). A line that breaks the
 * parser is reported with its number and skipped; the rest of the section is still read.
 */
abstract class DumpsysModule implements ArtifactModule {

    /** The section's name: the service ("package"), or {@link Dumpstate#SYSTEM_PROPERTIES}. */
    abstract String section();

    /** A parser for one pass over the section; records are emitted through {@code out}. */
    abstract SectionParser parser(Emitter out);

    /** Reads one section line by line. */
    interface SectionParser {
        /** One line; false stops reading (the part the parser wants has ended). */
        boolean line(long number, String text);

        /** After the last line read. */
        default void end() {}
    }

    /** Emits a record read at a line, and reports problems at lines. */
    interface Emitter {
        void emit(Fields fields, long line);

        void problem(long line, String message);

        /** The device's zone ({@code persist.sys.timezone}), or null when the bugreport does not say. */
        String zone();
    }

    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.BUGREPORT); }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        Optional<Dumpstate> found = ctx.extraction().service(Dumpstate.class);
        if (found.isEmpty()) return;
        Dumpstate dumpstate = found.get();
        if (dumpstate.file().isEmpty()) {
            if (dumpstate.reportMissing()) ctx.problem(null, dumpstate.missingMessage());
            return;
        }
        FileEntry entry = dumpstate.file().get();
        SourceFile file = SourceFile.of(entry);
        Optional<DumpstateSection> section = dumpstate.section(section());
        if (section.isEmpty()) return;
        String zone = dumpstate.timeZone().map(ZoneId::getId).orElse(null);
        read(ctx, file, section.get(), zone);
    }

    /** Reads the section as text lines; the ADB module reads bytes instead. */
    void read(ModuleContext ctx, SourceFile file, DumpstateSection section, String zone) throws IOException {
        SectionParser parser = parser(new Emitter() {
            @Override public void emit(Fields fields, long line) { ctx.emit(fields, ctx.provenance(file, "line " + line)); }
            @Override public void problem(long line, String message) { ctx.problem(file, "line " + line + ": " + message); }
            @Override public String zone() { return zone; }
        });
        int cut = section.lines((n, text) -> {
            try {
                return parser.line(n, text);
            } catch (RuntimeException e) {
                ctx.problem(file, "line " + n + " of section " + section.name() + " not understood, skipped: " + e);
                return true;
            }
        });
        parser.end();
        if (cut > 0) {
            ctx.problem(file, cut + " line(s) of section " + section.name() + " longer than "
                    + DumpstateSection.MAX_LINE + " bytes were cut there");
        }
    }
}
