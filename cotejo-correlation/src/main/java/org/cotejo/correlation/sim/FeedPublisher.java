package org.cotejo.correlation.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.IndicatedThreat;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.observable.Observable;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.detection.Disposition;
import org.cotejo.indicators.feed.Feed;
import org.cotejo.indicators.feed.FeedReader;
import org.cotejo.indicators.feed.StixWriter;

/**
 * Publishes part of the world as a public feed, like Amnesty's lists: most of each vendor's tool traces
 * and a share of each operator's domains and accounts, but nothing of one operator per vendor. The
 * bundle is written with the project's STIX writer and read back with its feed reader, so indicator ids
 * and the feed hash in every match are exactly what checking a phone against the written file gives.
 */
final class FeedPublisher {
    static final String FILE_NAME = "published-feed.stix2.json";
    /** Creation time written into the bundle: fixed, so the bytes depend on the seed only. */
    private static final Instant CREATED = InfrastructureGenerator.day(InfrastructureGenerator.AS_OF);

    private final PublishedFeed feed;
    /** Keyed by type and normalised value: the raw text read back from the bundle may differ from ours. */
    private final Map<String, Indicator> byValue = new HashMap<>();
    private final Map<Observable, Map<Disposition, List<MatchRef>>> refs = new HashMap<>();

    FeedPublisher(List<Vendor> vendors, List<Operator> operators, double coverage, Dice dice) {
        List<Indicator> chosen = new ArrayList<>();
        for (Vendor v : vendors) {
            Collection c = new Collection("sim-" + v.id(), v.name() + " indicators (simulated)",
                    "Indicators of the simulated " + v.name() + " tool and some of its customers' infrastructure",
                    FILE_NAME, "", null, new IndicatedThreat("malware", v.name()), null);
            boolean firstProcess = true;
            boolean firstFile = true;
            boolean firstCert = true;
            for (Observable t : v.toolTraces()) {
                // The first process and implant path are always known, as the first public report names them.
                boolean sure = switch (t.type()) {
                    case PROCESS_NAME -> firstProcess;
                    case FILE_PATH -> firstFile;
                    case APP_ID -> true;
                    case APP_CERT_HASH -> firstCert;
                    default -> false;
                };
                switch (t.type()) {
                    case PROCESS_NAME -> firstProcess = false;
                    case FILE_PATH -> firstFile = false;
                    case APP_CERT_HASH -> firstCert = false;
                    default -> { }
                }
                if (sure || dice.chance(0.8)) chosen.add(new Indicator("", t, c, ""));
            }
            for (Operator o : operators) {
                if (!o.vendor().equals(v.id()) || !o.published()) continue;
                for (Observable value : o.infrastructure()) if (dice.chance(coverage)) chosen.add(new Indicator("", value, c, ""));
            }
        }
        byte[] stix = new StixWriter(CREATED).toBytes(chosen);
        Feed read = FeedReader.defaults().read(FILE_NAME, stix);
        for (Indicator i : read.indicators()) byValue.put(key(i.value()), i);
        feed = new PublishedFeed(FILE_NAME, stix, sha256(stix), read.indicators());
    }

    PublishedFeed feed() { return feed; }

    boolean publishes(Observable value) { return byValue.containsKey(key(value)); }

    private static String key(Observable o) {
        return o.type().key() + '\u0000' + o.value();
    }

    /** The match of a published value with this disposition (one shared list per value), or no match. */
    List<MatchRef> matches(Observable value, Disposition disposition) {
        Indicator i = byValue.get(key(value));
        if (i == null) return List.of();
        return refs.computeIfAbsent(value, k -> new EnumMap<>(Disposition.class)).computeIfAbsent(disposition,
                d -> List.of(new MatchRef(i.id(), i.collection().name(), feed.sha256(),
                        i.collection().indicates() == null ? "" : i.collection().indicates().name(), Optional.empty(), d)));
    }

    static String sha256(byte[] bytes) {
        return org.cotejo.core.Hashing.sha256(bytes);
    }
}
