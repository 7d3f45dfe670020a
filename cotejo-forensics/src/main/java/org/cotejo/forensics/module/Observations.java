package org.cotejo.forensics.module;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cotejo.core.observable.InvalidObservableException;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TraceClass;

/**
 * Collects the observables of one record. Values that do not parse as their type are left out (a
 * "url" column holding "about:blank" is not a URL); the same value in the same field is kept once.
 */
public final class Observations {
    /** Up to this many values, duplicates are found by a scan: cheaper than hashing each value's text. */
    private static final int SCANNED = 16;

    private final TraceClass trace;
    private final List<ObservedValue> values = new ArrayList<>();
    /** Built once a record has more than {@link #SCANNED} values. */
    private Set<ObservedValue> seen;

    public Observations(TraceClass trace) {
        this.trace = trace;
    }

    /** Adds {@code raw} as {@code type} read from {@code field}, with the default trace class. */
    public Observations add(ObservableType type, String field, String raw) {
        return add(type, field, raw, trace);
    }

    public Observations add(ObservableType type, String field, String raw, TraceClass as) {
        if (raw == null || raw.isBlank()) return this;
        try {
            Observable o = type.normalise(raw);
            keep(new ObservedValue(o, field, as));
        } catch (InvalidObservableException e) {
            // Not a value of this type: nothing to match.
        }
        return this;
    }

    private void keep(ObservedValue v) {
        if (seen == null) {
            if (values.contains(v)) return;
            values.add(v);
            if (values.size() > SCANNED) seen = new HashSet<>(values);
        } else if (seen.add(v)) {
            values.add(v);
        }
    }

    /**
     * Adds a URL, or when the text is a bare host (no scheme), a domain or IP address. Browsers and
     * WebKit store both shapes in their "url" columns.
     */
    public Observations urlOrHost(String field, String raw) {
        return urlOrHost(field, raw, trace);
    }

    public Observations urlOrHost(String field, String raw, TraceClass as) {
        if (raw == null || raw.isBlank()) return this;
        String s = raw.strip();
        if (s.contains("://")) return add(ObservableType.URL, field, s, as);
        int before = values.size();
        add(ObservableType.IPV4, field, s, as);
        if (values.size() == before) add(ObservableType.IPV6, field, s, as);
        if (values.size() == before) add(ObservableType.DOMAIN, field, s, as);
        if (values.size() == before && s.contains("/")) add(ObservableType.URL, field, "http://" + s, as);
        return this;
    }

    /** Adds every URL of a list field. */
    public Observations urls(String field, Collection<String> raws) {
        int i = 0;
        for (String raw : raws) urlOrHost(field + "[" + i++ + "]", raw);
        return this;
    }

    public List<ObservedValue> list() { return List.copyOf(values); }
}
