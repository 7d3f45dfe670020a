package org.cotejo.detection.heuristic.network;

import java.util.List;
import org.cotejo.core.indicator.Match;
import org.cotejo.core.observable.InvalidObservableException;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.IpAddresses;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.indicators.index.IndicatorIndex;

/** Whether a name or an address seen in traffic is listed by an indicator of the run (the index may be absent). */
final class Listed {
    private Listed() {}

    /**
     * The first indicator match for a host name already normalised (as {@code TrafficRecords} gives them;
     * normalising is idempotent, so it is not done again per sighting), or null.
     */
    static Match domain(IndicatorIndex index, String host) {
        if (index == null || host == null || index.size() == 0) return null;
        List<Match> m = index.match(new Observable(ObservableType.DOMAIN, host, host));
        return m.isEmpty() ? null : m.get(0);
    }

    /** Whether an address is listed (exactly or by a range). */
    static boolean ip(IndicatorIndex index, String ip) {
        if (index == null || ip == null || index.size() == 0) return false;
        try {
            return !index.match(IpAddresses.parseIp(ip)).isEmpty();
        } catch (InvalidObservableException e) {
            return false;
        }
    }

    /** "indicator ID (VALUE) of COLLECTION" for messages. */
    static String describe(Match m) {
        return "indicator " + m.indicator().id() + " (" + m.indicator().value().value() + ") of " + m.indicator().collection().name();
    }
}
