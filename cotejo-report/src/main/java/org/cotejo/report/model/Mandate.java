package org.cotejo.report.model;

import java.time.Instant;
import java.util.List;

/**
 * The mandate: who ordered the examination, in which proceedings, under which instrument, and the
 * questions the report answers. Empty strings where the analyst gave nothing (the report then says
 * "not stated" rather than inventing).
 *
 * @param court               the court or authority that ordered the report
 * @param proceedings         the proceedings' reference
 * @param instrument          the legal instrument (e.g. a European Investigation Order and its reference)
 * @param requestingAuthority who asked for the examination
 * @param expert              the expert or laboratory signing the report
 * @param orderedAt           when the report was ordered, or null
 * @param questions           the questions asked, in order
 */
public record Mandate(String court, String proceedings, String instrument, String requestingAuthority, String expert,
                     Instant orderedAt, List<String> questions) {
    public Mandate {
        court = court == null ? "" : court;
        proceedings = proceedings == null ? "" : proceedings;
        instrument = instrument == null ? "" : instrument;
        requestingAuthority = requestingAuthority == null ? "" : requestingAuthority;
        expert = expert == null ? "" : expert;
        questions = List.copyOf(questions);
    }

    public static Mandate notStated() {
        return new Mandate("", "", "", "", "", null, List.of());
    }
}
