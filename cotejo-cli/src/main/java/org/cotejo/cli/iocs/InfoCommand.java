package org.cotejo.cli.iocs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.indicators.feed.Feed;
import org.cotejo.indicators.feed.Skip;
import org.cotejo.indicators.warninglist.WarningHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "info",
        header = "Show what feeds hold: indicators per type and collection, skips with reasons, warning-list hits.",
        description = {"Reads the feeds completely (nothing is half-loaded: a malformed feed is an error with its",
            "place) and describes them. Indicators that are on a warning list are listed: they will never",
            "count as evidence on their own."},
        footer = {"", "Examples:",
            "  cotejo iocs info                                   the bundled feeds",
            "  cotejo iocs info --iocs pegasus.stix2 --skips      every skipped entry with its reason",
            "  cotejo iocs info --iocs feeds/ --json"},
        mixinStandardHelpOptions = true)
public final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FeedOptions feedOptions;

    @Option(names = "--skips", description = "List every skipped entry (default: grouped by reason, three examples each).")
    boolean allSkips;

    @Option(names = "--json", description = "Write one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LoadedFeeds loaded = LoadedFeeds.load(feedOptions);
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Feed f : loaded.feeds()) {
            Map<String, Object> doc = describe(f, loaded);
            docs.add(doc);
            if (!json) printFeed(out, f, doc);
        }
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("indicators", loaded.index().size());
            all.put("feeds", docs);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
        } else {
            out.printf("Total: %,d indicators in %d feed(s), %,d skipped entries.%n",
                    loaded.index().size(), loaded.feeds().size(), loaded.skipCount());
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> describe(Feed f, LoadedFeeds loaded) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", f.file());
        doc.put("sha256", f.sha256());
        doc.put("format", f.format());
        doc.put("indicators", f.indicators().size());
        doc.put("notes", f.notes());
        List<Map<String, Object>> cols = new ArrayList<>();
        for (Collection c : f.collections()) {
            Map<String, Object> cd = new LinkedHashMap<>();
            cd.put("id", c.id());
            cd.put("name", c.name());
            cd.put("indicates", c.indicates() == null ? null : c.indicates().toString());
            cd.put("tlp", c.tlp() == null ? null : c.tlp().label());
            Map<String, Integer> counts = new TreeMap<>();
            for (Indicator i : f.indicators()) {
                if (i.collection().id().equals(c.id())) counts.merge(i.value().type().key(), 1, Integer::sum);
            }
            cd.put("counts", counts);
            cols.add(cd);
        }
        doc.put("collections", cols);
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Skip s : f.skips()) byReason.computeIfAbsent(s.reason(), r -> new ArrayList<>()).add(s.location());
        doc.put("skips", byReason);
        List<Map<String, Object>> warned = new ArrayList<>();
        for (Indicator i : f.indicators()) {
            for (WarningHit w : loaded.warnings().check(i.value())) {
                Map<String, Object> wd = new LinkedHashMap<>();
                wd.put("indicator", i.value().toString());
                wd.put("location", i.location());
                wd.put("warning_list", w.list().name());
                warned.add(wd);
            }
        }
        doc.put("on_warning_lists", warned);
        return doc;
    }

    @SuppressWarnings("unchecked")
    private void printFeed(PrintWriter out, Feed f, Map<String, Object> doc) {
        out.printf("%s%n  format %s, sha256 %s, %,d indicators%n", f.file(), f.format(), f.sha256(), f.indicators().size());
        for (String note : f.notes()) out.println("  note: " + note);
        for (Map<String, Object> c : (List<Map<String, Object>>) doc.get("collections")) {
            out.printf("  collection \"%s\"%s%s: %s%n", c.get("name"),
                    c.get("indicates") == null ? "" : " → " + c.get("indicates"),
                    c.get("tlp") == null ? "" : " [" + c.get("tlp") + "]", c.get("counts"));
        }
        Map<String, List<String>> skips = (Map<String, List<String>>) doc.get("skips");
        if (!skips.isEmpty()) out.printf("  skipped %,d entries:%n", f.skips().size());
        for (var e : skips.entrySet()) {
            List<String> where = e.getValue();
            List<String> shown = allSkips ? where : where.subList(0, Math.min(3, where.size()));
            out.printf("    %,d × %s (%s%s)%n", where.size(), e.getKey(), String.join("; ", shown),
                    shown.size() < where.size() ? "; …" : "");
        }
        List<Map<String, Object>> warned = (List<Map<String, Object>>) doc.get("on_warning_lists");
        if (!warned.isEmpty()) {
            out.printf("  %d indicator(s) on warning lists (never evidence on their own):%n", warned.size());
            for (var w : warned.subList(0, Math.min(allSkips ? warned.size() : 5, warned.size()))) {
                out.printf("    %s (%s) on %s%n", w.get("indicator"), w.get("location"), w.get("warning_list"));
            }
        }
    }

}
