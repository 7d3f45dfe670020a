package org.cotejo.detection.heuristic.android.qf;

import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.detection.heuristic.android.AndroidPackageLists;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;

/**
 * The shape every AndroidQF package rule shares: one look at each {@code packages.json} entry, no time
 * (the listing has none). As in MVT, a rooting package is reported as that and nothing else, so the
 * other package rules leave it alone.
 */
abstract class PackageRule implements Heuristic {

    @Override public Set<String> modules() { return Set.of("aqf_packages"); }

    /** The alert message for this package, or null when the rule has nothing to say. */
    abstract String judge(String name, String installer, Fields pkg);

    abstract Level level();

    boolean appliesToRootPackages() { return false; }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            String name = f.text("name");
            if (name.isEmpty() || (!appliesToRootPackages() && AndroidPackageLists.ROOT_PACKAGES.contains(name))) return;
            String message = judge(name, f.text("installer"), f);
            if (message != null) out.alert(new Alert(level(), id(), message + " (" + where(record) + ")", null, record));
        };
    }

    static String where(Record r) { return r.provenance().describe(); }
}
