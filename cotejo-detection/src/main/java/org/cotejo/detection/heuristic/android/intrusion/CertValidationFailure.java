package org.cotejo.detection.heuristic.android.intrusion;

import org.cotejo.forensics.record.Fields;

/** A certificate that failed validation: what a man-in-the-middle interception, or a tampered trust store, causes. */
public final class CertValidationFailure extends SecurityEventRule {
    public CertValidationFailure() { super("cert_validation_failure"); }

    @Override public String id() { return "android.security-event.cert-validation-failure"; }
    @Override public String description() {
        return "Certificate validation failure in the security log: traffic interception or a tampered trust store makes validation fail";
    }

    @Override
    String message(Fields event, Fields details) {
        return "Certificate validation failure detected: " + value(event, "cert_validation_failure")
                + "; an interception of the device's encrypted traffic, or a tampered certificate store, makes validation fail";
    }
}
