package org.cotejo.indicators.feed;

import java.util.List;
import java.util.Objects;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.Indicator;

/**
 * One feed file, read completely: its collections, the indicators they hold (in file order), what
 * was skipped and why, and notes on how the file was read.
 *
 * @param file        the feed file as given (path or resource name)
 * @param sha256      SHA-256 of the file's bytes, lower-case hex
 * @param format      {@code stix2}, {@code misp}, {@code csv} or {@code list}
 * @param collections in file order
 * @param indicators  in file order
 * @param skips       in file order
 * @param notes       how the file was read, for the operator: "type inferred from the file name
 *                    domains.txt: domain", "ignored 3 objects of types identity (1), location (2)"
 */
public record Feed(String file, String sha256, String format, List<Collection> collections,
                   List<Indicator> indicators, List<Skip> skips, List<String> notes) {
    public Feed {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
        collections = List.copyOf(collections);
        indicators = List.copyOf(indicators);
        skips = List.copyOf(skips);
        notes = List.copyOf(notes);
    }
}
