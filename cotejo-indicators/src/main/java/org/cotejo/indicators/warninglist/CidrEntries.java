package org.cotejo.indicators.warninglist;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;

/**
 * {@code cidr} lists: an address (or a whole range) matches when it lies inside an entry's range.
 *
 * <p>Ranges are kept by prefix length; a value is masked to each length present and looked up, so a
 * check costs one hash look-up per distinct prefix length however many ranges a list holds (MISP's
 * cloud-provider lists hold thousands). The maps are built once and only read, so checks are
 * thread-safe.
 */
final class CidrEntries implements EntryMatcher {
    /** Prefix length, longest first so the most specific range is reported, to (masked range → entry). */
    private final NavigableMap<Integer, Map<String, String>> ipv4 = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<Integer, Map<String, String>> ipv6 = new TreeMap<>(Comparator.reverseOrder());
    private final Set<ObservableType> appliesTo;

    private CidrEntries(Set<ObservableType> appliesTo) {
        this.appliesTo = appliesTo;
    }

    static CidrEntries of(Set<ObservableType> appliesTo, List<String> entries, List<String> notes) {
        CidrEntries cidrs = new CidrEntries(appliesTo);
        for (String entry : entries) {
            IPAddress range = new IPAddressString(entry.strip()).getAddress();
            if (range == null) {
                notes.add("entry '" + entry + "' is not an IP address or CIDR range");
                continue;
            }
            int length = prefixLength(range);
            (range.isIPv4() ? cidrs.ipv4 : cidrs.ipv6)
                    .computeIfAbsent(length, l -> new HashMap<>())
                    .putIfAbsent(key(range, length), entry);
        }
        return cidrs;
    }

    @Override
    public Optional<Found> find(Observable observable) {
        if (!appliesTo.contains(observable.type())) return Optional.empty();
        return switch (observable.type()) {
            case IPV4, IPV6, CIDR -> find(observable.value(), "");
            case URL -> UrlHost.of(observable.value())
                    .filter(UrlHost::isIp)
                    .flatMap(host -> find(host.host(), "the URL's host "));
            default -> Optional.empty();
        };
    }

    private Optional<Found> find(String text, String what) {
        IPAddress address = new IPAddressString(text).getAddress();
        if (address == null) return Optional.empty();
        int own = prefixLength(address);
        // Only ranges at least as wide as the value can hold all of it.
        for (Map.Entry<Integer, Map<String, String>> byLength :
                (address.isIPv4() ? ipv4 : ipv6).tailMap(own, true).entrySet()) {
            String entry = byLength.getValue().get(key(address, byLength.getKey()));
            if (entry != null) {
                boolean single = byLength.getKey() == address.getBitCount();
                return Optional.of(new Found(entry, what + text + (single ? " is on the list" : " is inside " + entry)));
            }
        }
        return Optional.empty();
    }

    /** A single address is a range of its full bit length. */
    private static int prefixLength(IPAddress address) {
        Integer length = address.getNetworkPrefixLength();
        return length == null ? address.getBitCount() : length;
    }

    private static String key(IPAddress address, int length) {
        return address.toPrefixBlock(length).toCanonicalString();
    }
}
