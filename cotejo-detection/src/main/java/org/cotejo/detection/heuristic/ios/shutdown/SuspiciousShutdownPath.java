package org.cotejo.detection.heuristic.ios.shutdown;

import java.util.Optional;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.AlertSink;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;

/**
 * A process still running at shutdown from {@code /private/var/db/} or {@code /private/var/tmp/}: the
 * places Pegasus and other implants were found running from in shutdown.log. Being listed there at all
 * means the process had not exited when the reboot began, so no minimum delay is required.
 */
public final class SuspiciousShutdownPath implements Heuristic {

    @Override public String id() { return "shutdown.suspicious-path"; }

    @Override
    public String description() {
        return "A process in shutdown.log, still running when the phone rebooted, runs from /private/var/db/ or "
                + "/private/var/tmp/ (or /var/db/, /var/tmp/): where Pegasus (com.apple.xpc.roleaccountd.staging) and other "
                + "implants ran from. System daemons run from /System or /usr, apps from their bundles.";
    }

    @Override public Set<String> modules() { return Set.of(ShutdownClients.MODULE); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> inspect(record, out);
    }

    private void inspect(Record record, AlertSink out) {
        Fields r = record.fields();
        String client = ShutdownClients.client(r);
        if (client == null) return;
        Optional<String> folder = ShutdownClients.implantFolder(client);
        if (folder.isEmpty()) return;
        out.alert(new Alert(Level.HIGH, id(),
                "Process " + client + " (PID " + r.text("pid") + ") was still running at the shutdown of " + ShutdownClients.when(r)
                        + " and runs from " + folder.get() + ", a folder implants such as Pegasus ran from; system daemons run from "
                        + "/System or /usr (" + record.provenance().describe() + ")",
                ShutdownClients.time(r), record));
    }
}
