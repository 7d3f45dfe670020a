package org.cotejo.cli.iocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.indicator.Match;
import org.cotejo.core.observable.InvalidObservableException;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.indicators.feed.TypeInference;
import org.cotejo.indicators.warninglist.WarningHit;

/**
 * The answer for one checked value: its type (given or inferred), its normalised form or why it is
 * not valid, every indicator it matches, and the warning lists it is on.
 */
record CheckResult(String input, ObservableType type, boolean typeInferred, Observable observable, String error,
                   List<Match> matches, List<WarningHit> warnings) {

    static CheckResult check(String input, ObservableType givenType, LoadedFeeds feeds) {
        ObservableType type = givenType;
        boolean inferred = false;
        if (type == null) {
            Optional<ObservableType> t = TypeInference.infer(input);
            if (t.isEmpty()) {
                return new CheckResult(input, null, true, null,
                        "cannot tell what kind of value this is; give --type", List.of(), List.of());
            }
            type = t.get();
            inferred = true;
        }
        Observable o;
        try {
            o = type.normalise(input);
        } catch (InvalidObservableException e) {
            return new CheckResult(input, type, inferred, null, e.reason(), List.of(), List.of());
        }
        return new CheckResult(input, type, inferred, o, null, feeds.index().match(o), feeds.warnings().check(o));
    }

    boolean matched() { return !matches.isEmpty(); }

    /** One line of the table output. */
    String toLine() {
        String typeText = type == null ? "?" : type.key() + (typeInferred ? "*" : "");
        if (error != null) return String.format("INVALID   %-14s %s: %s", typeText, input, error);
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-9s %-14s %s", matched() ? "MATCH" : "no match", typeText, input));
        if (!observable.value().equals(input)) b.append("  (normalised: ").append(observable.value()).append(')');
        for (Match m : matches) {
            Indicator i = m.indicator();
            b.append(System.lineSeparator()).append("    ").append(m.rule()).append(": ")
                    .append(i.value().type().key()).append(' ').append(i.value().value())
                    .append(" in \"").append(i.collection().name()).append('"');
            if (i.collection().indicates() != null) b.append(" (").append(i.collection().indicates()).append(')');
            b.append(" [").append(i.collection().sourceFile()).append(" sha256:")
                    .append(i.collection().sourceSha256(), 0, 12).append("…, ").append(i.location()).append(']');
        }
        for (WarningHit w : warnings) {
            b.append(System.lineSeparator()).append("    warning: on list ").append(w.list().name())
                    .append(" (").append(w.how()).append("): not evidence on its own");
        }
        return b.toString();
    }

    /** The JSON Lines form; stable key order. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input);
        m.put("type", type == null ? null : type.key());
        m.put("type_inferred", typeInferred);
        if (error != null) {
            m.put("error", error);
            return m;
        }
        m.put("value", observable.value());
        m.put("matched", matched());
        List<Map<String, Object>> ms = new ArrayList<>();
        for (Match match : matches) {
            Indicator i = match.indicator();
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("rule", match.rule().name());
            j.put("rule_description", match.rule().description());
            j.put("indicator_id", i.id());
            j.put("indicator_type", i.value().type().key());
            j.put("indicator_value", i.value().value());
            j.put("indicator_raw", i.value().raw());
            j.put("location", i.location());
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", i.collection().id());
            c.put("name", i.collection().name());
            c.put("indicates", i.collection().indicates() == null ? null : Map.of(
                    "kind", i.collection().indicates().kind(), "name", i.collection().indicates().name()));
            c.put("tlp", i.collection().tlp() == null ? null : i.collection().tlp().label());
            c.put("feed_file", i.collection().sourceFile());
            c.put("feed_sha256", i.collection().sourceSha256());
            j.put("collection", c);
            ms.add(j);
        }
        m.put("matches", ms);
        List<Map<String, Object>> ws = new ArrayList<>();
        for (WarningHit w : warnings) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("list", w.list().name());
            j.put("entry", w.entry());
            j.put("how", w.how());
            ws.add(j);
        }
        m.put("warnings", ws);
        return m;
    }
}
