package org.cotejo.indicators.warninglist;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;

/** {@code substring} lists: an entry occurs somewhere in the value. */
final class SubstringEntries implements EntryMatcher {
    // The types whose values keep their case (see ObservableType); every other type is lower-cased.
    private static final Set<ObservableType> CASE_KEPT =
            EnumSet.of(ObservableType.PROCESS_NAME, ObservableType.FILE_NAME, ObservableType.FILE_PATH);

    private final Set<ObservableType> appliesTo;
    private final List<String> entries;

    private SubstringEntries(Set<ObservableType> appliesTo, List<String> entries) {
        this.appliesTo = appliesTo;
        this.entries = entries;
    }

    static SubstringEntries of(Set<ObservableType> appliesTo, List<String> entries) {
        return new SubstringEntries(appliesTo, entries.stream().filter(e -> !e.isEmpty()).toList());
    }

    @Override
    public Optional<Found> find(Observable observable) {
        if (!appliesTo.contains(observable.type())) return Optional.empty();
        boolean keepCase = CASE_KEPT.contains(observable.type());
        for (String entry : entries) {
            String needle = keepCase ? entry : entry.toLowerCase(Locale.ROOT);
            if (observable.value().contains(needle)) {
                return Optional.of(new Found(entry, observable.value() + " contains '" + entry + "'"));
            }
        }
        return Optional.empty();
    }
}
