package org.cotejo.core.indicator;

import java.util.Objects;
import org.cotejo.core.observable.Observable;

/** An observable matched by an indicator, and the rule that matched it. */
public record Match(Observable observable, Indicator indicator, MatchRule rule) {
    public Match {
        Objects.requireNonNull(observable, "observable");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(rule, "rule");
    }
}
