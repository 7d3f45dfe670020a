package org.cotejo.report.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.EvidenceEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.TimelinePoint;

/**
 * What of a device may leave the case in an exchange package (docs/exchange.md, "Sharing rules").
 * Indicators and trace metadata leave; the person's content does not:
 * <ul>
 * <li>Identities are pseudonyms: the device id becomes a keyed hash, a label that looks like an
 *     identifier (UDID, serial, IMEI, phone number, e-mail) is replaced by it, and identifiers inside
 *     file names, paths and reasons are replaced by their keyed pseudonyms.</li>
 * <li>Every indicator match stays, with its value: it is the evidence. A lure (the SMS or iMessage whose
 *     link matched) stays as that one value; the message around it does not.</li>
 * <li>Free text is never forwarded where it may quote a person's content: a detection's message is
 *     rebuilt from its fields, and so is an alert's when the alert is about delivery, browsing or
 *     context traces (messages, pages, extraction metadata); the timeline is rebuilt from what stays.</li>
 * <li>Values no indicator matched stay only under TLP:AMBER or stricter, only on targeted devices,
 *     only from process, file, configuration and network traces (the pivot material a comparison
 *     needs), and never e-mail addresses. Messages, contacts, calls and browsing never leave unmatched.</li>
 * </ul>
 */
public final class SharingFilter {
    /** Traces about the device's software and its traffic, not about what a person wrote, received or read. */
    private static final Set<TraceClass> DEVICE_TRACES =
            EnumSet.of(TraceClass.EXECUTION, TraceClass.FILESYSTEM, TraceClass.CONFIGURATION, TraceClass.NETWORK);
    /** Those traces as a finding names them: by label ("delivery traces") or by key ("delivery"). */
    private static final Set<String> PERSONAL_TRACE_LABELS = java.util.stream.Stream.of(TraceClass.DELIVERY, TraceClass.BROWSING,
                    TraceClass.CONTEXT)
            .flatMap(t -> java.util.stream.Stream.of(t.label(), t.name().toLowerCase(java.util.Locale.ROOT)))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Tlp tlp;
    private final Pseudonyms pseudonyms;

    public SharingFilter(Tlp tlp, Pseudonyms pseudonyms) {
        this.tlp = Objects.requireNonNull(tlp, "tlp");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    /** The device as the package names it: keyed id, the case's label unless it is an identifier itself. */
    public DeviceRef device(DeviceRef d) {
        String id = pseudonyms.device(d.id());
        String label = Pseudonyms.holdsIdentifier(d.label()) ? id : d.label();
        return new DeviceRef(id, label, d.group(), d.platform());
    }

    /** What of a device's evidence (as correlation reads it) may be shared. Sources (the sender's paths) are dropped. */
    public DeviceEvidence evidence(DeviceEvidence e) {
        List<Sighting> kept = new ArrayList<>();
        for (Sighting s : e.sightings()) {
            if (!s.matches().isEmpty()) {
                kept.add(new Sighting(s.value(), s.trace(), s.count(), s.firstSeen(), s.lastSeen(), pseudonyms.scrub(s.example()), s.matches()));
            } else if (unmatchedShared(s, e.targeted())) {
                kept.add(new Sighting(s.value(), s.trace(), s.count(), s.firstSeen(), s.lastSeen(), pseudonyms.scrub(s.example()), List.of()));
            }
        }
        return new DeviceEvidence(device(e.device()), e.verdict(), kept, List.of());
    }

    /** Whether a value no indicator matched may leave under this package's marking. */
    private boolean unmatchedShared(Sighting s, boolean targeted) {
        boolean restricted = tlp == Tlp.AMBER || tlp == Tlp.AMBER_STRICT || tlp == Tlp.RED;
        return restricted && targeted && DEVICE_TRACES.contains(s.trace()) && s.value().type() != ObservableType.EMAIL;
    }

    /** What of a device's inventory and findings may be shared. */
    public DeviceEntry entry(DeviceEntry d) {
        List<EvidenceEntry> evidence = d.evidence().stream().map(e -> new EvidenceEntry(pseudonyms.scrub(e.id()), e.kind(),
                pseudonyms.scrub(e.name()), e.sha256(), e.files(), e.bytes(), e.acquiredBy(), e.acquiredAt(), e.method(), e.tool())).toList();
        List<Finding> findings = d.findings().stream().map(this::finding).toList();
        List<TimelinePoint> timeline = findings.stream().filter(f -> f.time() != null)
                .map(f -> new TimelinePoint(f.time(), f.level(), f.trace(), f.isDetection() ? f.type() + " " + f.value() : f.module() + " " + f.rule()))
                .sorted(Comparator.comparing(TimelinePoint::time).thenComparing(TimelinePoint::label))
                .toList();
        return new DeviceEntry(device(d.ref()), d.verdict(), d.rule(), d.reasons().stream().map(pseudonyms::scrub).toList(), evidence,
                findings, timeline);
    }

    private Finding finding(Finding f) {
        String message;
        if (f.isDetection()) {
            message = f.type() + " \"" + f.value() + "\" matched indicator " + f.indicatorId() + " of " + f.collection()
                    + (f.disposition().isEmpty() || f.disposition().equals("evidence") ? "" : " (" + f.disposition() + ")");
        } else if (PERSONAL_TRACE_LABELS.contains(f.trace())) {
            message = f.module() + ": alert " + f.rule() + " (its text is not shared: it may quote a message or a page)";
        } else {
            message = pseudonyms.scrub(f.message());
        }
        return new Finding(f.kind(), f.level(), f.disposition(), f.trace(), f.module(), f.type(), f.value(), f.indicator(),
                f.indicatorId(), f.collection(), f.feedSha256(), f.rule(), pseudonyms.scrub(f.sourceFile()), f.sourceSha256(),
                pseudonyms.scrub(f.locator()), f.time(), message, f.threat());
    }
}
