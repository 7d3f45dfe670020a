package org.cotejo.forensics.network.logs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.TraceClass;

/**
 * A module over one Zeek log: each row becomes a record with the log's own fields under Zeek's names
 * ({@code ts}, {@code uid}, {@code id.orig_h}...), then {@code timestamp}, {@code ts} as UTC text. Rows
 * are streamed ({@link ZeekReader}); provenance is the file and "line N".
 */
abstract class ZeekModule implements ArtifactModule {

    /** The log's name: "dns" for {@code dns.log}. */
    abstract String log();

    /** Columns without which the log's rows say little; a {@code #fields} header lacking one is reported once per file. */
    List<String> required() { return List.of(); }

    /** Whether TSV rows are read from their bytes ({@link TsvLayout}); tests turn it off to compare with the text path. */
    boolean fromBytes = true;

    /** Asked for every record and timeline event: kept, not looked up each time. */
    private String slug;

    @Override
    public String slug() {
        String s = slug;
        if (s == null) slug = s = ArtifactModule.super.slug();
        return s;
    }

    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.ZEEK); }
    @Override public TraceClass trace() { return TraceClass.NETWORK; }
    @Override public boolean bulk() { return true; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        MvtTime.Writer clock = new MvtTime.Writer();
        Emitter emitter = emitter(ctx, clock);
        ZeekReader.read(ctx, log(), required(), fromBytes, (file, line, row) -> emit(ctx, file, line, row, clock, emitter));
        emitter.finish();
    }

    /** Hands over the records of one run of the module. */
    interface Emitter {
        /**
         * Emits the record of these fields; {@code row} is the row they were made from when it was read from bytes
         * ({@link ZeekRow}, the fields over its very values), else null; {@code t} its {@code ts}.
         */
        void emit(Fields fields, Provenance where, ZeekRow row, Instant t);

        /** Emits what it still holds: the run's rows are all read. */
        default void finish() {}
    }

    /** The run's emitter: each record as it is, unless the log's module knows better ({@link ZeekDns}). */
    Emitter emitter(ModuleContext ctx, MvtTime.Writer clock) {
        return (fields, where, row, t) -> ctx.emit(fields, where);
    }

    /**
     * Makes {@code row} a record: its columns, then {@code timestamp}. A row read from bytes ({@link ZeekRow}) becomes
     * the record's fields as it is, its last column filled; any other row is copied.
     */
    static void emit(ModuleContext ctx, SourceFile file, long line, Map<String, Object> row, MvtTime.Writer clock, Emitter emitter) {
        Fields fields;
        ZeekRow bytesRow = null;
        Instant t;
        if (row instanceof ZeekRow r) {
            t = r.ts instanceof Instant i ? i : instant(r.ts);
            if (t != null) {
                // the row's reading makes the text of a ts it read itself, when the record is written
                r.values[r.values.length - 1] = r.ts instanceof Instant && r.later != null ? Fields.LATER : clock.format(t);
                fields = Fields.ofColumns(r.columns, r.values, r.later);
                bytesRow = r;
            } else {
                fields = copy(row, null); // "timestamp": null, which a column row cannot hold
            }
        } else {
            t = instant(row.get("ts"));
            fields = copy(row, t);
        }
        emitter.emit(fields, ctx.provenance(file, "line " + line), bytesRow, t);
    }

    private static Fields copy(Map<String, Object> row, Instant t) {
        Fields.Builder out = Fields.builder();
        row.forEach(out::put);
        out.put("timestamp", t == null ? null : MvtTime.format(t));
        return out.build();
    }

    /** Zeek's {@code ts}: epoch seconds (decimal, UTC), or ISO-8601 text when Zeek was told to write that; else null. */
    static Instant instant(Object ts) {
        try {
            if (ts instanceof BigDecimal d) {
                // epoch seconds with up to 9 decimals: as whole nanoseconds, in long arithmetic (no division of big numbers)
                BigDecimal nanos = d.movePointRight(9);
                if (nanos.scale() > 0) nanos = nanos.setScale(0, java.math.RoundingMode.FLOOR);
                long total = nanos.longValueExact();
                return Instant.ofEpochSecond(Math.floorDiv(total, 1_000_000_000L), Math.floorMod(total, 1_000_000_000L));
            }
            if (ts instanceof Number n) return instant(new BigDecimal(n.toString()));
            if (ts instanceof String s) return MvtTime.parse(s);
        } catch (ArithmeticException | NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /** A record's time: its {@code timestamp} text (exact), else its {@code ts}. */
    static Instant time(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        return t != null ? t : instant(r.get("ts"));
    }


}
