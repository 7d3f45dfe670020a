package org.cotejo.indicators.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStoreTest {
    @TempDir Path data;

    private FeedStore.Outcome store(FeedStore store, String content, String sha, String when) {
        return store.store("acme-feed", "Acme feed", "https://example.org/feed.json", "json",
                content.getBytes(StandardCharsets.UTF_8), sha, Instant.parse(when));
    }

    @Test
    void aFeedThatRevertsToAnEarlierContentIsANewVersionWithoutASecondCopy() {
        FeedStore store = new FeedStore(data);

        assertThat(store(store, "{\"v\":1}", "aa", "2026-01-01T00:00:00Z")).isEqualTo(FeedStore.Outcome.NEW);
        assertThat(store(store, "{\"v\":1}", "aa", "2026-01-02T00:00:00Z")).isEqualTo(FeedStore.Outcome.UNCHANGED);
        assertThat(store(store, "{\"v\":2}", "bb", "2026-01-03T00:00:00Z")).isEqualTo(FeedStore.Outcome.NEW);
        assertThat(store(store, "{\"v\":1}", "aa", "2026-01-04T00:00:00Z")).isEqualTo(FeedStore.Outcome.NEW);

        assertThat(store.versions("acme-feed")).extracting(StoredFeed::sha256).containsExactly("aa", "bb", "aa");
        assertThat(store.latest()).singleElement().satisfies(latest -> {
            assertThat(latest.sha256()).isEqualTo("aa");
            assertThat(latest.retrieved()).isEqualTo(Instant.parse("2026-01-04T00:00:00Z"));
            assertThat(latest.file()).hasContent("{\"v\":1}");
        });
    }

    @Test
    void aFeedNeverFetchedHasNoVersions() {
        assertThat(new FeedStore(data).versions("never-fetched")).isEmpty();
        assertThat(new FeedStore(data).latest()).isEmpty();
    }

    @Test
    void refusesSlugsThatWouldLeaveTheFeedFolder() {
        assertThatThrownBy(() -> new FeedStore(data).versions("../outside"))
                .isInstanceOf(CotejoException.class)
                .hasMessage("not a feed name: '../outside'");
    }
}
