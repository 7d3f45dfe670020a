package org.cotejo.correlation.lr;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.correlation.enrich.Enrichment;
import org.cotejo.correlation.infra.InfraProfiles;
import org.cotejo.correlation.level.LevelResolver;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.specificity.DeviceMerger;
import org.cotejo.correlation.specificity.DeviceRole;
import org.cotejo.correlation.specificity.FanOutCap;
import org.cotejo.correlation.specificity.ValueIndex;
import org.cotejo.indicators.warninglist.WarningLists;

/**
 * Estimates a {@link Calibration} from labelled devices (a simulated world's truth): for each kind of
 * evidence, the share of same-operator pairs and of different-operator pairs of targeted devices that
 * share at least one item of that kind, with add-½ (Jeffreys) smoothing so a kind never seen among
 * different-operator pairs gets a finite ratio that grows with the number of pairs that did not show it.
 *
 * <p>Pairs are found through every key, weak ones included; the totals are counted, not enumerated, so a
 * pair sharing nothing costs nothing. Unlabelled devices are left out. Kinds with no same-operator or no
 * different-operator pair to learn from keep their default prior, and their row says so.
 */
public final class Calibrator {
    private final Map<String, EvidenceLevel> feedLevels;
    private final WarningLists warningLists;
    private final FanOutCap cap;
    private final int hostingDomains;
    private final int burstDays;

    public Calibrator(Map<String, EvidenceLevel> feedLevels, WarningLists warningLists, FanOutCap cap, int hostingDomains, int burstDays) {
        this.feedLevels = Map.copyOf(feedLevels);
        this.warningLists = warningLists;
        this.cap = cap;
        this.hostingDomains = hostingDomains;
        this.burstDays = burstDays;
    }

    /** With the same defaults as {@code CorrelationOptions.defaults()}. */
    public static Calibrator defaults() {
        return new Calibrator(Map.of(), WarningLists.curated(), FanOutCap.defaults(), 20, 3);
    }

    public Calibration calibrate(String name, List<DeviceEvidence> devices, Enrichment enrichment, Map<String, String> operatorOfDevice) {
        return calibrate(name, "", devices, enrichment, operatorOfDevice);
    }

    /** @param provenance how the devices came about ("simulated worlds: seeds 1–5, 10 operators, …"), prefixed to the counts */
    public Calibration calibrate(String name, String provenance, List<DeviceEvidence> devices, Enrichment enrichment,
                                 Map<String, String> operatorOfDevice) {
        return calibrate(name, provenance, List.of(count(devices, enrichment, operatorOfDevice)));
    }

    /**
     * What one labelled world contributes: its pairs of labelled targeted devices and, per kind, how many of
     * them share an item of that kind. Worlds are counted apart (their operators' names may repeat) and pooled.
     */
    public record Counts(long labelled, int operators, long samePairs, long diffPairs, long[] same, long[] diff) {}

    public Counts count(List<DeviceEvidence> devices, Enrichment enrichment, Map<String, String> operatorOfDevice) {
        ValueIndex values = new ValueIndex(DeviceMerger.merge(devices), new LevelResolver(feedLevels), warningLists, cap, Map.of(), Map.of());
        InfraProfiles infra = new InfraProfiles(values, enrichment, hostingDomains, cap);
        PairEvaluator evaluator = new PairEvaluator(values, infra, Calibration.defaultPriors(), burstDays, 0, 10);
        String[] operator = new String[values.deviceCount()];
        Map<String, Integer> perOperator = new HashMap<>();
        long labelled = 0;
        for (int d = 0; d < values.deviceCount(); d++) {
            if (values.role(d) != DeviceRole.TARGETED) continue;
            String op = operatorOfDevice.get(values.device(d).device().id());
            operator[d] = op == null || op.isEmpty() ? null : op;
            if (operator[d] != null) {
                perOperator.merge(operator[d], 1, Integer::sum);
                labelled++;
            }
        }
        long samePairs = 0;
        for (int k : perOperator.values()) samePairs += (long) k * (k - 1) / 2;
        long diffPairs = labelled * (labelled - 1) / 2 - samePairs;

        long[] same = new long[FeatureKind.values().length], diff = new long[FeatureKind.values().length];
        CandidatePairs pairs = new CandidatePairs(values, infra, true);
        for (int i = 0; i < pairs.size(); i++) {
            int a = pairs.first(i), b = pairs.second(i);
            if (operator[a] == null || operator[b] == null) continue;
            Set<FeatureKind> kinds = EnumSet.noneOf(FeatureKind.class);
            for (EvidenceItem it : evaluator.items(a, b)) kinds.add(it.kind());
            long[] into = operator[a].equals(operator[b]) ? same : diff;
            for (FeatureKind k : kinds) into[k.ordinal()]++;
        }
        return new Counts(labelled, perOperator.size(), samePairs, diffPairs, same, diff);
    }

    /** Pools the worlds' counts into one calibration; {@code provenance} is prefixed to the pooled counts. */
    public Calibration calibrate(String name, String provenance, List<Counts> worlds) {
        long labelled = 0, samePairs = 0, diffPairs = 0;
        int operators = 0;
        long[] same = new long[FeatureKind.values().length], diff = new long[FeatureKind.values().length];
        for (Counts c : worlds) {
            labelled += c.labelled();
            operators += c.operators();
            samePairs += c.samePairs();
            diffPairs += c.diffPairs();
            for (int k = 0; k < same.length; k++) {
                same[k] += c.same()[k];
                diff[k] += c.diff()[k];
            }
        }
        List<KindRate> rows = new ArrayList<>();
        for (FeatureKind k : FeatureKind.values()) {
            if (samePairs == 0 || diffPairs == 0) {
                rows.add(KindRate.of(k, k.priorHp(), k.priorHd(), "default prior (no labelled pairs of both kinds)"));
                continue;
            }
            if (!k.isTool() && same[k.ordinal()] + diff[k.ordinal()] == 0) {
                // Seen in no pair at all, the smoothed ratio would only be the ratio of the two pair counts.
                rows.add(KindRate.of(k, k.priorHp(), k.priorHd(), "default prior (seen in none of the " + samePairs
                        + " same-operator and " + diffPairs + " different-operator pairs)"));
                continue;
            }
            double pHp = (same[k.ordinal()] + 0.5) / (samePairs + 1.0);
            double pHd = (diff[k.ordinal()] + 0.5) / (diffPairs + 1.0);
            rows.add(KindRate.of(k, pHp, pHd, "estimated: " + same[k.ordinal()] + " of " + samePairs + " same-operator pairs, "
                    + diff[k.ordinal()] + " of " + diffPairs + " different-operator pairs (add-1/2 smoothing)"));
        }
        String counts = labelled + " labelled targeted devices of " + operators + " operators" + (worlds.size() > 1 ? " in "
                + worlds.size() + " worlds" : "") + "; " + samePairs + " same-operator and " + diffPairs + " different-operator pairs";
        return new Calibration(name, (provenance.isEmpty() ? "" : provenance + "; ") + counts, rows);
    }
}
