package org.cotejo.indicators.warninglist;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cotejo.core.observable.InvalidObservableException;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;

/**
 * {@code string} lists. Each entry is normalised as every type the list applies to, with the same
 * normaliser as the observables, so case and notation follow the type's rules (hashes and hosts
 * compare case-insensitively, file paths do not) without a second set of rules here.
 */
final class ExactEntries implements EntryMatcher {
    private final Map<ObservableType, Map<String, String>> byType;

    private ExactEntries(Map<ObservableType, Map<String, String>> byType) {
        this.byType = byType;
    }

    static ExactEntries of(Set<ObservableType> appliesTo, List<String> entries, List<String> notes) {
        Map<ObservableType, Map<String, String>> byType = new EnumMap<>(ObservableType.class);
        for (String entry : entries) {
            boolean usable = false;
            for (ObservableType type : appliesTo) {
                try {
                    String value = type.normalise(entry).value();
                    byType.computeIfAbsent(type, t -> new HashMap<>()).putIfAbsent(value, entry);
                    usable = true;
                } catch (InvalidObservableException notOfThisType) {
                    // An MD5 entry is not a SHA-1; the entry simply does not apply to that type.
                }
            }
            if (!usable) notes.add("entry '" + entry + "' is not a valid value of any type the list applies to");
        }
        return new ExactEntries(byType);
    }

    @Override
    public Optional<Found> find(Observable observable) {
        String entry = byType.getOrDefault(observable.type(), Map.of()).get(observable.value());
        return entry == null ? Optional.empty()
                : Optional.of(new Found(entry, observable.value() + " is on the list"));
    }
}
