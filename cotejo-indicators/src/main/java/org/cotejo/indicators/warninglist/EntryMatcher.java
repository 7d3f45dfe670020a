package org.cotejo.indicators.warninglist;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;

/** The entries of one warning list, prepared for fast checking according to the list's type. */
sealed interface EntryMatcher permits ExactEntries, HostnameEntries, CidrEntries, SubstringEntries, RegexEntries {

    /** The entry that matched and one line saying how. */
    record Found(String entry, String how) {}

    /** The most specific entry matching {@code observable}, if any. */
    Optional<Found> find(Observable observable);

    /**
     * Prepares {@code entries}; entries that cannot be used are left out and described in
     * {@code notes}. {@code where} names the list's file for error messages.
     */
    static EntryMatcher compile(WarningListType type, Set<ObservableType> appliesTo, List<String> entries,
                                List<String> notes, String where) {
        return switch (type) {
            case STRING -> ExactEntries.of(appliesTo, entries, notes);
            case HOSTNAME -> HostnameEntries.of(appliesTo, entries, notes);
            case CIDR -> CidrEntries.of(appliesTo, entries, notes);
            case SUBSTRING -> SubstringEntries.of(appliesTo, entries);
            case REGEX -> RegexEntries.of(appliesTo, entries, where);
        };
    }
}
