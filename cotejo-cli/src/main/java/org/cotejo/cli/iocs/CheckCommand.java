package org.cotejo.cli.iocs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check",
        header = "Check values (domains, URLs, IPs, hashes, e-mails, ...) against indicator feeds.",
        description = {
            "Each value is refanged and normalised, its type taken from --type or inferred (shown with *),",
            "and matched by the rules of `cotejo iocs --help`. Every match names the indicator, its",
            "collection, the feed file and its SHA-256. Values on a warning list are flagged: they are",
            "never evidence on their own.",
            "",
            "Given VALUEs, one result is printed per value. With --from, only matching values are printed",
            "(all of them with --all), then a summary on stderr; --count prints just the number of matches."},
        footer = {"", "Examples:",
            "  cotejo iocs check 'hxxps://free247downloads[.]com/x' 8.8.8.8",
            "  cotejo iocs check --iocs pegasus.stix2 --json --from urls.txt > matches.jsonl",
            "  cotejo iocs check --type process --iocs pegasus.stix2 bh roleaccountd",
            "  zcat proxy.log.gz | cut -f3 | cotejo iocs check --from - --count"},
        mixinStandardHelpOptions = true)
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FeedOptions feedOptions;

    static final class Input {
        @Parameters(paramLabel = "VALUE", arity = "1..*", description = "Values to check.")
        List<String> values;

        @Option(names = "--from", paramLabel = "FILE|-", description = "Read values from a file, one per line ('-' for standard input).")
        String from;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE",
            description = "Type of every value: domain, url, ipv4, ipv6, cidr, email, process, file-name, file-path, md5, sha1, sha256, sha512, app-id, app-cert-hash, profile-id, android-property, x509-hash. Default: inferred per value.")
    String type;

    @Option(names = "--json", description = "Write JSON Lines (one object per value).")
    boolean json;

    @Option(names = "--all", description = "With --from: print every value, not only the matching ones.")
    boolean all;

    @Option(names = "--count", description = "With --from: print only the number of matching values.")
    boolean count;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() {
        ObservableType givenType = type == null ? null : ObservableType.fromKey(type).orElseThrow(() ->
                new CotejoException("unknown type '" + type + "'; use one of " + FeedOptions.typeKeys()));
        if ((all || count) && input.from == null) throw new CotejoException("--all and --count go with --from");
        LoadedFeeds feeds = LoadedFeeds.load(feedOptions);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        feeds.summarise(err);
        if (input.values != null) {
            for (String v : input.values) print(out, CheckResult.check(v, givenType, feeds));
            out.flush();
            return 0;
        }
        long lines, matched, invalid;
        if (input.from.equals("-")) {
            long[] t = checkStream(feeds, givenType, out);
            lines = t[0];
            matched = t[1];
            invalid = t[2];
        } else {
            Path file = Path.of(input.from);
            if (!Files.isRegularFile(file)) throw new CotejoException("no such file: " + file);
            BulkCheck.Totals t = new BulkCheck(feeds, givenType, all).run(file, r -> {
                if (!count) print(out, r);
            });
            lines = t.lines();
            matched = t.matched();
            invalid = t.invalid();
        }
        if (count) out.println(matched);
        out.flush();
        err.printf("cotejo: %,d values checked, %,d matched%s%n", lines, matched,
                all && invalid > 0 ? String.format(", %,d not valid", invalid) : "");
        return 0;
    }

    private long[] checkStream(LoadedFeeds feeds, ObservableType givenType, PrintWriter out) {
        long[] totals = new long[3];
        try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String v = line.strip();
                if (v.isEmpty() || v.startsWith("#")) continue;
                totals[0]++;
                CheckResult res = CheckResult.check(v, givenType, feeds);
                if (res.matched()) totals[1]++;
                if (res.error() != null) totals[2]++;
                if (!count && (all || res.matched())) print(out, res);
            }
        } catch (IOException e) {
            throw new CotejoException("cannot read standard input: " + e.getMessage());
        }
        return totals;
    }

    private void print(PrintWriter out, CheckResult r) {
        if (!json) {
            out.println(r.toLine());
            return;
        }
        try {
            out.println(JSON.writeValueAsString(r.toJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
