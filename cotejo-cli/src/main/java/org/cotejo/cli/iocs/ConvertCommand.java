package org.cotejo.cli.iocs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.indicators.feed.Feed;
import org.cotejo.indicators.feed.MispWriter;
import org.cotejo.indicators.feed.StixWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "convert",
        header = "Convert feeds to a STIX 2.1 bundle or MISP event JSON.",
        description = {"Every indicator keeps its collection (malware, intrusion set or grouping) and TLP marking;",
            "TLP 2.0 marking definitions travel in STIX bundles by their fixed ids. Output is",
            "deterministic: the same input gives the same bytes (ids are name-based UUIDs).",
            "Writes to standard output, or to --out (written whole, then moved into place)."},
        footer = {"", "Examples:",
            "  cotejo iocs convert --to stix --iocs iocs.csv --out iocs.stix2",
            "  cotejo iocs convert --to misp --iocs pegasus.stix2 > pegasus.misp.json"},
        mixinStandardHelpOptions = true)
public final class ConvertCommand implements Callable<Integer> {
    enum Format { stix, misp }

    @Spec
    CommandSpec spec;

    @Mixin
    FeedOptions feedOptions;

    @Option(names = "--to", required = true, paramLabel = "stix|misp", description = "Output format.")
    Format to;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (feedOptions.feeds.isEmpty()) throw new CotejoException("name the feeds to convert with --iocs");
        LoadedFeeds loaded = LoadedFeeds.load(feedOptions);
        List<Indicator> indicators = new ArrayList<>();
        for (Feed f : loaded.feeds()) indicators.addAll(f.indicators());
        byte[] bytes = switch (to) {
            case stix -> new StixWriter(created(indicators)).toBytes(indicators);
            case misp -> new MispWriter().toBytes(indicators);
        };
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(new String(bytes, StandardCharsets.UTF_8));
            w.flush();
        } else {
            Path target = out.toAbsolutePath();
            Path tmp = Files.createTempFile(target.getParent(), ".cotejo-convert", ".tmp");
            try (OutputStream o = Files.newOutputStream(tmp)) {
                o.write(bytes);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return 0;
    }

    /** The newest retrieval time of the inputs, so converting the same files twice gives the same bytes. */
    private static Instant created(List<Indicator> indicators) {
        return indicators.stream().map(i -> i.collection().retrieved()).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
