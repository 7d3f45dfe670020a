package org.cotejo.forensics.network.pcap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Problems of one capture file, per module: the first {@value #LISTED} of each module are reported as
 * they come, the rest counted and reported as one line at the end, so a damaged capture cannot flood
 * the results.
 */
final class ProblemTally {
    static final int LISTED = 20;

    private final CaptureSink sink;
    private final int file;
    private final Map<String, long[]> counts = new LinkedHashMap<>();

    ProblemTally(CaptureSink sink, int file) {
        this.sink = sink;
        this.file = file;
    }

    void report(String module, String message) {
        long n = ++counts.computeIfAbsent(module, m -> new long[1])[0];
        if (n <= LISTED) sink.problem(module, file, message);
    }

    /** A summary problem, always reported (counts of what was skipped). */
    void summary(String module, String message) {
        sink.problem(module, file, message);
    }

    void finish() {
        counts.forEach((module, n) -> {
            if (n[0] > LISTED) sink.problem(module, file, (n[0] - LISTED) + " more problem(s) not listed one by one");
        });
    }
}
