package org.cotejo.detection.heuristic.android.qf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;

/** AndroidQF records as the modules emit them, and a heuristic run over them. */
final class QfRecords {
    private QfRecords() {}

    static Record of(ArtifactModule module, String file, Map<String, ?> fields) {
        return Records.of(module, Fields.of(fields), new Provenance(file, null, "c".repeat(64), "line 1"));
    }

    static List<Alert> run(Heuristic h, Record... records) {
        return run(h, null, records);
    }

    static List<Alert> run(Heuristic h, Extraction x, Record... records) {
        List<Alert> out = new ArrayList<>();
        Heuristic.Session s = h.start(new HeuristicContext(x, ModuleOptions.DEFAULT, false));
        for (Record r : records) if (h.modules().contains(r.module())) s.inspect(r, out::add);
        s.finish(out::add);
        return out;
    }
}
