package org.cotejo.correlation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.detection.Verdict;

/**
 * A seeded random world for property and scale tests: operators of one tool, each with its own domains
 * and attacker accounts, targeting devices in several countries; every target shows the tool's process
 * name; background devices browse a pool of common sites; a few journalists visited operator domains.
 */
public final class SyntheticWorld {
    public final List<DeviceEvidence> devices = new ArrayList<>();
    public final Map<String, String> operatorOf = new HashMap<>();

    public SyntheticWorld(long seed, int operators, int targetsPerOperator, int background, int valuesPerDevice) {
        Random rnd = new Random(seed);
        String[] countries = {"ES", "FR", "DE", "IT", "PT"};
        int n = 0;
        for (int op = 0; op < operators; op++) {
            int domains = 3 + rnd.nextInt(4);
            for (int t = 0; t < targetsPerOperator; t++) {
                List<Sighting> s = new ArrayList<>();
                s.add(Worlds.matched(ObservableType.PROCESS_NAME, "bh"));
                s.add(Worlds.matched(ObservableType.DOMAIN, "op" + op + "-d" + rnd.nextInt(domains) + ".net"));
                if (rnd.nextInt(3) == 0) s.add(Worlds.matched(ObservableType.DOMAIN, "op" + op + "-d" + rnd.nextInt(domains) + ".net"));
                if (rnd.nextInt(4) == 0) s.add(Worlds.matched(ObservableType.EMAIL, "op" + op + "@mail-op" + op + ".net"));
                addCommon(rnd, s, valuesPerDevice - s.size());
                String id = "dev-" + (n++);
                devices.add(Worlds.device(id, countries[(op + (t % 2)) % countries.length], Verdict.INFECTED, s.toArray(Sighting[]::new)));
                operatorOf.put(id, "op" + op);
            }
        }
        for (int b = 0; b < background; b++) {
            List<Sighting> s = new ArrayList<>();
            if (b % 50 == 0 && operators > 0) s.add(Worlds.visited(ObservableType.DOMAIN, "op" + rnd.nextInt(operators) + "-d0.net"));
            addCommon(rnd, s, valuesPerDevice - s.size());
            devices.add(Worlds.device("dev-" + (n++), countries[rnd.nextInt(countries.length)],
                    s.isEmpty() || s.get(0).matches().isEmpty() ? Verdict.NOTHING_FOUND : Verdict.INCONCLUSIVE, s.toArray(Sighting[]::new)));
        }
    }

    /** Common browsing: a skewed pool of 5,000 sites, so a few are on many devices and most on few. */
    private static void addCommon(Random rnd, List<Sighting> s, int count) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            int site = (int) Math.floor(Math.pow(rnd.nextDouble(), 3) * 5000);
            if (seen.add(site)) s.add(Worlds.unknown(ObservableType.DOMAIN, "site" + site + ".org"));
        }
    }
}
