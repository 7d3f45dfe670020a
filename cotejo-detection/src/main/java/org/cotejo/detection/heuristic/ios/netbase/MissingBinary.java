package org.cotejo.detection.heuristic.ios.netbase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.AlertSink;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.Record;

/**
 * A process without a bundle id (so not an App Store app) whose name matches no file anywhere in a
 * filesystem dump. System daemons have their binary on the system volume; an implant run from memory
 * or deleted after launch does not.
 *
 * <p>Only for filesystem dumps (a backup holds no binaries), not with {@code --fast} (the dump's file
 * names are listed once, on the first candidate row), and not for MVT results imported without their
 * extraction. One alert per process name per database (MVT raises one per row). Rows whose process
 * record was deleted are left to {@code netbase.manipulated-process}.
 */
public final class MissingBinary implements Heuristic {
    /** DataUsage stores at most this many characters of a process name. */
    private static final int TRUNCATED = 16;

    @Override public String id() { return "netbase.missing-binary"; }

    @Override
    public String description() {
        return "DataUsage/netusage processes without a bundle id whose binary is nowhere in the filesystem dump";
    }

    @Override public Set<String> modules() { return NetBaseRows.MODULES; }

    @Override
    public Session start(HeuristicContext context) {
        Extraction x = context.extraction();
        if (x == null || x.kind() != EvidenceKind.IOS_FS || context.options().fast()) return (record, out) -> {};
        return new Scan(x);
    }

    private final class Scan implements Session {
        private final Extraction extraction;
        private final Set<String> seen = new HashSet<>();
        /** Every file name in the dump, sorted so truncated names can be looked up as prefixes. */
        private TreeSet<String> names;

        Scan(Extraction extraction) {
            this.extraction = extraction;
        }

        @Override
        public void inspect(Record record, AlertSink out) {
            Fields f = record.fields();
            if (!NetBaseRows.blank(f.string("bundle_id")) || NetBaseRows.lostItsProcess(f) || NetBaseRows.isMvtPlaceholder(f)) return;
            String name = f.text("proc_name");
            if (!seen.add(NetBaseRows.database(record) + "\n" + name)) return;
            String when = NetBaseRows.when(f, "live_isodate");
            if (name.isEmpty()) {
                out.alert(new Alert(Level.MEDIUM, id(), "Process " + f.text("proc_id") + " in " + record.provenance().logical()
                        + " has an empty name (usage at " + when + ")", MvtTime.parse(f.string("live_isodate")), record));
                return;
            }
            // "<process>/<bundle id>" names traffic a daemon made for an app: the binary is the process part.
            String binary = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
            if (names().contains(binary)) return;
            String message = "No file named " + binary + " exists anywhere in the dump, yet a process of that name without a bundle id"
                    + " used the network (" + record.provenance().logical() + ", process " + f.text("proc_id") + " \"" + name
                    + "\", at " + when + ")";
            if (binary.length() == TRUNCATED) message += truncationNote(binary);
            out.alert(new Alert(Level.MEDIUM, id(), message, MvtTime.parse(f.string("live_isodate")), record));
        }

        private String truncationNote(String name) {
            String longer = names().ceiling(name);
            String note = "; the name has " + TRUNCATED + " characters and may have been truncated by iOS";
            if (longer != null && longer.startsWith(name)) note += " (the dump has a file named " + longer + ")";
            return note;
        }

        private TreeSet<String> names() {
            if (names == null) {
                TreeSet<String> found = new TreeSet<>();
                try {
                    extraction.tree().walk(e -> {
                        if (!e.isDirectory()) found.add(e.name());
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list the files of " + extraction.tree().describe()
                            + " to look for process binaries", e);
                }
                names = found;
            }
            return names;
        }
    }
}
