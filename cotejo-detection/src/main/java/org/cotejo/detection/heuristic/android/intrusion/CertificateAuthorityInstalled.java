package org.cotejo.detection.heuristic.android.intrusion;

import org.cotejo.forensics.android.intrusion.SecurityEvent;
import org.cotejo.forensics.record.Fields;

/**
 * A certificate authority added to the device's trust store: whoever holds its key can read the
 * device's TLS traffic, which is why stalkerware and spyware install one. A failed install (success
 * false or 0) changed nothing and is not flagged.
 */
public final class CertificateAuthorityInstalled extends SecurityEventRule {
    public CertificateAuthorityInstalled() { super("cert_authority_installed"); }

    @Override public String id() { return "android.security-event.ca-installed"; }
    @Override public String description() {
        return "Certificate authority installed (security log): its holder can read the device's encrypted traffic";
    }

    @Override
    String message(Fields event, Fields details) {
        if (!SecurityEvent.succeeded(event)) return null;
        String subject = details == null ? event.text("cert_authority_installed") : details.text("subject");
        return "Certificate authority installed: " + subject
                + "; whoever holds its key can read the device's encrypted (TLS) traffic, which is why spyware and stalkerware install one";
    }
}
