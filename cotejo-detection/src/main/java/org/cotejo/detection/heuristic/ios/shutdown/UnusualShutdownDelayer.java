package org.cotejo.detection.heuristic.ios.shutdown;

import java.util.Locale;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.AlertSink;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;

/**
 * A process that held up a reboot and runs from outside the system and app folders, in a place that
 * is not one of the known implant folders either (those are {@link SuspiciousShutdownPath}'s).
 */
public final class UnusualShutdownDelayer implements Heuristic {

    @Override public String id() { return "shutdown.unusual-delayer"; }

    @Override
    public String description() {
        return "A process in shutdown.log delayed a reboot and runs from outside /System, /usr, /Applications, the app "
                + "bundles and the system cryptexes: legitimate processes that hold up a reboot are system daemons and apps.";
    }

    @Override public Set<String> modules() { return Set.of(ShutdownClients.MODULE); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> inspect(record, out);
    }

    private void inspect(Record record, AlertSink out) {
        Fields r = record.fields();
        if (!ShutdownClients.delayed(r)) return;
        String client = ShutdownClients.client(r);
        String shown = client != null ? client : r.text("client");
        if (shown.isBlank()) return;
        if (client != null && (ShutdownClients.legitimate(client) || ShutdownClients.implantFolder(client).isPresent())) return;
        Number delay = r.number("delay");
        out.alert(new Alert(Level.MEDIUM, id(),
                "Process " + shown + " (PID " + r.text("pid") + ") delayed the shutdown of " + ShutdownClients.when(r)
                        + (delay == null ? "" : String.format(Locale.ROOT, " by %.2f s", delay.doubleValue()))
                        + " and runs from outside the system and app folders (" + record.provenance().describe() + ")",
                ShutdownClients.time(r), record));
    }
}
