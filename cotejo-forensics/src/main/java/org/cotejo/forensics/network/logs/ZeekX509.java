package org.cotejo.forensics.network.logs;

import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Zeek's {@code x509.log}: the certificates servers presented ({@code certificate.subject},
 * {@code certificate.issuer}, validity, {@code san.dns}). The certificate's {@code fingerprint} (its
 * SHA-256, Zeek 5 and later) is an X.509 hash; each DNS name it is valid for is a domain.
 */
public final class ZeekX509 extends ZeekModule {
    @Override String log() { return "x509"; }
    @Override public String name() { return "ZeekX509"; }
    @Override public String description() { return "Server certificates (subject, issuer, names, fingerprint) from Zeek's x509.log"; }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.X509_HASH, "fingerprint", r.string("fingerprint"));
        List<String> names = r.strings("san.dns");
        for (int i = 0; i < names.size(); i++) o.add(ObservableType.DOMAIN, "san.dns[" + i + "]", names.get(i));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = time(r);
        if (t == null) return List.of();
        return List.of(new TimelineEvent(t, slug(), "certificate_seen", "Certificate " + r.text("certificate.subject")
                + " issued by " + r.text("certificate.issuer")
                + (r.has("fingerprint") ? " [SHA-256 " + r.text("fingerprint") + "]" : "")));
    }
}
