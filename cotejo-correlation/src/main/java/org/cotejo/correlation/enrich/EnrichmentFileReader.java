package org.cotejo.correlation.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.cotejo.core.CotejoException;
import org.cotejo.core.Hashing;
import org.cotejo.correlation.enrich.EnrichmentFiles.Limits;
import org.cotejo.correlation.enrich.EnrichmentFiles.Meta;
import org.cotejo.correlation.enrich.EnrichmentFiles.Problem;
import org.cotejo.correlation.enrich.EnrichmentSource.Kind;

/**
 * Reads one enrichment file in two streaming passes. Every fact names its {@link EnrichmentSource},
 * and the source holds the file's hash and record count, which are known only once the file has been
 * read: so the first pass hashes, checks and counts (keeping only the problems), and the second builds
 * the facts, hashing again. The two hashes must agree, so the hash registered is that of the bytes the
 * facts were built from. Memory stays that of the facts themselves, whatever the file's size.
 */
final class EnrichmentFileReader {
    /** A registered file and what its read found. */
    record Result(EnrichmentSource source, List<Problem> problems, List<String> notes) {}

    private static final int LISTED_PRIVACY_LINES = 10;

    private final Path path;
    private final String name;
    private final Meta given;
    private final Limits limits;

    EnrichmentFileReader(Path path, Meta given, Limits limits) {
        this.path = path;
        this.name = path.toString();
        this.given = Objects.requireNonNull(given, "given");
        this.limits = limits;
    }

    Result read(EnrichmentIndex.Builder index) {
        try {
            if (Files.isDirectory(path)) throw new CotejoException("enrichment file " + name + " is a directory, not a file");
            if (Files.isSymbolicLink(path)) throw new CotejoException("enrichment file " + name + " is a symbolic link; give the file it points to");
            long size = Files.size(path);
            if (size > limits.maxBytes()) {
                throw new CotejoException("enrichment file " + name + " is " + size + " bytes, more than the limit of " + limits.maxBytes());
            }
            Check check = new Check();
            MessageDigest first = Hashing.sha256();
            FileLayout.Stated stated = pass(first, check);
            String sha256 = HexFormat.of().formatHex(first.digest());
            List<Problem> problems = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            EnrichmentSource source = new EnrichmentSource(stated.kind(), name, sha256, chosen(given.source(), stated.source(), "source", notes),
                    chosen(given.date(), stated.date(), "date", notes), check.records);
            if (source.source().isEmpty()) {
                problems.add(new Problem(name, 0, "no source stated: add a '# source: …' line (or the cotejo_enrichment header) "
                        + "or give it on the command line, so a fact from this file can be traced to who produced it"));
            }
            if (source.date() == null) problems.add(new Problem(name, 0, "no date stated: add a '# date: YYYY-MM-DD' line or give it on the command line"));
            problems.addAll(check.problems);
            if (check.unlisted > 0) {
                problems.add(new Problem(name, 0, check.unlisted + " more bad records are not listed (the first " + limits.listedProblems() + " are)"));
            }
            notes.add(name + ": " + stated.kind().key() + " (" + stated.format() + "), " + check.records + " records loaded, "
                    + (check.bad) + " refused, SHA-256 " + sha256);
            if (!check.privacyLines.isEmpty()) {
                notes.add(name + ": " + check.privacy + " registrant e-mails are privacy, proxy or redaction services (line"
                        + (check.privacy > 1 ? "s " : " ") + String.join(", ", check.privacyLines.stream().map(String::valueOf).toList())
                        + (check.privacy > check.privacyLines.size() ? ", …" : "")
                        + "); recorded as empty, since they say nothing about who registered the domain");
            }
            if (check.records > 0) build(source, index);
            return new Result(source, problems, notes);
        } catch (NoSuchFileException e) {
            throw new CotejoException("enrichment file " + name + " does not exist");
        } catch (IOException e) {
            throw new CotejoException("cannot read enrichment file " + name + ": " + e.getMessage(), e);
        }
    }

    private FileLayout.Stated pass(MessageDigest digest, FileLayout.Sink sink) throws IOException {
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            return new FileLayout(name, given.kind()).read(new TextLines(name, in, digest, limits.maxLine(), limits.maxBytes()), sink);
        }
    }

    /** The second pass: the same records again, now as facts in the index. */
    private void build(EnrichmentSource source, EnrichmentIndex.Builder index) throws IOException {
        Kind kind = source.kind();
        long[] built = {0};
        MessageDigest second = Hashing.sha256();
        pass(second, new FileLayout.Sink() {
            @Override
            public void record(long line, Kind ignored, String[] values) {
                Object fact;
                try {
                    fact = Rows.fact(kind, values, new Fact(source, line), () -> {});
                } catch (Rows.BadValue alreadyReported) {
                    return;
                }
                built[0]++;
                if (fact instanceof DnsResolution r) index.resolution(r);
                else if (fact instanceof WhoisRecord w) index.whois(w);
                else if (fact instanceof TlsCertificate c) index.certificate(c);
                else index.prefix((AsnPrefix) fact);
            }

            @Override
            public void bad(long line, String reason) {}
        });
        if (!HexFormat.of().formatHex(second.digest()).equals(source.sha256()) || built[0] != source.records()) {
            throw new CotejoException("enrichment file " + name + " changed while it was being read; load it again once it is complete");
        }
    }

    /** The caller's statement wins over the file's own (the analyst answers for it); a difference is noted. */
    private <T> T chosen(T byCaller, T byFile, String what, List<String> notes) {
        boolean fileSays = byFile != null && !"".equals(byFile);
        if (byCaller == null || "".equals(byCaller)) return byFile;
        if (fileSays && !byFile.equals(byCaller)) {
            notes.add(name + ": " + what + " given as '" + byCaller + "' replaces the file's own '" + byFile + "'");
        }
        return byCaller;
    }

    /** The first pass's sink: counts records, keeps the first problems, never the facts. */
    private final class Check implements FileLayout.Sink {
        private final EnrichmentSource placeholder = new EnrichmentSource(Kind.PASSIVE_DNS, name, "", "", null, 0);
        final List<Problem> problems = new ArrayList<>();
        final List<Long> privacyLines = new ArrayList<>();
        long records;
        long bad;
        long unlisted;
        long privacy;
        @Override
        public void record(long line, Kind kind, String[] values) {
            try {
                Rows.fact(kind, values, new Fact(placeholder, line), () -> {
                    if (privacy++ < LISTED_PRIVACY_LINES) privacyLines.add(line);
                });
                records++;
            } catch (Rows.BadValue e) {
                bad(line, e.getMessage());
            }
        }

        @Override
        public void bad(long line, String reason) {
            bad++;
            if (problems.size() < limits.listedProblems()) problems.add(new Problem(name, line, reason));
            else unlisted++;
        }
    }
}
