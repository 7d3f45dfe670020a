package org.cotejo.indicators.index;

import org.cotejo.core.indicator.MatchRule;

/**
 * Receives matches on the hot path as an indicator number and a rule, so that matching a value
 * allocates nothing. {@link IndicatorIndex#indicator(int)} turns the number into the indicator.
 */
@FunctionalInterface
public interface MatchSink {
    MatchSink IGNORE = (indicator, rule) -> { };

    void accept(int indicator, MatchRule rule);
}
