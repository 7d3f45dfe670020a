package org.cotejo.cases.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cotejo.cases.ScanSummary;
import org.cotejo.cases.ScanWriter;
import org.cotejo.cases.testing.Backend;
import org.cotejo.cases.testing.PostgresCluster;
import org.cotejo.cases.testing.Samples;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two analysts storing scans of different devices of one case at the same moment, each through its
 * own store (its own connections), as two processes would.
 */
class ConcurrentWritersTest {
    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void twoWritersScanningDifferentDevicesBothSucceed(Backend backend) throws Exception {
        String url = backend.url(POSTGRES, dir);
        try (CaseStore setup = CaseStore.open(url, PostgresCluster.USER, PostgresCluster.PASSWORD)) {
            setup.transaction(h -> {
                setup.createCase(h, Samples.caseInfo("c"));
                for (String d : List.of("d-1", "d-2")) {
                    setup.addDevice(h, "c", Samples.device(d, "ES-" + d));
                    for (int round = 0; round < ROUNDS; round++) {
                        setup.addEvidence(h, "c", Samples.evidence(d + "-e" + round, d, List.of()), List.of());
                    }
                }
                return null;
            });
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService analysts = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<ScanSummary>>> work = new ArrayList<>();
            for (String device : List.of("d-1", "d-2")) {
                work.add(analysts.submit(() -> scanEveryItem(url, device, together)));
            }
            List<ScanSummary> written = new ArrayList<>();
            for (Future<List<ScanSummary>> f : work) written.addAll(f.get(120, TimeUnit.SECONDS));

            try (CaseStore check = CaseStore.open(url, PostgresCluster.USER, PostgresCluster.PASSWORD)) {
                List<ScanSummary> stored = check.read((Handle h) -> check.scans(h, "c"));
                assertThat(stored).hasSize(2 * ROUNDS).containsExactlyInAnyOrderElementsOf(written);
                for (ScanSummary s : stored) {
                    assertThat(check.read((Handle h) -> check.resultHash(h, "c", s.id()))).isEqualTo(s.resultSha256());
                }
                assertThat(check.read((Handle h) -> check.events(h, "c", "d-1", null, 10_000))).hasSize(ROUNDS * EVENTS);
                assertThat(check.read((Handle h) -> check.events(h, "c", "d-2", null, 10_000))).hasSize(ROUNDS * EVENTS);
            }
        } finally {
            analysts.shutdownNow();
        }
    }

    private static final int ROUNDS = 5;
    private static final int EVENTS = 2_000;

    /** One analyst: a store of its own, one transaction per evidence item, started in step with the other. */
    private static List<ScanSummary> scanEveryItem(String url, String device, CyclicBarrier together) throws Exception {
        List<ScanSummary> done = new ArrayList<>();
        try (CaseStore store = CaseStore.open(url, PostgresCluster.USER, PostgresCluster.PASSWORD)) {
            for (int round = 0; round < ROUNDS; round++) {
                together.await(30, TimeUnit.SECONDS);
                String evidence = device + "-e" + round;
                String scan = "s-" + evidence;
                done.add(store.transaction(h -> {
                    ScanWriter w = store.startScan(h, "c", scan, device, evidence);
                    for (int i = 0; i < EVENTS; i++) w.event(Samples.event(i, device + " " + i));
                    w.detection(Samples.detection(device, 1, "lsd.example"));
                    w.observation(Samples.observation("domain", "lsd.example", 3));
                    w.observation(Samples.observation("domain", device + ".example", 1));
                    return w.finish(Samples.scan(scan, evidence, device));
                }));
            }
        }
        return done;
    }
}
