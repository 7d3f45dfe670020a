package org.cotejo.correlation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.enrich.DnsResolution;
import org.cotejo.correlation.enrich.EnrichmentSource;
import org.cotejo.correlation.enrich.Fact;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.detection.Disposition;
import org.cotejo.detection.Verdict;
import org.cotejo.forensics.record.TraceClass;

/** Small hand-built worlds for correlation tests: devices, the values seen on them, and the feeds that matched. */
public final class Worlds {
    public static final String FEED_SHA = "a".repeat(64);
    public static final Instant T0 = Instant.parse("2021-03-01T10:00:00Z");
    public static final EnrichmentSource PDNS = new EnrichmentSource(EnrichmentSource.Kind.PASSIVE_DNS, "pdns.csv", "b".repeat(64),
            "test passive DNS", LocalDate.parse("2021-06-01"), 10);

    /**
     * The default options with the field's default priors instead of the shipped simulated calibration: the
     * tests of the reasoning's rules state their expected support bands on these priors, which do not move
     * when the simulator (and so the shipped calibration) changes.
     */
    public static final org.cotejo.correlation.CorrelationOptions PRIORS = org.cotejo.correlation.CorrelationOptions.defaults()
            .withCalibration(org.cotejo.correlation.lr.Calibration.defaultPriors());

    private Worlds() {}

    public static DeviceEvidence infected(String id, String group, Sighting... sightings) {
        return device(id, group, Verdict.INFECTED, sightings);
    }

    public static DeviceEvidence device(String id, String group, Verdict verdict, Sighting... sightings) {
        return new DeviceEvidence(new DeviceRef(id, "phone-" + id, group, "ios"), verdict, List.of(sightings), List.of("/cases/" + id));
    }

    /** A value an indicator of the test feed matched as evidence; its level is the type's default. */
    public static Sighting matched(ObservableType type, String value) {
        return sighting(type, value, TraceClass.NETWORK, Disposition.EVIDENCE, Optional.empty());
    }

    /** A value an indicator matched, with the level its indicator states. */
    public static Sighting matched(ObservableType type, String value, EvidenceLevel level) {
        return sighting(type, value, TraceClass.NETWORK, Disposition.EVIDENCE, Optional.of(level));
    }

    /** A matched value seen only in browsing (exposure). */
    public static Sighting visited(ObservableType type, String value) {
        return sighting(type, value, TraceClass.BROWSING, Disposition.EXPOSURE, Optional.empty());
    }

    /** A value in no feed. */
    public static Sighting unknown(ObservableType type, String value) {
        Observable o = type.normalise(value);
        return new Sighting(o, TraceClass.NETWORK, 1, T0, T0.plusSeconds(3600), "SafariHistory: History.db (row 1)", List.of());
    }

    public static Sighting sighting(ObservableType type, String value, TraceClass trace, Disposition disposition,
                                    Optional<EvidenceLevel> level) {
        Observable o = type.normalise(value);
        MatchRef m = new MatchRef("ind-" + type.key() + "-" + value, "Test feed", FEED_SHA, "Pegasus", level, disposition);
        return new Sighting(o, trace, 2, T0, T0.plusSeconds(86_400), "Datausage: DataUsage.sqlite (row 7)", List.of(m));
    }

    public static DnsResolution resolves(String domain, String ip, String from, String to, int line) {
        return new DnsResolution(domain, ip, from == null ? null : Instant.parse(from + "T00:00:00Z"),
                to == null ? null : Instant.parse(to + "T00:00:00Z"), new Fact(PDNS, line));
    }

    public static List<DeviceEvidence> list(DeviceEvidence... d) {
        return new ArrayList<>(List.of(d));
    }
}
