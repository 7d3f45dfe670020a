package org.cotejo.correlation.level;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.model.MatchRef;

/**
 * Decides each value's evidence level, most specific statement first: the indicator's own level (its
 * feed's metadata carried on the match), else an override given for the whole feed (by collection name
 * or by the feed file's SHA-256), else the default for the value's type. A value without any match gets
 * its type's default.
 *
 * <p>When several indicators disagree, the level that links least wins (tool before weak
 * infrastructure before operator): a value one feed calls tool-wide must not link customers because
 * another feed called it the operator's.
 */
public final class LevelResolver {
    private final Map<String, EvidenceLevel> feedLevels;

    /** @param feedLevels collection name or feed SHA-256 (lower-case hex) → level */
    public LevelResolver(Map<String, EvidenceLevel> feedLevels) {
        // Hashes are compared in lower case, as MatchRef carries them; collection names as given.
        Map<String, EvidenceLevel> m = new java.util.HashMap<>();
        feedLevels.forEach((k, v) -> m.put(k.matches("[0-9A-Fa-f]{64}") ? k.toLowerCase(java.util.Locale.ROOT) : k, v));
        this.feedLevels = Map.copyOf(m);
    }

    public ResolvedLevel resolve(ObservableType type, Collection<MatchRef> matches) {
        ResolvedLevel best = null;
        for (MatchRef m : matches) {
            ResolvedLevel r = ofMatch(m);
            if (r != null && (best == null || linksLess(r.level(), best.level()))) best = r;
        }
        if (best != null) return best;
        return new ResolvedLevel(EvidenceLevel.defaultFor(type), "type", "default for its type (" + type.label() + ")");
    }

    private ResolvedLevel ofMatch(MatchRef m) {
        Optional<EvidenceLevel> hint = m.levelHint();
        if (hint.isPresent()) {
            return new ResolvedLevel(hint.get(), "indicator", "stated by indicator " + m.indicatorId() + " of " + m.collection());
        }
        EvidenceLevel byName = feedLevels.get(m.collection());
        if (byName != null) return new ResolvedLevel(byName, "feed", "override for feed " + m.collection());
        EvidenceLevel byHash = feedLevels.get(m.feedSha256().toLowerCase(java.util.Locale.ROOT));
        if (byHash != null) return new ResolvedLevel(byHash, "feed", "override for feed " + m.collection() + " (by SHA-256)");
        return null;
    }

    /** Tool links nothing, weak infrastructure little, operator most. */
    static boolean linksLess(EvidenceLevel a, EvidenceLevel b) {
        return rank(a) < rank(b);
    }

    private static int rank(EvidenceLevel l) {
        return switch (l) {
            case TOOL -> 0;
            case WEAK_INFRASTRUCTURE -> 1;
            case OPERATOR -> 2;
        };
    }
}
