package org.cotejo.correlation.sim;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cotejo.core.observable.Observable;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.Sighting;

/**
 * Generates the phones: targets of each operator (sized unevenly, as real operators are), journalists
 * who only visited spyware domains, phones with a name-colliding app, clean phones; some examined twice.
 * Each extraction becomes one {@link DeviceEvidence} with the verdict Cotejo's rule gives it.
 */
final class DeviceGenerator {
    record Result(List<DeviceEvidence> evidence, List<DeviceTruth> truth, Set<Observable> pivots) {}

    private final WorldSpec spec;
    private final Dice dice;
    private final List<Vendor> vendors;
    private final List<Operator> operators;
    private final FeedPublisher feed;
    private final PhoneTraces traces;
    private final double[] operatorWeights;
    private final int lastDay;

    DeviceGenerator(WorldSpec spec, Dice dice, ObservablePool pool, List<Vendor> vendors, List<Operator> operators,
                    FeedPublisher feed) {
        this.spec = spec;
        this.dice = dice;
        this.vendors = vendors;
        this.operators = operators;
        this.feed = feed;
        lastDay = (int) ChronoUnit.DAYS.between(InfrastructureGenerator.EPOCH, InfrastructureGenerator.AS_OF);
        traces = new PhoneTraces(dice, pool, feed, new PhoneTraces.Clock(lastDay + 1), operators);
        // Uneven operator sizes: some run a handful of infections, others dozens of times more.
        operatorWeights = new double[operators.size()];
        double sum = 0;
        for (int i = 0; i < operators.size(); i++) {
            sum += Math.pow(dice.between(1, 8), 2);
            operatorWeights[i] = sum;
        }
        for (int i = 0; i < operatorWeights.length; i++) operatorWeights[i] /= sum;
    }

    Result generate() {
        List<DeviceEvidence> evidence = new ArrayList<>(spec.devices() + spec.devices() / 10);
        List<DeviceTruth> truths = new ArrayList<>(spec.devices());
        Set<String> ids = new HashSet<>();
        Map<Observable, Integer> unpublishedSeen = new HashMap<>();
        Set<Observable> unpublished = new HashSet<>();
        operators.forEach(o -> o.infrastructure().stream().filter(v -> !feed.publishes(v)).forEach(unpublished::add));
        for (int n = 0; n < spec.devices(); n++) {
            double r = dice.unit();
            DeviceTruth.Kind kind = r < spec.targetedShare() ? DeviceTruth.Kind.TARGETED
                    : r < spec.targetedShare() + spec.exposureShare() ? DeviceTruth.Kind.EXPOSURE_ONLY
                    : dice.chance(spec.nameCollisionShare()) ? DeviceTruth.Kind.NAME_COLLISION : DeviceTruth.Kind.CLEAN;
            Operator op = kind == DeviceTruth.Kind.TARGETED ? operators.get(dice.rank(operatorWeights)) : null;
            Vendor vendor = op == null ? null : vendors.stream().filter(v -> v.id().equals(op.vendor())).findFirst().orElseThrow();
            String platform = vendor != null ? vendor.platform()
                    : kind == DeviceTruth.Kind.NAME_COLLISION || dice.chance(0.5) ? "ios" : "android";
            String country = op != null ? dice.pick(op.countries()) : dice.pick(spec.countries());
            SightingSet set = new SightingSet();
            int day;
            if (op != null) {
                int start = (int) ChronoUnit.DAYS.between(InfrastructureGenerator.EPOCH, op.bursts().get(0)) + 10;
                day = Math.min(lastDay - 40, start + dice.between(0, 500));
                traces.infection(set, op, vendor, dice.chance(spec.attemptedShare()), day);
            } else {
                day = dice.between(800, lastDay - 40);
                if (kind == DeviceTruth.Kind.EXPOSURE_ONLY) traces.exposure(set, platform, day);
                if (kind == DeviceTruth.Kind.NAME_COLLISION) traces.nameCollision(set, vendors.get(0), day);
            }
            int extractionDay = Math.min(lastDay, day + dice.between(10, 200));
            traces.benign(set, platform, extractionDay, spec.benignPerDevice());
            String id = newId(platform, ids);
            String label = country.toLowerCase(Locale.ROOT) + "-" + platform + "-" + String.format("%06d", n);
            List<DeviceEvidence> extractions = extractions(set, new DeviceRef(id, label, country, platform),
                    dice.chance(spec.secondExtractionShare()), extractionDay);
            evidence.addAll(extractions);
            boolean detected = extractions.stream().anyMatch(DeviceEvidence::targeted);
            if (op != null && detected) {
                for (Observable v : set.values()) if (unpublished.contains(v)) unpublishedSeen.merge(v, 1, Integer::sum);
            }
            truths.add(new DeviceTruth(id, kind, op == null ? "" : op.id(), op == null ? "" : op.vendor(), country, platform,
                    detected, extractions.stream().map(x -> x.device().label()).toList()));
        }
        evidence.sort(Comparator.comparing(DeviceEvidence::device));
        truths.sort(Comparator.comparing(DeviceTruth::deviceId));
        Set<Observable> pivots = new TreeSet<>();
        unpublishedSeen.forEach((v, count) -> {
            if (count >= 2) pivots.add(v);
        });
        return new Result(evidence, truths, pivots);
    }

    /**
     * One extraction, or two of one phone taken months apart: each holds about two thirds of the phone's
     * values (the first has what the second lost and the reverse), under the same device id.
     */
    private List<DeviceEvidence> extractions(SightingSet set, DeviceRef device, boolean twice, int day) {
        String source = "simulated extraction " + device.label();
        if (!twice) {
            List<Sighting> all = set.sightings(v -> true);
            return List.of(new DeviceEvidence(device, SightingSet.verdict(all), all, List.of(source)));
        }
        Map<Observable, Double> side = new HashMap<>();
        for (Observable v : set.values()) side.put(v, dice.unit());
        List<DeviceEvidence> out = new ArrayList<>(2);
        for (int x = 1; x <= 2; x++) {
            boolean first = x == 1;
            List<Sighting> part = set.sightings(v -> first ? side.get(v) < 0.65 : side.get(v) >= 0.35);
            DeviceRef ref = new DeviceRef(device.id(), device.label() + "-" + x, device.group(), device.platform());
            out.add(new DeviceEvidence(ref, SightingSet.verdict(part), part, List.of("simulated extraction " + ref.label()
                    + " (" + LocalDate.from(InfrastructureGenerator.EPOCH.plusDays(day + (first ? 0 : 90))) + ")")));
        }
        return out;
    }

    private String newId(String platform, Set<String> ids) {
        while (true) {
            String id = platform.equals("ios") ? ("00008101-" + dice.hex(16)).toUpperCase(Locale.ROOT) : dice.hex(16);
            if (ids.add(id)) return id;
        }
    }
}
