package org.cotejo.indicators.warninglist;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;

/**
 * A named set of values that must never be treated as evidence on their own: platform domains every
 * phone talks to, public resolvers, documentation ranges, the hash of an empty file. A match does not
 * clear a value; it tells the examiner that the value proves nothing by itself.
 *
 * @param source    where the list was read from (a file path, or the curated resource)
 * @param appliesTo the observable types the list is checked against (from MISP
 *                  {@code matching_attributes}, or inferred from {@code type} when absent)
 * @param entries   the entries as written in the list
 * @param notes     what the reader ignored and why (unknown attribute names, unusable entries)
 */
public record WarningList(String name, String description, String source, int version, WarningListType type,
                          Set<ObservableType> appliesTo, List<String> entries, List<String> notes) {
    public WarningList {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        source = source == null ? "" : source;
        // EnumSet keeps a stable order, so reports listing the types are deterministic.
        appliesTo = appliesTo.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(appliesTo));
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    public boolean appliesTo(ObservableType observableType) {
        return appliesTo.contains(observableType);
    }

    @Override
    public String toString() {
        return name + " (" + type.mispName() + ", " + entries.size() + " entries)";
    }
}
