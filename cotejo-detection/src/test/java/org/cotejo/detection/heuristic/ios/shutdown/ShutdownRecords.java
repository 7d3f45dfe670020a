package org.cotejo.detection.heuristic.ios.shutdown;

import java.util.ArrayList;
import java.util.List;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.ios.shutdown.ShutdownLog;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;

/** shutdown_log records as the ShutdownLog module makes them, and a run of a rule over them. */
final class ShutdownRecords {
    static final String LOG = "private/var/db/diagnostics/shutdown.log";
    static final String PEGASUS = "/private/var/db/com.apple.xpc.roleaccountd.staging/rolexd";

    private ShutdownRecords() {}

    static Record client(String isodate, Object pid, String client, double delay, long timesDelayed, int line) {
        Fields f = Fields.builder().put("isodate", isodate).put("pid", pid).put("client", client)
                .put("delay", delay).put("times_delayed", timesDelayed).build();
        return Records.of(new ShutdownLog(), f, new Provenance(LOG, null, "0".repeat(64), "line " + line));
    }

    static List<Alert> run(Heuristic rule, Record... records) {
        List<Alert> alerts = new ArrayList<>();
        Heuristic.Session s = rule.start(new HeuristicContext(null, ModuleOptions.DEFAULT, false));
        for (Record r : records) {
            if (rule.modules().contains(r.module())) s.inspect(r, alerts::add);
        }
        s.finish(alerts::add);
        return alerts;
    }
}
