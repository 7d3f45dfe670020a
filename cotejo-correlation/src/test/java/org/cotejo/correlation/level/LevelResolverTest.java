package org.cotejo.correlation.level;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.model.EvidenceLevel;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.detection.Disposition;
import org.junit.jupiter.api.Test;

class LevelResolverTest {
    private static final String SHA = "ABCDEF".repeat(10) + "ABCD";

    private static MatchRef match(String feed, Optional<EvidenceLevel> hint) {
        return new MatchRef("i1", feed, SHA.toLowerCase(), "Pegasus", hint, Disposition.EVIDENCE);
    }

    @Test
    void theIndicatorsOwnLevelWinsOverTheFeedOverride() {
        var r = new LevelResolver(Map.of("Amnesty v4", EvidenceLevel.TOOL))
                .resolve(ObservableType.DOMAIN, List.of(match("Amnesty v4", Optional.of(EvidenceLevel.OPERATOR))));
        assertThat(r.level()).isEqualTo(EvidenceLevel.OPERATOR);
        assertThat(r.basis()).isEqualTo("indicator");
    }

    @Test
    void aFeedOverrideAppliesByCollectionNameOrByHash() {
        assertThat(new LevelResolver(Map.of("Amnesty v4", EvidenceLevel.TOOL)).resolve(ObservableType.DOMAIN,
                List.of(match("Amnesty v4", Optional.empty()))).level()).isEqualTo(EvidenceLevel.TOOL);
        assertThat(new LevelResolver(Map.of(SHA, EvidenceLevel.WEAK_INFRASTRUCTURE)).resolve(ObservableType.DOMAIN,
                List.of(match("other", Optional.empty()))).note()).contains("by SHA-256");
    }

    @Test
    void withoutStatementsTheTypeDecidesAndUnknownValuesGetTheirTypesDefault() {
        var resolver = new LevelResolver(Map.of());
        assertThat(resolver.resolve(ObservableType.PROCESS_NAME, List.of(match("f", Optional.empty()))).level()).isEqualTo(EvidenceLevel.TOOL);
        assertThat(resolver.resolve(ObservableType.EMAIL, List.of()).level()).isEqualTo(EvidenceLevel.OPERATOR);
        assertThat(resolver.resolve(ObservableType.CIDR, List.of()).basis()).isEqualTo("type");
    }

    @Test
    void whenIndicatorsDisagreeTheLevelThatLinksLeastWins() {
        var r = new LevelResolver(Map.of()).resolve(ObservableType.DOMAIN,
                List.of(match("a", Optional.of(EvidenceLevel.OPERATOR)), match("b", Optional.of(EvidenceLevel.TOOL))));
        assertThat(r.level()).isEqualTo(EvidenceLevel.TOOL);
    }
}
