package org.cotejo.forensics.ios.netbase;

import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.Location;

/**
 * Per-process mobile and Wi-Fi data counters ({@code DataUsage.sqlite}), in backups and dumps. Each
 * process that used the network has a row, kept after the app is gone: an implant's process name
 * survives here. Rows are emitted as read; see {@link NetBase} for where deleted rows are judged.
 */
public final class Datausage extends NetBaseModule {
    static final Location DATA_USAGE = Location.of("WirelessDomain", "Library/Databases/DataUsage.sqlite",
            "private/var/wireless/Library/Databases/DataUsage.sqlite");

    @Override public String name() { return "Datausage"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public String description() { return "Per-process network usage (DataUsage.sqlite): process names, bundle ids, first and last use"; }
    @Override Location location() { return DATA_USAGE; }
}
