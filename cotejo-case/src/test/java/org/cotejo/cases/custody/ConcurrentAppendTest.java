package org.cotejo.cases.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.cotejo.cases.custody.CaseDatabase.Engine;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two analysts on two installations append to one case's ledger in PostgreSQL at the same time. */
class ConcurrentAppendTest {
    private static final int EACH = 60;

    @TempDir
    Path dir;

    @Test
    void twoAnalystsAppendingAtOnceOnPostgresqlFormOneContiguousChain() throws Exception {
        CaseDatabase db = CaseDatabase.create(Engine.POSTGRESQL, dir);
        db.newCase("case-1");
        InstallationKey keyA = InstallationKey.open(dir.resolve("workstation-a"));
        InstallationKey keyB = InstallationKey.open(dir.resolve("workstation-b"));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService analysts = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (var who : List.of(Map.entry("analyst-a", keyA), Map.entry("analyst-b", keyB))) {
                Ledger ledger = new Ledger(who.getValue(), "0.1.0");
                runs.add(analysts.submit(() -> {
                    try (Handle connection = db.jdbi.open()) { // one connection per analyst, as two workstations have
                        together.await();
                        for (int i = 0; i < EACH; i++) {
                            int n = i;
                            // the pause after appending keeps the transaction open: without the lock on the case row the
                            // other analyst would read the same head meanwhile and collide on (case_id, seq)
                            connection.useTransaction(h -> {
                                ledger.append(h, "case-1", LedgerAction.SCAN, who.getKey(), "cotejo case scan --device ES-0" + n,
                                        Map.of("n", n), Map.of());
                                Thread.sleep(1);
                            });
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) run.get();
        } finally {
            analysts.shutdownNow();
        }

        List<LedgerEntry> chain = db.entries("case-1");
        assertThat(chain).extracting(LedgerEntry::seq).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 2 * EACH).boxed().toList());
        for (int i = 1; i < chain.size(); i++) {
            assertThat(chain.get(i).prevHash()).isEqualTo(chain.get(i - 1).entryHash());
        }
        assertThat(chain.stream().collect(Collectors.groupingBy(LedgerEntry::analyst, Collectors.counting())))
                .isEqualTo(Map.of("analyst-a", (long) EACH, "analyst-b", (long) EACH));
        assertThat(chain.stream().map(LedgerEntry::keyId).distinct().sorted().toList())
                .isEqualTo(List.of(keyA.keyId(), keyB.keyId()).stream().sorted().toList());
        assertThat(db.count("SELECT count(*) FROM signing_keys")).isEqualTo(2);
        List<Discrepancy> found = db.jdbi.withHandle(h -> new CaseVerifier(new TableEvidence(dir), (h2, c, s) -> "", 2).verify(h, "case-1"));
        assertThat(found).isEmpty();
    }
}
