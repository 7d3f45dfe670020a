package org.cotejo.cli.iocs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        header = "Check a bundled sample of values seen on a phone against the bundled feeds.",
        description = {"Checks a bundled sample of values seen on a phone (browser history URLs, process names,",
            "e-mail accounts, file paths, app ids) against the bundled indicator feeds, and prints what",
            "matched, with the indicator, collection and feed of every match. Needs no network and no input."},
        footer = {"", "Example:", "  cotejo iocs demo"},
        mixinStandardHelpOptions = true)
public final class IocsDemoCommand implements Callable<Integer> {
    static final String SAMPLE = "/org/cotejo/cli/demo/observables.txt";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadedFeeds feeds = LoadedFeeds.load(new FeedOptions());
        out.printf("Cotejo iocs demo: checking %d sample values against %,d indicators from %d bundled feeds.%n%n",
                sample().size(), feeds.index().size(), feeds.feeds().size());
        int matched = DemoCheck.run(sample(), feeds, out);
        out.printf("%n%d of %d values matched known spyware indicators. Types marked * were inferred.%n",
                matched, sample().size());
        out.println("Try: cotejo iocs check --help, cotejo iocs info, and cotejo demo for a whole investigation");
        out.flush();
        return 0;
    }

    /** The sample: "type<TAB>value" lines, '#' comments. */
    static List<String[]> sample() {
        List<String[]> values = new ArrayList<>();
        try (InputStream in = IocsDemoCommand.class.getResourceAsStream(SAMPLE)) {
            if (in == null) throw new IllegalStateException("missing resource " + SAMPLE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                values.add(line.split("\t", 2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

}
