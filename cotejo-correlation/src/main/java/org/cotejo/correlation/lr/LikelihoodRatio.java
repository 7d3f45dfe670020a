package org.cotejo.correlation.lr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines the items one pair shares into one likelihood ratio for Hp "the same operator targeted both"
 * against Hd "different operators of the same tool".
 *
 * <p>Independent items multiply; dependent ones do not. Items whose bases overlap (a URL and its domain,
 * a shared address and a co-resolution on it, a registrant and the name servers of the same WHOIS
 * record) form one group, and only the strongest item of a group counts. Weak items (/24, ASN, shared
 * hosting) never join groups of stronger items: one that rests on an address a stronger item already
 * used adds nothing and is dropped, so a weak feature cannot chain two strong groups into one. Tool-level
 * items are listed ("same tool") and never counted. A registration burst counts only beside another
 * counted non-weak item. The product is capped because beyond the cap the number reflects the model's
 * independence assumptions more than the data.
 */
public final class LikelihoodRatio {
    private LikelihoodRatio() {}

    public static PairScore combine(List<EvidenceItem> shared, double maxLog10) {
        List<EvidenceItem> items = new ArrayList<>(shared);
        items.sort(EvidenceItem.ORDER);
        int n = items.size();
        String[] reason = new String[n];
        boolean[] counted = new boolean[n];

        List<Integer> strong = new ArrayList<>();
        List<Integer> weak = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FeatureKind k = items.get(i).kind();
            if (k.isTool()) reason[i] = "same tool only: never raises the ratio";
            else if (k.isWeak()) weak.add(i);
            else strong.add(i);
        }
        countStrongestPerGroup(items, strong, counted, reason);

        // The "only combined" rule, after grouping: a burst needs another counted non-weak item beside it.
        boolean otherStrong = strong.stream().anyMatch(i -> counted[i] && !items.get(i).kind().onlyCombined());
        for (int i : strong) {
            if (counted[i] && items.get(i).kind().onlyCombined() && !otherStrong) {
                counted[i] = false;
                reason[i] = "counts only beside another item of at least moderate strength";
            }
        }

        Map<String, Integer> strongBasis = new HashMap<>();
        for (int i : strong) for (String b : items.get(i).basis()) strongBasis.putIfAbsent(b, i);
        List<Integer> freeWeak = new ArrayList<>();
        for (int i : weak) {
            Integer over = null;
            for (String b : items.get(i).basis()) {
                over = strongBasis.get(b);
                if (over != null) break;
            }
            if (over != null) reason[i] = "rests on what " + describe(items.get(over)) + " already shows";
            else freeWeak.add(i);
        }
        countStrongestPerGroup(items, freeWeak, counted, reason);

        double log10 = 0;
        List<CountedItem> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (counted[i]) log10 += Math.log10(items.get(i).lr());
            out.add(new CountedItem(items.get(i), counted[i], counted[i] ? "" : reason[i]));
        }
        boolean capped = log10 > maxLog10;
        if (capped) log10 = maxLog10;
        return new PairScore(out, log10, capped, SupportScale.ofLog10(log10));
    }

    /** Groups {@code members} by overlapping basis; the strongest of each group counts (ties: the first). */
    private static void countStrongestPerGroup(List<EvidenceItem> items, List<Integer> members, boolean[] counted, String[] reason) {
        int m = members.size();
        int[] parent = new int[m];
        for (int i = 0; i < m; i++) parent[i] = i;
        Map<String, Integer> firstWithBasis = new HashMap<>();
        for (int i = 0; i < m; i++) {
            for (String b : items.get(members.get(i)).basis()) {
                Integer j = firstWithBasis.putIfAbsent(b, i);
                if (j != null) union(parent, i, j);
            }
        }
        Map<Integer, Integer> best = new HashMap<>();
        for (int i = 0; i < m; i++) {
            int root = find(parent, i);
            Integer b = best.get(root);
            if (b == null || items.get(members.get(i)).lr() > items.get(members.get(b)).lr()) best.put(root, i);
        }
        Set<Integer> winners = new HashSet<>(best.values());
        for (int i = 0; i < m; i++) {
            int idx = members.get(i);
            if (winners.contains(i)) {
                counted[idx] = true;
            } else {
                reason[idx] = "depends on " + describe(items.get(members.get(best.get(find(parent, i))))) + " (counted once)";
            }
        }
    }

    private static String describe(EvidenceItem item) {
        return item.kind().label() + (item.values().isEmpty() ? "" : " " + String.join(", ", item.values()));
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a), rb = find(p, b);
        if (ra != rb) p[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
