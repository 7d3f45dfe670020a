package org.cotejo.cases.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cotejo.cases.DeviceInfo;
import org.cotejo.cases.FeedInfo;
import org.cotejo.cases.ForeignPackage;
import org.cotejo.cases.testing.Backend;
import org.cotejo.cases.testing.PostgresCluster;
import org.cotejo.cases.testing.Samples;
import org.cotejo.core.CotejoException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Foreign cases: recorded with the sender's package, read back, and read-only, on both databases. */
class ForeignCaseTest {
    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @TempDir
    Path dir;

    static ForeignPackage received() {
        return new ForeignPackage("a".repeat(64), "ANSSI", "CCN-CERT", "amber", Instant.parse("2026-11-28T09:00:00Z"), "b".repeat(64),
                "MCowBQYDK2VwAyEA", "case-fr", "FR-2024", "TJ Paris 24/001", "EIO-2024-118", "0.1.0", "/received/fr",
                "vault/package-aaaaaaaaaaaaaaaa", Samples.at(10), List.of(
                        new ForeignPackage.File("devices/FR-01.device-evidence.json", 120, "c".repeat(64), "device-evidence"),
                        new ForeignPackage.File("manifest.json", 900, "a".repeat(64), ForeignPackage.ROLE_MANIFEST),
                        new ForeignPackage.File("manifest.sig", 89, "d".repeat(64), ForeignPackage.ROLE_SIGNATURE)));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aForeignCaseKeepsTheSendersPackageAndRefusesDevicesEvidenceFeedsAndScans(Backend backend) {
        try (CaseStore store = backend.open(POSTGRES, dir)) {
            store.transaction(h -> {
                store.importForeignCase(h, Samples.caseInfo("fr"), received(), List.of(Samples.device("dev-1", "FR-01")),
                        List.of(Samples.feed("e".repeat(64))));
                store.createCase(h, Samples.caseInfo("es"));
                return null;
            });

            Optional<ForeignPackage> fr = store.read(h -> store.foreignPackage(h, "fr"));
            Optional<ForeignPackage> es = store.read(h -> store.foreignPackage(h, "es"));
            List<DeviceInfo> devices = store.read(h -> store.devices(h, "fr"));
            List<FeedInfo> feeds = store.read(h -> store.feeds(h, "fr"));
            assertThat(fr).contains(received());
            assertThat(es).isEmpty();
            assertThat(devices).extracting(DeviceInfo::label).containsExactly("FR-01");
            assertThat(feeds).hasSize(1);

            assertThatThrownBy(() -> store.transaction(h -> {
                store.addEvidence(h, "fr", Samples.evidence("e-1", "dev-1", Samples.files(1)), Samples.files(1));
                return null;
            })).isInstanceOf(CotejoException.class)
                    .hasMessage("cannot add evidence to case fr: it is a read-only foreign case imported from ANSSI's exchange package"
                            + " aaaaaaaaaaaaaaaa…; its material is the sender's as received. Work in your own case, or ask the sender"
                            + " for a new package");
            assertThatThrownBy(() -> store.transaction(h -> store.startScan(h, "fr", "s-1", "dev-1", "e-1")))
                    .hasMessageStartingWith("cannot scan case fr: it is a read-only foreign case");
            assertThatThrownBy(() -> store.transaction(h -> {
                store.addDevice(h, "fr", Samples.device("dev-2", "FR-02"));
                return null;
            })).hasMessageStartingWith("cannot add a device to case fr");
            assertThatThrownBy(() -> store.transaction(h -> store.addFeed(h, "fr", Samples.feed("f".repeat(64)))))
                    .hasMessageStartingWith("cannot pin feeds in case fr");

            store.transaction(h -> {
                store.addDevice(h, "es", Samples.device("dev-9", "ES-01"));
                return null;
            });
            List<DeviceInfo> spanish = store.read(h -> store.devices(h, "es"));
            assertThat(spanish).hasSize(1);
        }
    }

    @Test
    void aCaseMadeUnderSchema1IsALocalWritableCaseAfterTheMigration() {
        String url = "jdbc:sqlite:" + dir.resolve("v1.db");
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").target("1")
                .placeholders(StoreOpening.placeholders(false)).load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement s = c.createStatement()) {
            s.execute("INSERT INTO cases (id, name, agency, reference, created_at, created_by, tool_version)"
                    + " VALUES ('old', 'n', 'a', 'r', '2024-01-01T00:00:00.000000Z', 'b', 'v')");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        try (CaseStore store = CaseStore.open(url, null, null)) {
            assertThat(store.schemaVersion()).isEqualTo(2);
            Optional<ForeignPackage> none = store.read(h -> store.foreignPackage(h, "old"));
            assertThat(none).isEmpty();
            store.transaction(h -> {
                store.addDevice(h, "old", Samples.device("d", "D-1"));
                return null;
            });
        }
    }
}
