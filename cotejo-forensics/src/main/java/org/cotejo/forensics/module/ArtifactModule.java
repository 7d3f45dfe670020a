package org.cotejo.forensics.module;

import java.util.List;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * Reads one kind of trace and yields records. Modules only read: matching and heuristics belong to the
 * detection stage. {@link #observe} and {@link #timeline} are pure functions of a record's fields, so
 * the same module understands rows it extracts and rows loaded back from an MVT results folder.
 *
 * <p>Register an implementation in {@code META-INF/services/org.cotejo.forensics.module.ArtifactModule}.
 */
public interface ArtifactModule {

    /** The name {@code --module} takes, MVT's class name: "SafariHistory". */
    String name();

    /** The output file stem and record module name: "safari_history". */
    default String slug() { return Slugs.of(name()); }

    /** The extraction kinds this module reads. */
    Set<EvidenceKind> kinds();

    /** What kind of trace this module's observables are, unless {@link #observe} says otherwise per value. */
    TraceClass trace();

    /** Modules whose records this one reads (by name); they run first. */
    default List<String> dependsOn() { return List.of(); }

    /** One sentence for {@code --list-modules}. */
    String description();

    /**
     * Reads the extraction and emits records through the context. Missing files are not an error (the
     * module yields nothing); unreadable parts are reported with {@link ModuleContext#problem}.
     */
    void extract(ModuleContext context) throws Exception;

    /**
     * Whether the module's records are traffic seen in bulk, one per query, flow, request or log line
     * (millions in an organisation's logs), as opposed to a device's artifacts or an IDS's own alerts.
     * A check may then write only the records that matched an indicator ({@code --records matched}):
     * the log itself stays the complete reference, and each finding cites its line.
     */
    default boolean bulk() { return false; }

    /** The observables in a record. */
    default List<ObservedValue> observe(Fields record) { return List.of(); }

    /** The timeline events of a record. */
    default List<TimelineEvent> timeline(Fields record) { return List.of(); }
}
