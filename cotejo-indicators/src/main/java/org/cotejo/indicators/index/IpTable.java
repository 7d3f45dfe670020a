package org.cotejo.indicators.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import inet.ipaddr.IPAddress;
import org.cotejo.core.indicator.MatchRule;
import inet.ipaddr.IPAddressString;

/**
 * IP and CIDR indicators. A single address is a range of prefix length 32 (or 128). A look-up masks
 * the address with every prefix length that some indicator uses, longest first, and probes a hash
 * table keyed by (network, length): at most 33 probes for IPv4, with no allocation.
 */
final class IpTable {
    private final int[] v4Lengths;      // prefix lengths in use, descending
    private final long[] v4Keys;        // open addressing; key = network << 6 | length, -1 = empty
    private final int[] v4Entries;
    private final Postings v4Postings;
    private final int[] v6Lengths;
    private final Map<V6Key, Integer> v6Entries;
    private final Postings v6Postings;

    private IpTable(int[] v4Lengths, long[] v4Keys, int[] v4Entries, Postings v4Postings,
                    int[] v6Lengths, Map<V6Key, Integer> v6Entries, Postings v6Postings) {
        this.v4Lengths = v4Lengths;
        this.v4Keys = v4Keys;
        this.v4Entries = v4Entries;
        this.v4Postings = v4Postings;
        this.v6Lengths = v6Lengths;
        this.v6Entries = v6Entries;
        this.v6Postings = v6Postings;
    }

    boolean isEmpty() { return v4Lengths.length == 0 && v6Lengths.length == 0; }

    boolean hasV4() { return v4Lengths.length > 0; }

    private record V6Key(long hi, long lo, int length) {}

    static long v4Key(int network, int length) {
        return ((network & 0xffffffffL) << 6) | length;
    }

    private static int v4Slot(long key, int mask) {
        return StringTable.mix((int) (key ^ (key >>> 29))) & mask;
    }

    static int v4Mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    /** Calls {@code sink} for each indicator whose range holds {@code address}; returns how many. */
    int matchV4(int address, MatchSink sink, boolean inUrl, int maxLength) {
        int count = 0;
        int mask = v4Keys.length - 1;
        for (int length : v4Lengths) {
            if (length > maxLength) continue;
            long key = v4Key(address & v4Mask(length), length);
            for (int slot = v4Slot(key, mask); v4Keys[slot] != -1; slot = (slot + 1) & mask) {
                if (v4Keys[slot] == key) {
                    int e = v4Entries[slot];
                    MatchRule rule = length == 32
                            ? (inUrl ? MatchRule.URL_HOST_IP : MatchRule.IP_EXACT)
                            : (inUrl ? MatchRule.URL_HOST_IP_IN_RANGE : MatchRule.IP_IN_RANGE);
                    for (int p = v4Postings.from(e); p < v4Postings.to(e); p++) {
                        sink.accept(v4Postings.id(p), rule);
                        count++;
                    }
                    break;
                }
            }
        }
        return count;
    }

    /** IPv6 look-up: rare on the hot path, so it may allocate. */
    int matchV6(long hi, long lo, MatchSink sink, boolean inUrl, int maxLength) {
        int count = 0;
        for (int length : v6Lengths) {
            if (length > maxLength) continue;
            long mhi = length >= 64 ? hi : (length == 0 ? 0 : hi & (-1L << (64 - length)));
            long mlo = length <= 64 ? 0 : (length == 128 ? lo : lo & (-1L << (128 - length)));
            Integer e = v6Entries.get(new V6Key(mhi, mlo, length));
            if (e == null) continue;
            MatchRule rule = length == 128
                    ? (inUrl ? MatchRule.URL_HOST_IP : MatchRule.IP_EXACT)
                    : (inUrl ? MatchRule.URL_HOST_IP_IN_RANGE : MatchRule.IP_IN_RANGE);
            for (int p = v6Postings.from(e); p < v6Postings.to(e); p++) {
                sink.accept(v6Postings.id(p), rule);
                count++;
            }
        }
        return count;
    }

    /** Parses canonical text (address or CIDR) with the ipaddress library; null if it is neither. */
    static IPAddress parse(String text) {
        return new IPAddressString(text).getAddress();
    }

    static long[] v6Words(IPAddress a) {
        byte[] b = a.getBytes();
        long hi = 0, lo = 0;
        for (int i = 0; i < 8; i++) hi = (hi << 8) | (b[i] & 0xff);
        for (int i = 8; i < 16; i++) lo = (lo << 8) | (b[i] & 0xff);
        return new long[] {hi, lo};
    }

    static final class Builder {
        // IPv4 entries are packed as (network << 6 | length) << ID_BITS | id and sorted at build time:
        // no boxing, and ids come out ascending within each range.
        private static final int ID_BITS = 26;
        private long[] v4Packed = new long[16];
        private int v4Size;
        private final TreeSet<Integer> v4Lengths = new TreeSet<>();
        private final Map<V6Key, Integer> v6 = new HashMap<>();
        private final Postings.Builder v6Postings = new Postings.Builder();
        private final TreeSet<Integer> v6Lengths = new TreeSet<>();

        /** Adds an address or range given as canonical text; returns false if it is neither. */
        boolean add(String canonical, int id) {
            if (id >= 1 << ID_BITS) throw new IllegalStateException("more than " + (1 << ID_BITS) + " indicators");
            int slash = canonical.indexOf('/');
            long quad = IndicatorIndex.parseIpv4(canonical, 0, slash < 0 ? canonical.length() : slash);
            if (quad >= 0) {
                int length = slash < 0 ? 32 : parseLength(canonical, slash + 1, 32);
                if (length >= 0) {
                    addV4((int) quad & v4Mask(length), length, id);
                    return true;
                }
            }
            IPAddress a = parse(canonical);
            if (a == null) return false;
            Integer prefix = a.getNetworkPrefixLength();
            if (a.isIPv4()) {
                int length = prefix == null ? 32 : prefix;
                addV4(a.getLower().toIPv4().intValue() & v4Mask(length), length, id);
            } else {
                int length = prefix == null ? 128 : prefix;
                long[] w = v6Words(a.getLower());
                V6Key key = new V6Key(w[0], w[1], length);
                Integer e = v6.computeIfAbsent(key, k -> v6.size());
                v6Lengths.add(length);
                v6Postings.add(e, id);
            }
            return true;
        }

        private void addV4(int network, int length, int id) {
            if (v4Size == v4Packed.length) v4Packed = Arrays.copyOf(v4Packed, v4Size * 2);
            v4Packed[v4Size++] = (v4Key(network, length) << ID_BITS) | id;
            v4Lengths.add(length);
        }

        private static int parseLength(String s, int from, int max) {
            if (from >= s.length() || s.length() - from > 3) return -1;
            int v = 0;
            for (int i = from; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') return -1;
                v = v * 10 + (c - '0');
            }
            return v <= max ? v : -1;
        }

        IpTable build() {
            long[] packed = Arrays.copyOf(v4Packed, v4Size);
            Arrays.sort(packed);
            int distinct = 0;
            for (int i = 0; i < packed.length; i++) {
                if (i == 0 || (packed[i] >>> ID_BITS) != (packed[i - 1] >>> ID_BITS)) distinct++;
            }
            int capacity = Integer.highestOneBit(Math.max(4, distinct * 2 - 1)) << 1;
            long[] keys = new long[capacity];
            Arrays.fill(keys, -1L);
            int[] entries = new int[capacity];
            int mask = capacity - 1;
            Postings.Builder postings = new Postings.Builder();
            int entry = -1;
            for (int i = 0; i < packed.length; i++) {
                long key = packed[i] >>> ID_BITS;
                if (i == 0 || key != (packed[i - 1] >>> ID_BITS)) {
                    entry++;
                    int slot = v4Slot(key, mask);
                    while (keys[slot] != -1) slot = (slot + 1) & mask;
                    keys[slot] = key;
                    entries[slot] = entry;
                }
                postings.add(entry, (int) (packed[i] & ((1 << ID_BITS) - 1)));
            }
            return new IpTable(descending(v4Lengths), keys, entries, postings.build(distinct),
                    descending(v6Lengths), Map.copyOf(v6), v6Postings.build(v6.size()));
        }

        private static int[] descending(TreeSet<Integer> lengths) {
            return lengths.descendingSet().stream().mapToInt(Integer::intValue).toArray();
        }
    }

}
