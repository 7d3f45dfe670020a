package org.cotejo.forensics.ios.netbase;

import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.Location;

/**
 * Per-process network usage kept by networkd ({@code netusage.sqlite}), only in filesystem dumps; the
 * same schema as DataUsage, and every copy found is read. Rows are emitted as read; see {@link NetBase}.
 */
public final class Netusage extends NetBaseModule {
    static final Location NETUSAGE = Location.fs(
            "private/var/networkd/netusage.sqlite",
            "private/var/networkd/db/netusage.sqlite");

    @Override public String name() { return "Netusage"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_FS); }
    @Override public String description() { return "Per-process network usage kept by networkd (netusage.sqlite, filesystem dumps only)"; }
    @Override Location location() { return NETUSAGE; }
}
