package org.cotejo.detection.heuristic.ios.netbase;

import java.util.Set;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;

/**
 * How the network-usage heuristics read Datausage/Netusage records, whether Cotejo extracted them
 * (rows as read) or they were loaded from MVT's JSON (rows MVT already rewrote or appended).
 */
final class NetBaseRows {
    static final Set<String> MODULES = Set.of("datausage", "netusage");

    private NetBaseRows() {}

    /** The database a row came from: rows of two databases never share process ids. */
    static String database(Record r) {
        return r.module() + ": " + r.provenance().logical();
    }

    /** A live row whose ZPROCESS row is gone (MVT-rewritten rows included: they keep an empty proc_id). */
    static boolean lostItsProcess(Fields f) {
        return blank(f.string("proc_id"));
    }

    /** A "MISSING [follows …]" row MVT appended for a gap: not a process that was on the phone. */
    static boolean isMvtPlaceholder(Fields f) {
        String name = f.string("proc_name");
        return name != null && name.startsWith("MISSING [");
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A time field for a message: the text, or "an unknown time". */
    static String when(Fields f, String key) {
        String t = f.string(key);
        return blank(t) ? "an unknown time" : t;
    }
}
