package org.cotejo.correlation.lr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.cotejo.core.observable.DomainNames;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ParsedUrl;
import org.cotejo.core.observable.Urls;
import org.cotejo.correlation.infra.InfraComparison;
import org.cotejo.correlation.infra.InfraFeature;
import org.cotejo.correlation.infra.InfraProfiles;
import org.cotejo.correlation.level.ResolvedLevel;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.correlation.specificity.ChanceRate;
import org.cotejo.correlation.specificity.ValueIndex;
import org.cotejo.correlation.specificity.ValueRole;

/**
 * Weighs one pair of devices: the values both show (linking and tool-level), the infrastructure features
 * joining their other values, each item's likelihood ratio from the calibration and the value's spread,
 * combined by {@link LikelihoodRatio}. Thread-safe: items of values are built once and shared.
 */
public final class PairEvaluator {
    private final ValueIndex values;
    private final InfraProfiles infra;
    private final InfraComparison comparison;
    private final Calibration calibration;
    private final double backgroundWeight;
    private final double maxLog10;
    private final ConcurrentHashMap<Integer, EvidenceItem> valueItems = new ConcurrentHashMap<>();

    public PairEvaluator(ValueIndex values, InfraProfiles infra, Calibration calibration, int burstDays,
                         double backgroundWeight, double maxLog10) {
        this.values = values;
        this.infra = infra;
        this.comparison = new InfraComparison(burstDays);
        this.calibration = calibration;
        this.backgroundWeight = backgroundWeight;
        this.maxLog10 = maxLog10;
    }

    public PairScore evaluate(int a, int b) {
        return LikelihoodRatio.combine(items(a, b), maxLog10);
    }

    /** Every item the two devices share, undecided (not yet grouped or counted). */
    public List<EvidenceItem> items(int a, int b) {
        int[] va = values.valuesOf(a), vb = values.valuesOf(b);
        int[] shared = new int[Math.min(va.length, vb.length)];
        int n = 0;
        List<EvidenceItem> items = new ArrayList<>();
        for (int i = 0, j = 0; i < va.length && j < vb.length; ) {
            if (va[i] < vb[j]) i++;
            else if (va[i] > vb[j]) j++;
            else {
                int v = va[i];
                ValueRole role = values.valueRole(v);
                if (role == ValueRole.LINKING || role == ValueRole.TOOL) {
                    shared[n++] = v;
                    Sighting sa = values.sightingsOf(a)[i], sb = values.sightingsOf(b)[j];
                    items.add(valueItem(v).dated(min(sa.firstSeen(), sb.firstSeen()), max(sa.lastSeen(), sb.lastSeen())));
                }
                i++;
                j++;
            }
        }
        int[] sharedIds = java.util.Arrays.copyOf(shared, n);
        for (InfraFeature f : comparison.compare(infra.of(a), infra.of(b), sharedIds)) items.add(featureItem(a, b, f));
        return items;
    }

    /** The item a value brings when two devices share it (times are set per pair). */
    public EvidenceItem valueItem(int v) {
        return valueItems.computeIfAbsent(v, this::buildValueItem);
    }

    private EvidenceItem buildValueItem(int v) {
        Observable o = values.observable(v);
        ResolvedLevel level = values.level(v);
        FeatureKind kind = kindOf(o, level.level());
        KindRate rate = calibration.rate(kind);
        String note = level.note();
        double lr = rate.lr();
        if ("pivot".equals(level.basis()) && !kind.isTool()) {
            // The analyst saw the candidate's background devices and judged the value operator infrastructure:
            // those devices are taken as its undetected targets, not as chance, so the kind's rate stands.
            note += "; on " + values.onBackground(v) + " of " + values.backgroundCount() + " background devices, taken as"
                    + " undetected targets by the confirmation (the kind's rate stands)";
        } else if (!kind.isTool()) {
            double chance = ChanceRate.of(rate.pHd(), values.onBackground(v), values.backgroundCount(), backgroundWeight);
            lr = Math.max(1, rate.pHp() / chance);
            note += "; on " + values.onBackground(v) + " of " + values.backgroundCount() + " background devices"
                    + (chance > rate.pHd() ? ", so weaker than its kind (chance rate " + sig(chance) + " instead of " + sig(rate.pHd()) + ")" : "");
        }
        return new EvidenceItem(kind, level.level(), List.of(values.key(v)), List.of(), List.of(basisOf(o)), lr, note, null, null);
    }

    private FeatureKind kindOf(Observable o, EvidenceLevel level) {
        if (level == EvidenceLevel.TOOL) return FeatureKind.SAME_TOOL;
        if (level == EvidenceLevel.WEAK_INFRASTRUCTURE) return FeatureKind.SHARED_WEAK_VALUE;
        return switch (o.type()) {
            case EMAIL -> FeatureKind.SHARED_ACCOUNT;
            case DOMAIN, URL -> FeatureKind.SHARED_DOMAIN;
            case IPV4, IPV6 -> infra.isHosting(o.value()) ? FeatureKind.HOSTING_IP : FeatureKind.SHARED_IP;
            case X509_HASH -> FeatureKind.SHARED_CERTIFICATE;
            default -> FeatureKind.SHARED_OPERATOR_VALUE;
        };
    }

    /** Hosts of one registered domain rest on one registration; an address is its own basis. */
    static String basisOf(Observable o) {
        return switch (o.type()) {
            case DOMAIN -> "d:" + DomainNames.registrableDomain(o.value()).orElse(o.value());
            case URL -> {
                ParsedUrl u = Urls.parse(o.value());
                yield u.hostKind() == ParsedUrl.HostKind.DOMAIN
                        ? "d:" + DomainNames.registrableDomain(u.host()).orElse(u.host()) : "ip:" + u.host();
            }
            case IPV4, IPV6 -> "ip:" + o.value();
            default -> "v:" + o.type().key() + ":" + o.value();
        };
    }

    /** The kind of evidence an infrastructure key family ("res", "tls", …) gives. */
    static FeatureKind kindOfFamily(String family) {
        return switch (family) {
            case "res" -> FeatureKind.CO_RESOLUTION;
            case "host" -> FeatureKind.HOSTING_IP;
            case "p24" -> FeatureKind.SAME_PREFIX;
            case "asn" -> FeatureKind.SAME_ASN;
            case "reg" -> FeatureKind.REGISTRANT_EMAIL;
            case "ns" -> FeatureKind.NAME_SERVERS;
            case "burst" -> FeatureKind.REGISTRATION_BURST;
            case "tls" -> FeatureKind.TLS_KEY;
            case "subj" -> FeatureKind.TLS_SUBJECT;
            case "rd" -> FeatureKind.SHARED_DOMAIN;
            default -> throw new IllegalStateException("unknown infrastructure family " + family);
        };
    }

    private EvidenceItem featureItem(int a, int b, InfraFeature f) {
        FeatureKind kind = kindOfFamily(f.family());
        List<String> vals = new ArrayList<>();
        Instant first = null, last = null;
        for (int v : f.valuesA()) {
            vals.add(values.key(v));
            Sighting s = values.sighting(a, v);
            first = min(first, s.firstSeen());
            last = max(last, s.lastSeen());
        }
        for (int v : f.valuesB()) {
            vals.add(values.key(v));
            Sighting s = values.sighting(b, v);
            first = min(first, s.firstSeen());
            last = max(last, s.lastSeen());
        }
        String note = f.family().equals("rd") ? "different hosts of the registered domain " + f.key().substring(3) : f.note();
        return new EvidenceItem(kind, kind.level(), vals.stream().distinct().toList(), f.facts(), f.basis(),
                calibration.lr(kind), note, first, last);
    }

    private static String sig(double d) {
        return String.format(java.util.Locale.ROOT, "%.3g", d);
    }

    static Instant min(Instant x, Instant y) {
        return x == null ? y : y == null ? x : x.isBefore(y) ? x : y;
    }

    static Instant max(Instant x, Instant y) {
        return x == null ? y : y == null ? x : x.isAfter(y) ? x : y;
    }

    public ValueIndex values() { return values; }

    public InfraProfiles infra() { return infra; }
}
