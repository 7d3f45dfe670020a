package org.cotejo.correlation.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.model.EvidenceLevel;
import org.junit.jupiter.api.Test;

class MetricsTest {
    /** Six phones, three of operator A and three of operator B. */
    static final Map<String, String> TRUTH = new LinkedHashMap<>();

    static {
        for (String d : List.of("1", "2", "3")) TRUTH.put(d, "A");
        for (String d : List.of("4", "5", "6")) TRUTH.put(d, "B");
    }

    @Test
    void identicalPartitionsScorePerfectly() {
        QualityReport q = Metrics.evaluate(Prediction.ofClusters(List.of(Set.of("1", "2", "3"), Set.of("4", "5", "6"))), TRUTH, Set.of());
        assertThat(q.adjustedRandIndex()).isEqualTo(1.0);
        assertThat(q.bcubedF1()).isEqualTo(1.0);
        assertThat(q.pairPrecision()).isEqualTo(1.0);
        assertThat(q.pairRecall()).isEqualTo(1.0);
        assertThat(q.differentOperatorClustered()).isZero();
    }

    @Test
    void adjustedRandIndexOfTheTextbookExample() {
        // scikit-learn's user guide: labels_true [0,0,0,1,1,1], labels_pred [0,0,1,1,2,2] → 0.2424...
        // By hand: pairs within cells 2, within predicted groups 3, within operators 6, of 15 in all;
        // expected 3 × 6 / 15 = 1.2, maximum (3 + 6) / 2 = 4.5, ARI = (2 − 1.2) / (4.5 − 1.2) = 8 / 33.
        List<Set<String>> predicted = List.of(Set.of("1", "2"), Set.of("3", "4"), Set.of("5", "6"));
        assertThat(Metrics.adjustedRandIndex(predicted, TRUTH)).isCloseTo(8.0 / 33, within(1e-12));
    }

    @Test
    void bCubedAndPairCountsOfTheTextbookExample() {
        List<Set<String>> predicted = List.of(Set.of("1", "2"), Set.of("3", "4"), Set.of("5", "6"));
        QualityReport q = Metrics.evaluate(Prediction.ofClusters(predicted), TRUTH, Set.of());
        // B-cubed precision: phones 1, 2, 5, 6 sit with a same-operator phone (1 each); 3 and 4 with a
        // stranger (1/2 each): (4 + 1) / 6. Recall: 1 and 2 find 2 of 3 (2/3 each), 3 finds 1/3, and the
        // same on B's side: (2/3 · 2 + 1/3) · 2 / 6 = 5/9.
        assertThat(q.bcubedPrecision()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(q.bcubedRecall()).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(q.bcubedF1()).isCloseTo(2 * (5.0 / 6) * (5.0 / 9) / (5.0 / 6 + 5.0 / 9), within(1e-12));
        // Pairs put together: (1,2), (3,4), (5,6); two of them right; six same-operator pairs exist.
        assertThat(q.pairPrecision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(q.pairRecall()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(q.differentOperatorPairs()).isEqualTo(9);
        assertThat(q.differentOperatorClustered()).isEqualTo(1);
    }

    @Test
    void phonesInNoClusterStandAlone() {
        QualityReport q = Metrics.evaluate(Prediction.ofClusters(List.of()), TRUTH, Set.of());
        assertThat(q.clusters()).isEqualTo(6);
        assertThat(q.adjustedRandIndex()).isZero();
        assertThat(q.pairPrecision()).isEqualTo(1.0);
        assertThat(q.pairRecall()).isZero();
    }

    @Test
    void strongSupportAcrossOperatorsIsCountedAgainstAllAndScoredPairs() {
        Map<DevicePair, Double> lr = Map.of(DevicePair.of("1", "4"), 3.5, DevicePair.of("2", "5"), 1.0,
                DevicePair.of("1", "2"), 7.0);
        QualityReport q = Metrics.evaluate(new Prediction(List.of(), lr, Map.of(), Set.of()), TRUTH, Set.of());
        assertThat(q.differentOperatorScored()).isEqualTo(2);
        assertThat(q.strongDifferentOperator()).isEqualTo(1);
        assertThat(q.strongRateOfAll()).isCloseTo(1.0 / 9, within(1e-12));
        assertThat(q.strongRateOfScored()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aCrossOperatorClusterOnToolEvidenceOnlyIsCaught() {
        Map<DevicePair, Set<EvidenceLevel>> links = Map.of(DevicePair.of("3", "4"), Set.of(EvidenceLevel.TOOL),
                DevicePair.of("1", "2"), Set.of(EvidenceLevel.TOOL), DevicePair.of("5", "6"), Set.of(EvidenceLevel.OPERATOR));
        Prediction p = new Prediction(List.of(Set.of("1", "2"), Set.of("3", "4"), Set.of("5", "6")), Map.of(), links, Set.of());
        QualityReport q = Metrics.evaluate(p, TRUTH, Set.of());
        assertThat(q.linksStated()).isTrue();
        assertThat(q.toolOnlyCrossLinks()).isEqualTo(1);
    }

    @Test
    void pivotRecallAndPrecisionCompareTypeAndValue() {
        Observable a = ObservableType.DOMAIN.normalise("a-news24.com");
        Observable b = ObservableType.DOMAIN.normalise("b-colis.net");
        Observable proposedA = new Observable(ObservableType.DOMAIN, "a-news24.com", "A-NEWS24.COM");
        Observable wrong = ObservableType.DOMAIN.normalise("cdn.example.org");
        Prediction p = new Prediction(List.of(), Map.of(), Map.of(), Set.of(proposedA, wrong));
        QualityReport q = Metrics.evaluate(p, TRUTH, Set.of(a, b));
        assertThat(q.pivotRecall()).isEqualTo(0.5);
        assertThat(q.pivotPrecision()).isEqualTo(0.5);
    }

    @Test
    void nonTargetsInClustersAreCountedAndOverlappingClustersRefused() {
        Prediction p = Prediction.ofClusters(List.of(Set.of("1", "2", "journalist"), Set.of("lonely")));
        assertThat(Metrics.evaluate(p, TRUTH, Set.of()).nonTargetsClustered()).isEqualTo(1);
        Prediction overlapping = Prediction.ofClusters(List.of(Set.of("1", "2"), Set.of("2", "3")));
        assertThatThrownBy(() -> Metrics.evaluate(overlapping, TRUTH, Set.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("device 2");
    }
}
