package org.cotejo.correlation.sim;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The simulator's random draws, all from one seeded generator so that a seed names one world. */
final class Dice {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] TOKEN = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final SplittableRandom rnd;

    Dice(long seed) {
        rnd = new SplittableRandom(seed);
    }

    private Dice(SplittableRandom rnd) {
        this.rnd = rnd;
    }

    /** An independent stream, so that one part of the world can change size without shifting another's draws. */
    Dice split() { return new Dice(rnd.split()); }

    boolean chance(double p) { return rnd.nextDouble() < p; }

    /** Uniform in [lo, hi], both included. */
    int between(int lo, int hi) { return lo + rnd.nextInt(hi - lo + 1); }

    double unit() { return rnd.nextDouble(); }

    <T> T pick(List<T> from) { return from.get(rnd.nextInt(from.size())); }

    String hex(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) c[i] = HEX[rnd.nextInt(16)];
        return new String(c);
    }

    /** A random URL path token, as per-target links carry (Pegasus-style "/p/3Xz..."). */
    String token(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) c[i] = TOKEN[rnd.nextInt(TOKEN.length)];
        return new String(c);
    }

    /** Cumulative Zipf weights over {@code n} ranks with exponent {@code s}, for {@link #rank}. */
    static double[] zipf(int n, double s) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) c[i] /= sum;
        return c;
    }

    /** A rank drawn from cumulative weights. */
    int rank(double[] cumulative) {
        int i = Arrays.binarySearch(cumulative, rnd.nextDouble());
        return Math.min(i < 0 ? -i - 1 : i, cumulative.length - 1);
    }
}
