package org.cotejo.forensics.network.pcap;

import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.record.TraceClass;

/**
 * A module over packet captures: the capture is read once for all of them ({@link CaptureResults}) and each
 * replays its own records from there. Its records are network traces seen in bulk (one per query, session,
 * request or flow) unless the module says otherwise.
 */
abstract class CaptureModule implements ArtifactModule {
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.PCAP); }
    @Override public TraceClass trace() { return TraceClass.NETWORK; }
    @Override public boolean bulk() { return true; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        CaptureResults.of(ctx).replay(name(), ctx);
    }
}
