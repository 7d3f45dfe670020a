package org.cotejo.indicators.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.observable.InvalidObservableException;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;

/**
 * What one read of one feed has produced so far. Every reader reports through it, so strict mode
 * and the wording of "invalid value" skips are the same for every format.
 */
final class FeedLoad {
    final String file;
    final String sha256;
    final FeedReader options;
    final java.time.Instant retrieved;
    private final List<Collection> collections = new ArrayList<>();
    private final List<Indicator> indicators = new ArrayList<>();
    private final List<Skip> skips = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    FeedLoad(String file, String sha256, FeedReader options, java.time.Instant retrieved) {
        this.file = file;
        this.retrieved = retrieved;
        this.sha256 = sha256;
        this.options = options;
    }

    /** Records a skip; in strict mode, the first skip ends the read. */
    void skip(String location, String reason) {
        Skip skip = new Skip(file, location, reason);
        if (options.isStrict()) {
            throw new CotejoException("strict mode: " + skip + " (rerun without --strict to skip such entries)");
        }
        skips.add(skip);
    }

    /** The normalised value, or empty after recording a skip that gives the normaliser's reason. */
    Optional<Observable> normalise(ObservableType type, String raw, String location) {
        try {
            return Optional.of(type.normalise(raw));
        } catch (InvalidObservableException e) {
            skip(location, "not a valid " + type.label() + " '" + printable(raw) + "': " + e.reason());
            return Optional.empty();
        }
    }

    /** The canonical level hint, or "" after recording a skip when {@code raw} is not a level; "" for null. */
    String levelHint(String raw, String location) {
        if (raw == null) return "";
        Optional<String> level = LevelHints.canonical(raw);
        if (level.isEmpty()) skip(location, LevelHints.refused(raw));
        return level.orElse("");
    }

    void addCollection(Collection collection) {
        collections.add(collection);
    }

    void addIndicator(Indicator indicator) {
        indicators.add(indicator);
    }

    void note(String note) {
        notes.add(note);
    }

    Feed finish(String format) {
        return new Feed(file, sha256, format, collections, indicators, skips, notes);
    }

    /** Keeps a raw value readable inside a one-line message. */
    static String printable(String raw) {
        return raw == null ? "" : CotejoException.printable(raw);
    }
}
