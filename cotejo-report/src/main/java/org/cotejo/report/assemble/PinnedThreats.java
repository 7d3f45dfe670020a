package org.cotejo.report.assemble;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.cases.FeedInfo;
import org.cotejo.core.indicator.Collection;
import org.cotejo.indicators.feed.Feed;
import org.cotejo.indicators.feed.FeedReader;

/**
 * The threat each collection of a case's pinned feeds indicates ("Pegasus"), read back from the feed
 * files the case keeps: the case store records a detection's collection and feed hash, not the
 * threat, and the report and the "same tool" statements name the tool.
 */
final class PinnedThreats {
    private final Map<String, String> byFeedAndCollection;

    private PinnedThreats(Map<String, String> m) {
        this.byFeedAndCollection = m;
    }

    static PinnedThreats of(Path caseDir, List<FeedInfo> feeds) {
        Map<String, String> m = new HashMap<>();
        FeedReader reader = FeedReader.defaults();
        for (FeedInfo f : feeds) {
            if (f.storedPath() == null) continue;
            Path p = caseDir.resolve(f.storedPath());
            if (!Files.isRegularFile(p)) continue; // `case verify` reports a missing feed; the report then names no tool
            Feed feed = reader.read(p);
            for (Collection c : feed.collections()) {
                if (c.indicates() != null && c.indicates().name() != null) m.put(f.sha256() + "\n" + c.name(), c.indicates().name());
            }
        }
        return new PinnedThreats(m);
    }

    /** The threat of {@code collection} in the feed {@code feedSha256}, or "". */
    String of(String feedSha256, String collection) {
        return byFeedAndCollection.getOrDefault(feedSha256 + "\n" + collection, "");
    }
}
