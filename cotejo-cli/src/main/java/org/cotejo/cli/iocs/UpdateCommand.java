package org.cotejo.cli.iocs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cotejo.indicators.update.DataDirectory;
import org.cotejo.indicators.update.FeedResult;
import org.cotejo.indicators.update.FeedUpdater;
import org.cotejo.indicators.update.UpdateReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "update",
        header = "Fetch the current versions of the public feeds listed in MVT's indicators.yaml.",
        description = {
            "Downloads the index and every feed it lists over HTTPS into the data folder ($COTEJO_HOME, else",
            "$XDG_DATA_HOME/cotejo, else ~/.local/share/cotejo). Every version is kept, named by its SHA-256,",
            "with its URL and retrieval time in versions.json, so a past analysis can be re-run on exactly",
            "the feeds it used. Afterwards, commands without --iocs use the newest fetched version of a",
            "feed in place of the bundled copy. This is the only command that uses the network; analysis",
            "never does."},
        footer = {"", "Examples:",
            "  cotejo iocs update",
            "  cotejo iocs update --data-dir /srv/cotejo",
            "  cotejo iocs update --index-url http://127.0.0.1:8080/indicators.yaml --raw-base http://127.0.0.1:8080/raw/   (a local mirror)"},
        mixinStandardHelpOptions = true)
public final class UpdateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where fetched feeds are kept.")
    Path dataDir;

    @Option(names = "--index-url", paramLabel = "URL", description = "The indicators.yaml index (default: MVT's, on GitHub).")
    String indexUrl;

    @Option(names = "--raw-base", paramLabel = "URL",
            description = "Base URL for the index's GitHub entries (default: raw GitHub content). Plain http only on loopback.")
    String rawBase;

    @Override
    public Integer call() {
        FeedUpdater.Builder b = FeedUpdater.builder().dataDir(DataDirectory.resolve(dataDir));
        if (indexUrl != null) b.indexUrl(indexUrl);
        if (rawBase != null) b.rawBase(rawBase);
        FeedUpdater updater = b.build();
        UpdateReport report = updater.update();
        PrintWriter out = spec.commandLine().getOut();
        print(out, report.index());
        for (FeedResult r : report.feeds()) print(out, r);
        out.printf("%d new, %d unchanged, %d failed, %d skipped; stored under %s%n",
                report.count(FeedResult.Status.NEW), report.count(FeedResult.Status.UNCHANGED),
                report.count(FeedResult.Status.FAILED), report.count(FeedResult.Status.SKIPPED),
                updater.store().folder());
        out.flush();
        return report.count(FeedResult.Status.FAILED) > 0 ? 1 : 0;
    }

    private static void print(PrintWriter out, FeedResult r) {
        out.printf("%-9s %s%s%s%n", r.status(), r.name(),
                r.sha256() == null ? "" : " sha256:" + r.sha256().substring(0, 12) + "…",
                r.reason() == null || r.reason().isEmpty() ? "" : " (" + r.reason() + ")");
    }
}
