package org.cotejo.detection.heuristic.android.qf;

import java.time.Instant;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;

/**
 * A file under {@code /data/local/tmp/} (HIGH, as MVT): the one folder the ADB shell may write and run
 * files from, where exploit chains and implants stage their binaries. Developers' and forensic tools put
 * files there too, so the message says how to tell. AndroidQF's own helper,
 * {@code /data/local/tmp/collector}, is left out. MVT runs this rule only when indicators are loaded;
 * Cotejo always does.
 */
public final class LocalTmpFile implements Heuristic {
    static final String FOLDER = "/data/local/tmp/";
    static final String ANDROIDQF_COLLECTOR = "/data/local/tmp/collector";

    @Override public String id() { return "android.files.local-tmp-file"; }
    @Override public String description() {
        return "Files in /data/local/tmp/, where exploits and implants stage binaries (AndroidQF's own collector excepted)";
    }
    @Override public Set<String> modules() { return Set.of("aqf_files"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            String path = f.text("path");
            if (!path.startsWith(FOLDER) || path.equals(ANDROIDQF_COLLECTOR)) return;
            boolean executable = f.text("mode").contains("x");
            Long modified = f.longValue("modified_time");
            Instant when = modified == null || modified == 0 ? null : Instant.ofEpochSecond(modified);
            out.alert(new Alert(Level.HIGH, id(), "Found " + (executable ? "executable " : "") + "file at suspicious path \"" + path
                    + "\": exploits and implants stage binaries in /data/local/tmp/; if no developer or forensic tool used over"
                    + " ADB explains it, examine the file (" + record.provenance().describe() + ")", when, record));
        };
    }
}
