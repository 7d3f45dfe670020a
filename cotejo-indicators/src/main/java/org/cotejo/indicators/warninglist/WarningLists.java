package org.cotejo.indicators.warninglist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.Observable;

/**
 * A set of warning lists, ready to check observables. Immutable and thread-safe: built once, then
 * only read.
 *
 * <p>{@link #curated()} is the set shipped with Cotejo; {@link #read(Path)} reads MISP warninglists
 * (the same JSON format the curated lists are written in, so one reader serves both).
 */
public final class WarningLists {
    /** The curated lists, each at {@code curated/<name>/list.json} beside this class. */
    static final List<String> CURATED = List.of(
            "cotejo-platform-domains",
            "cotejo-cdn-domains",
            "cotejo-public-resolvers",
            "cotejo-public-resolver-names",
            "cotejo-special-ranges",
            "cotejo-reserved-domains",
            "cotejo-empty-file-hashes");

    private final List<WarningListReader.Prepared> lists;

    private WarningLists(List<WarningListReader.Prepared> lists) {
        this.lists = List.copyOf(lists);
    }

    public static WarningLists empty() {
        return new WarningLists(List.of());
    }

    /** The curated lists shipped with Cotejo; read once, then shared. */
    public static WarningLists curated() {
        return Curated.LISTS;
    }

    // Holder idiom: the resources are read on first use, safely published to every thread.
    private static final class Curated {
        static final WarningLists LISTS = load();

        private static WarningLists load() {
            List<WarningListReader.Prepared> lists = new ArrayList<>();
            for (String name : CURATED) {
                String resource = "curated/" + name + "/list.json";
                try (InputStream in = WarningLists.class.getResourceAsStream(resource)) {
                    if (in == null) throw new IllegalStateException("curated warning list missing from the build: " + resource);
                    lists.add(WarningListReader.read(in, "cotejo:warninglist/" + resource));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new WarningLists(lists);
        }
    }

    /**
     * Reads a single MISP warninglist JSON file, or every {@code *.json} file below a directory. For a
     * checkout of the MISP warninglists repository (a directory holding {@code lists/}), only
     * {@code lists/} is read, so its {@code schema.json} and tooling files are not taken for lists.
     * Files are read in path order, so the result is the same on every machine.
     *
     * @throws CotejoException when the path is missing or a file is not a valid warninglist
     */
    public static WarningLists read(Path fileOrDir) {
        if (!Files.exists(fileOrDir)) throw new CotejoException("warning list path does not exist: " + fileOrDir);
        List<Path> files;
        if (Files.isDirectory(fileOrDir)) {
            Path root = Files.isDirectory(fileOrDir.resolve("lists")) ? fileOrDir.resolve("lists") : fileOrDir;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                        .sorted().toList();
            } catch (IOException e) {
                throw new CotejoException("cannot list warning lists in " + fileOrDir + ": " + e.getMessage(), e);
            }
            if (files.isEmpty()) throw new CotejoException("no *.json warning lists found under " + fileOrDir);
        } else {
            files = List.of(fileOrDir);
        }
        List<WarningListReader.Prepared> lists = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                lists.add(WarningListReader.read(in, file.toString()));
            } catch (IOException e) {
                throw new CotejoException("cannot read warning list " + file + ": " + e.getMessage(), e);
            }
        }
        return new WarningLists(lists);
    }

    /** These lists followed by {@code other}'s; lists with the same name are both kept and both checked. */
    public WarningLists plus(WarningLists other) {
        List<WarningListReader.Prepared> all = new ArrayList<>(lists);
        all.addAll(other.lists);
        return new WarningLists(all);
    }

    public List<WarningList> lists() {
        return lists.stream().map(WarningListReader.Prepared::list).toList();
    }

    /** Every list the observable is on, in list order, with the most specific entry of each. */
    public List<WarningHit> check(Observable observable) {
        List<WarningHit> hits = new ArrayList<>();
        for (WarningListReader.Prepared prepared : lists) {
            prepared.matcher().find(observable)
                    .ifPresent(found -> hits.add(new WarningHit(prepared.list(), found.entry(), found.how())));
        }
        return hits;
    }

    @Override
    public String toString() {
        return "WarningLists" + lists();
    }
}
