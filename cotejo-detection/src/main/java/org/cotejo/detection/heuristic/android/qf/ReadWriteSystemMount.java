package org.cotejo.detection.heuristic.android.qf;

import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;

/**
 * A system partition mounted read-write (HIGH, as MVT): the system image is signed and mounted read-only;
 * read-write means someone with root remounted it to change it, the way rootkits persist.
 */
public final class ReadWriteSystemMount implements Heuristic {
    @Override public String id() { return "android.mounts.rw-system-partition"; }
    @Override public String description() {
        return "System partitions (/system, /vendor, /product, /system_ext) mounted read-write: the system image can be modified";
    }
    @Override public Set<String> modules() { return Set.of("mounts"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            if (!f.truthy("is_system_partition") || !f.truthy("is_read_write")) return;
            String mp = f.text("mount_point");
            String what = mp.equals("/system") ? "Root detected /system partition is mounted as read-write (rw)"
                    : "System partition " + mp + " is mounted as read-write (rw). This may indicate system modifications.";
            out.alert(new Alert(Level.HIGH, id(), what + " Only root can remount it so, to change the signed system image ("
                    + record.provenance().describe() + ")", null, record));
        };
    }
}
