package org.cotejo.forensics.module;

import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;

/** Builds a record the way every path does it: the module's own observables and timeline for these fields. */
public final class Records {
    private Records() {}

    public static Record of(ArtifactModule module, Fields fields, Provenance provenance) {
        return new Record(module.slug(), fields, provenance, module.observe(fields), module.timeline(fields));
    }
}
