package org.cotejo.forensics.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.core.Hashing;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;
import org.cotejo.forensics.module.SourceFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceDatabaseTest {
    @TempDir
    Path tmp;

    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) out.put(p.getFileName().toString(), Hashing.sha256(Files.readAllBytes(p)));
        }
        return out;
    }

    private EvidenceDatabase open(Path evidence, String name, WorkArea work) throws Exception {
        FolderTree tree = new FolderTree(evidence);
        SourceFile f = SourceFile.of(tree.entry(name).orElseThrow());
        return EvidenceDatabase.open(tree, f, new FsLocator(tree).sideFiles(f), work.newFolder("db"), (sf, to) -> {
            try (var in = tree.open(sf.entry())) {
                Files.copy(in, to);
            }
        });
    }

    @Test
    void readsRowsStillInTheWriteAheadLogWithoutCreatingFilesBesideTheEvidence() throws Exception {
        Path ev = Files.createDirectories(tmp.resolve("evidence"));
        Path db = ev.resolve("sms.db");
        // Keep a connection open so the -wal file is not checkpointed away, as on a seized phone.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("CREATE TABLE message (ROWID INTEGER PRIMARY KEY, text TEXT)");
            s.execute("INSERT INTO message (text) VALUES ('in the log only')");
            Path snapshot = Files.createDirectories(tmp.resolve("snapshot"));
            for (String suffix : List.of("", "-wal", "-shm")) {
                if (Files.exists(ev.resolve("sms.db" + suffix))) Files.copy(ev.resolve("sms.db" + suffix), snapshot.resolve("sms.db" + suffix));
            }
            ev = snapshot;
        }
        Map<String, String> before = hashes(ev);
        assertThat(before).containsKey("sms.db-wal");
        List<String> texts = new ArrayList<>();
        try (WorkArea work = WorkArea.create(); EvidenceDatabase d = open(ev, "sms.db", work)) {
            d.rows("SELECT text FROM message", r -> texts.add(r.getString(1)));
        }
        assertThat(texts).containsExactly("in the log only");
        assertThat(hashes(ev)).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotSqliteIsAClearError() throws Exception {
        Path ev = Files.createDirectories(tmp.resolve("evidence"));
        Files.writeString(ev.resolve("History.db"), "not a database at all, just text");
        try (WorkArea work = WorkArea.create()) {
            assertThatThrownBy(() -> open(ev, "History.db", work)).isInstanceOf(CotejoException.class)
                    .hasMessageContaining("History.db is not a SQLite database");
        }
    }

    @Test
    void aDamagedDatabaseIsSalvagedAndSaysSo() throws Exception {
        Assumptions.assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "sqlite3"))),
                "the sqlite3 tool is not installed: skipping the salvage test (.ci/run installs it)");
        Path ev = Files.createDirectories(tmp.resolve("evidence"));
        Path db = ev.resolve("sms.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=1024");
            s.execute("CREATE TABLE message (ROWID INTEGER PRIMARY KEY, text TEXT)");
            c.setAutoCommit(false);
            for (int i = 0; i < 2000; i++) s.execute("INSERT INTO message (text) VALUES ('message number " + i + " with some padding text')");
            c.commit();
        }
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            // Overwrite an interior page of the table's b-tree with garbage.
            f.seek(1024L * 40);
            f.write(new byte[1024]);
            f.seek(1024L * 40);
            f.write("garbage".getBytes());
        }
        Map<String, String> before = hashes(ev);
        long[] count = {0};
        List<String> problems;
        try (WorkArea work = WorkArea.create(); EvidenceDatabase d = open(ev, "sms.db", work)) {
            d.rows("SELECT text FROM message", r -> count[0]++);
            problems = d.problems();
        }
        assertThat(problems).anyMatch(p -> p.contains("damaged") && p.contains("salvage"));
        assertThat(count[0]).as("rows salvaged").isBetween(1L, 1999L);
        long readable = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro&immutable=1");
             Statement s = c.createStatement(); var rs = s.executeQuery("SELECT text FROM message")) {
            while (rs.next()) readable++;
        } catch (java.sql.SQLException expected) {
            // the damaged file stops a plain read part-way
        }
        assertThat(count[0]).as("salvage reads more than a plain read of the damaged file").isGreaterThanOrEqualTo(readable);
        assertThat(hashes(ev)).isEqualTo(before);
    }
}
