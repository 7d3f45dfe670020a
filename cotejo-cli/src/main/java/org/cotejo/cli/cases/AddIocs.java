package org.cotejo.cli.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cotejo.cases.FeedInfo;
import org.cotejo.cases.custody.LedgerAction;
import org.cotejo.indicators.feed.Feed;
import org.cotejo.indicators.feed.FeedReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "add-iocs", header = "Pin indicator feeds in a case: each file is read, kept in the case folder and named by its SHA-256.",
        footer = {"", "Example:", "  cotejo case add-iocs -C cases/es-2024 pegasus.stix2 fr-eio-iocs.json"},
        mixinStandardHelpOptions = true)
final class AddIocs implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions options;

    @Parameters(paramLabel = "FEED", arity = "1..*", description = "STIX 2.1, MISP JSON, CSV or list files.")
    List<Path> feeds;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        try (OpenCase c = OpenCase.open(options, CaseCommand.commandLine(spec))) {
            c.refuseIfForeign("pin feeds in");
            for (Path file : feeds) {
                Feed feed = FeedReader.defaults().read(file);
                String name = file.getFileName().toString();
                // Kept under its own name: list readers take the values' type from it (processes.txt).
                String stored = "feeds/" + feed.sha256() + "/" + name;
                Path target = c.folder.resolve(stored);
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    Path tmp = Files.createTempFile(target.getParent(), ".feed-", ".partial");
                    Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--r-----"));
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                }
                FeedInfo info = new FeedInfo(feed.sha256(), name, feed.format(), feed.indicators().size(), stored, Instant.now());
                boolean added = c.store.transaction(h -> {
                    if (!c.store.addFeed(h, c.id(), info)) return false;
                    c.ledger.append(h, c.id(), LedgerAction.ADD_IOCS, c.analyst, c.command,
                            Map.of("file", file.toAbsolutePath().toString(), "sha256", feed.sha256()),
                            Map.of("stored", stored, "indicators", feed.indicators().size()));
                    return true;
                });
                out.println((added ? "Pinned " : "Already pinned ") + name + ": " + feed.indicators().size() + " indicators, SHA-256 " + feed.sha256());
            }
            out.flush();
            return 0;
        }
    }
}
