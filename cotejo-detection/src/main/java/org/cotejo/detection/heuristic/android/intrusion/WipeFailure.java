package org.cotejo.detection.heuristic.android.intrusion;

import org.cotejo.forensics.record.Fields;

/** A wipe that did not complete: malware that survives a reset blocks it. */
public final class WipeFailure extends SecurityEventRule {
    public WipeFailure() { super("wipe_failure"); }

    @Override public String id() { return "android.security-event.wipe-failure"; }
    @Override public String description() {
        return "Device wipe failure in the security log: a reset that did not complete, as malware blocking it would cause";
    }

    @Override
    String message(Fields event, Fields details) {
        return "Device wipe failure detected; a requested wipe did not complete, which malware protecting itself from a reset would cause";
    }
}
