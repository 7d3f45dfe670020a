package org.cotejo.detection.heuristic;

import java.util.Set;
import org.cotejo.forensics.record.Record;

/**
 * A rule that flags a suspicious trace without any indicator (an Apple threat notification, a deleted
 * DataUsage process row, a sideloaded app). Registered in
 * {@code META-INF/services/org.cotejo.detection.heuristic.Heuristic}; a fresh {@link Session} is
 * started for every extraction, so rules that look across rows keep their state there.
 */
public interface Heuristic {

    /** Stable id used in outputs: "sms.apple-threat-notification". */
    String id();

    /** What the rule looks for and why it matters, for the report and {@code --list-modules}. */
    String description();

    /** Slugs of the modules whose records this rule reads. */
    Set<String> modules();

    Session start(HeuristicContext context);

    /** One run of the rule over one extraction's records. */
    interface Session {
        /** Called for every record of one of {@link #modules()}, in the order modules emit them. */
        void inspect(Record record, AlertSink out);

        /** Called once after the last record. */
        default void finish(AlertSink out) {}
    }
}
