package org.cotejo.correlation.infra;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares the infrastructure facts of two devices: one merge over their key-sorted facts. Facts of
 * values both devices show are skipped: the shared value already says it, and counting its
 * infrastructure again would count one observation twice.
 */
public final class InfraComparison {
    private final int burstDays;

    /** @param burstDays two domains registered with one registrar at most this many days apart form a burst */
    public InfraComparison(int burstDays) {
        this.burstDays = burstDays;
    }

    /** @param shared value ids both devices show, ascending */
    public List<InfraFeature> compare(InfraFact[] a, InfraFact[] b, int[] shared) {
        List<InfraFeature> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.length && j < b.length) {
            int c = a[i].key().compareTo(b[j].key());
            if (c < 0) i++;
            else if (c > 0) j++;
            else {
                String key = a[i].key();
                int ie = i, je = j;
                while (ie < a.length && a[ie].key().equals(key)) ie++;
                while (je < b.length && b[je].key().equals(key)) je++;
                List<InfraFact> fa = own(a, i, ie, shared), fb = own(b, j, je, shared);
                if (!fa.isEmpty() && !fb.isEmpty()) feature(key, fa, fb, out);
                i = ie;
                j = je;
            }
        }
        return out;
    }

    private static List<InfraFact> own(InfraFact[] f, int from, int to, int[] shared) {
        List<InfraFact> l = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) if (Arrays.binarySearch(shared, f[k].value()) < 0) l.add(f[k]);
        return l;
    }

    private void feature(String key, List<InfraFact> fa, List<InfraFact> fb, List<InfraFeature> out) {
        String family = fa.get(0).family();
        String note = "";
        if (family.equals("res")) {
            // Co-resolution needs the two domains on the address at the same time: an address recycled by
            // a hosting company months later proves nothing.
            List<InfraFact[]> overlapping = new ArrayList<>();
            for (InfraFact x : fa) for (InfraFact y : fb) if (x.overlaps(y)) overlapping.add(new InfraFact[] {x, y});
            if (overlapping.isEmpty()) return;
            fa = overlapping.stream().map(p -> p[0]).distinct().toList();
            fb = overlapping.stream().map(p -> p[1]).distinct().toList();
            boolean known = overlapping.stream().allMatch(p -> p[0].windowKnown() && p[1].windowKnown());
            note = known ? "time windows overlap" : "time windows not known for every resolution: taken to overlap";
        } else if (family.equals("burst")) {
            List<InfraFact[]> close = new ArrayList<>();
            long bestGap = Long.MAX_VALUE;
            for (InfraFact x : fa) {
                for (InfraFact y : fb) {
                    long gap = Math.abs(ChronoUnit.DAYS.between(x.created(), y.created()));
                    if (gap <= burstDays && !x.basis().equals(y.basis())) {
                        close.add(new InfraFact[] {x, y});
                        bestGap = Math.min(bestGap, gap);
                    }
                }
            }
            if (close.isEmpty()) return;
            fa = close.stream().map(p -> p[0]).distinct().toList();
            fb = close.stream().map(p -> p[1]).distinct().toList();
            note = "registered " + bestGap + " day" + (bestGap == 1 ? "" : "s") + " apart with one registrar (limit " + burstDays + ")";
        } else if (family.equals("reg") || family.equals("ns")) {
            // One WHOIS record on both sides (two hosts of one registered domain) is the same registration, not a link.
            if (basisOf(fa).equals(basisOf(fb)) && basisOf(fa).size() == 1) return;
        }
        List<String> facts = new ArrayList<>();
        TreeSet<String> basis = new TreeSet<>();
        for (InfraFact f : fa) {
            facts.add(f.fact());
            basis.add(f.basis());
        }
        for (InfraFact f : fb) {
            facts.add(f.fact());
            basis.add(f.basis());
        }
        if (family.equals("rd")) basis.add(key.replace("rd:", "d:"));
        if (family.equals("tls")) basis.add(key); // a key seen through resolved addresses rests on the key too
        out.add(new InfraFeature(family, key, ids(fa), ids(fb), facts, new ArrayList<>(basis), note));
    }

    private static TreeSet<String> basisOf(List<InfraFact> l) {
        TreeSet<String> s = new TreeSet<>();
        for (InfraFact f : l) s.add(f.basis());
        return s;
    }

    private static int[] ids(List<InfraFact> l) {
        return l.stream().mapToInt(InfraFact::value).distinct().sorted().toArray();
    }
}
