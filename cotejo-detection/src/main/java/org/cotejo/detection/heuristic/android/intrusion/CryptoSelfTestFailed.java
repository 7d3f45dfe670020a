package org.cotejo.detection.heuristic.android.intrusion;

import org.cotejo.forensics.android.intrusion.SecurityEvent;
import org.cotejo.forensics.record.Fields;

/**
 * The cryptographic module failed its self test (details with success false, or a plain value other
 * than 1): a corrupted or tampered system library does that.
 */
public final class CryptoSelfTestFailed extends SecurityEventRule {
    public CryptoSelfTestFailed() { super("crypto_self_test_completed"); }

    @Override public String id() { return "android.security-event.crypto-self-test-failed"; }
    @Override public String description() {
        return "Cryptographic self test failed (security log): the crypto module of a tampered or corrupted system fails it";
    }

    @Override
    String message(Fields event, Fields details) {
        if (SecurityEvent.succeeded(event)) return null;
        return "Cryptographic self test failed; the device's cryptographic module failed its start-up check, which a tampered or corrupted system library causes";
    }
}
