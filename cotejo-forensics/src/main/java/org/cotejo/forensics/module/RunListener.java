package org.cotejo.forensics.module;

import java.time.Duration;
import org.cotejo.forensics.record.Record;

/** Receives what a run produces, as it produces it; records are not kept by the runner. */
public interface RunListener {
    default void moduleStarted(ArtifactModule module) {}

    void record(Record record);

    default void problem(ModuleProblem problem) {}

    default void moduleFinished(ArtifactModule module, long records, Duration took) {}
}
