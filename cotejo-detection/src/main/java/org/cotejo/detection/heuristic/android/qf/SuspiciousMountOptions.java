package org.cotejo.detection.heuristic.android.qf;

import java.util.List;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;

/**
 * A system partition mounted with options a stock phone does not use there (MEDIUM, as MVT): {@code rw},
 * {@code remount}, or {@code noatime}/{@code nodiratime} (which stop access times from recording what was
 * read). Several vendors mount {@code /vendor}, {@code /product}, {@code /system_ext} and the {@code _dlkm}
 * partitions with {@code noatime}; that alone is not reported for them.
 */
public final class SuspiciousMountOptions implements Heuristic {
    static final Set<String> SUSPICIOUS = Set.of("rw", "remount", "noatime", "nodiratime");
    static final Set<String> NOATIME_IS_STOCK = Set.of("/system_dlkm", "/system_ext", "/product", "/vendor", "/vendor_dlkm");

    @Override public String id() { return "android.mounts.suspicious-options"; }
    @Override public String description() {
        return "System partitions mounted with rw, remount, noatime or nodiratime, which a stock phone does not use there";
    }
    @Override public Set<String> modules() { return Set.of("mounts"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            if (!f.truthy("is_system_partition")) return;
            List<String> options = f.strings("options_list");
            if (options.stream().noneMatch(SUSPICIOUS::contains)) return;
            String mp = f.text("mount_point");
            String all = f.text("mount_options");
            if (all.contains("noatime") && NOATIME_IS_STOCK.contains(mp)) return;
            out.alert(new Alert(Level.MEDIUM, id(), "Suspicious mount options found for " + mp + ": " + all
                    + "; a stock phone mounts it read-only with standard options (" + record.provenance().describe() + ")",
                    null, record));
        };
    }
}
