package org.cotejo.report.stix;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cotejo.core.observable.InvalidObservableException;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.indicators.feed.TypeInference;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.Report;

/**
 * One indicator that matched on at least one device of a report, with where it was seen: what the STIX
 * bundle states as an {@code indicator} and its {@code sighting}s, and the MISP event as an attribute
 * and its sightings.
 *
 * @param type        the indicator's own type (a domain indicator that matched a URL's host is a domain)
 * @param value       the indicator's value
 * @param indicatorId its id in its feed
 * @param collection  its collection
 * @param feedSha256  its feed's SHA-256, or ""
 * @param threat      what it indicates (the spyware family), else its collection's name
 * @param seen        the devices it matched on, in report order
 */
public record MatchedIndicator(ObservableType type, String value, String indicatorId, String collection, String feedSha256,
                               String threat, List<Seen> seen) {
    public MatchedIndicator {
        seen = List.copyOf(seen);
    }

    /**
     * The indicator on one device.
     *
     * @param device   the device
     * @param findings the detections it gave there, in the device's order
     */
    public record Seen(DeviceEntry device, List<Finding> findings) {
        public Seen {
            findings = List.copyOf(findings);
        }

        /** Earliest dated finding, or null when none is dated. */
        public Instant firstSeen() {
            return findings.stream().map(Finding::time).filter(t -> t != null).min(Comparator.naturalOrder()).orElse(null);
        }

        public Instant lastSeen() {
            return findings.stream().map(Finding::time).filter(t -> t != null).max(Comparator.naturalOrder()).orElse(null);
        }

        /** Whether any of its detections counts as evidence (not exposure, warning-listed…). */
        public boolean isEvidence() {
            return findings.stream().anyMatch(f -> f.disposition().equals("evidence"));
        }
    }

    /** A key that orders and identifies the indicator: type, value, feed, id. */
    public String key() {
        return type.key() + '\u0000' + value + '\u0000' + feedSha256 + '\u0000' + indicatorId;
    }

    /** Every indicator that matched in the report, sorted by type, value, feed and id. */
    public static List<MatchedIndicator> of(Report report) {
        record Head(ObservableType type, String value, String indicatorId, String collection, String feed, String threat) {}
        Map<String, Head> heads = new TreeMap<>();
        // Devices by their position in the report: a DeviceEntry's hash would walk all its findings.
        Map<String, Map<Integer, List<Finding>>> seen = new TreeMap<>();
        for (int d = 0; d < report.devices().size(); d++) {
            int device = d;
            for (Finding f : report.devices().get(d).findings()) {
                if (!f.isDetection() || (f.indicator().isEmpty() && f.value().isEmpty())) continue;
                Optional<ObservableType> type = indicatorType(f);
                if (type.isEmpty()) continue;
                String value = indicatorValue(f);
                String threat = f.threat().isEmpty() ? f.collection() : f.threat();
                Head h = new Head(type.get(), value, f.indicatorId(), f.collection(), f.feedSha256(), threat);
                String key = type.get().key() + '\u0000' + value + '\u0000' + f.feedSha256() + '\u0000' + f.indicatorId();
                heads.putIfAbsent(key, h);
                seen.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(device, x -> new ArrayList<>()).add(f);
            }
        }
        List<MatchedIndicator> out = new ArrayList<>();
        heads.forEach((key, h) -> {
            List<Seen> s = new ArrayList<>();
            seen.get(key).forEach((d, fs) -> s.add(new Seen(report.devices().get(d), fs)));
            out.add(new MatchedIndicator(h.type(), h.value(), h.indicatorId(), h.collection(), h.feed(), h.threat(), s));
        });
        return out;
    }

    private static String indicatorValue(Finding f) {
        return f.indicator().isEmpty() ? f.value() : f.indicator();
    }

    /**
     * The indicator's own type. A finding records the type of the value seen; the indicator that matched
     * it may be of another type (a domain indicator matches a URL's host or an e-mail's domain, a range
     * matches an address, a file-name indicator matches a path), which the indicator's shape tells.
     */
    static Optional<ObservableType> indicatorType(Finding f) {
        String v = indicatorValue(f);
        Optional<ObservableType> seen = ObservableType.fromKey(f.type());
        ObservableType guess;
        if (seen.isEmpty()) {
            guess = TypeInference.infer(v).orElse(null);
        } else {
            guess = switch (seen.get()) {
                case URL -> v.contains("://") ? ObservableType.URL : TypeInference.infer(v).orElse(ObservableType.URL);
                case EMAIL -> v.indexOf('@') > 0 ? ObservableType.EMAIL : TypeInference.infer(v).orElse(ObservableType.EMAIL);
                case IPV4, IPV6 -> v.contains("/") ? ObservableType.CIDR : seen.get();
                case FILE_PATH -> v.contains("/") || v.contains("\\") ? ObservableType.FILE_PATH : ObservableType.FILE_NAME;
                default -> seen.get();
            };
        }
        if (guess == null) return Optional.empty();
        try {
            guess.normalise(v);
            return Optional.of(guess);
        } catch (InvalidObservableException e) {
            // The shape misled us; the type of the value seen is the safer statement.
            return seen;
        }
    }
}
