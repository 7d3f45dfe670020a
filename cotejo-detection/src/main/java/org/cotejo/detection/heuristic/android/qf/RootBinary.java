package org.cotejo.detection.heuristic.android.qf;

import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;

/**
 * Every root binary AndroidQF found (HIGH each, as MVT): {@code su} or Magisk on a phone means its owner
 * or someone else rooted it, and root is what spyware needs to hide and persist.
 */
public final class RootBinary implements Heuristic {
    @Override public String id() { return "android.root-binaries.root-binary"; }
    @Override public String description() { return "Root binaries on the phone (su, Magisk, BusyBox): the phone is rooted"; }
    @Override public Set<String> modules() { return Set.of("root_binaries"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            out.alert(new Alert(Level.HIGH, id(), "Found root binary \"" + f.text("binary_name") + "\" at path \"" + f.text("path")
                    + "\" (" + f.text("description") + "): the phone is rooted, which lets an implant hide and persist;"
                    + " ask whether the owner rooted it (" + record.provenance().describe() + ")", null, record));
        };
    }
}
