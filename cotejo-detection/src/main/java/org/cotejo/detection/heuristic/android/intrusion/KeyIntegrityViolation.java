package org.cotejo.detection.heuristic.android.intrusion;

import org.cotejo.forensics.record.Fields;

/** A keystore key whose integrity check failed: keys do not change by themselves, tampering does it. */
public final class KeyIntegrityViolation extends SecurityEventRule {
    public KeyIntegrityViolation() { super("key_integrity_violation"); }

    @Override public String id() { return "android.security-event.key-integrity-violation"; }
    @Override public String description() {
        return "Key integrity violation in the security log: a keystore key was altered, which only tampering explains";
    }

    @Override
    String message(Fields event, Fields details) {
        return "Key integrity violation detected: " + value(event, "key_integrity_violation")
                + "; a key in the device's keystore was altered, which tampering with the device's cryptography would cause";
    }
}
