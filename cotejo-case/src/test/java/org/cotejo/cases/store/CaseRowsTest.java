package org.cotejo.cases.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cotejo.cases.CaseInfo;
import org.cotejo.cases.DeviceInfo;
import org.cotejo.cases.testing.Backend;
import org.cotejo.cases.testing.PostgresCluster;
import org.cotejo.cases.testing.Samples;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cases and devices, on both databases. */
class CaseRowsTest {
    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void storesCasesWithTheirLegalBasisAndListsThemOldestFirst(Backend backend) {
        try (CaseStore store = backend.open(POSTGRES, dir)) {
            CaseInfo spain = Samples.caseInfo("es");
            CaseInfo france = new CaseInfo("fr", "FR-2021", "OCLCTIC", "Parquet de Paris", null, Samples.at(-3600), "analyst-2", Samples.TOOL);
            store.transaction(h -> {
                store.createCase(h, spain);
                store.createCase(h, france);
                return null;
            });

            Optional<CaseInfo> found = store.read(h -> store.findCase(h, "es"));
            List<CaseInfo> all = store.read(store::cases);
            Optional<CaseInfo> missing = store.read(h -> store.findCase(h, "it"));

            assertThat(found).contains(spain);
            assertThat(all).containsExactly(france, spain);
            assertThat(missing).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void findsADeviceByItsIdOrItsLabelAndListsDevicesByLabel(Backend backend) {
        try (CaseStore store = backend.open(POSTGRES, dir)) {
            DeviceInfo minister = Samples.device("d-2", "ES-02");
            DeviceInfo journalist = Samples.device("d-1", "ES-10");
            // A label that is another device's id: the id still means that device.
            DeviceInfo tricky = new DeviceInfo("d-3", "d-2", "android", null, Map.of(), Samples.T0);
            store.transaction(h -> {
                store.createCase(h, Samples.caseInfo("c"));
                store.addDevice(h, "c", journalist);
                store.addDevice(h, "c", minister);
                store.addDevice(h, "c", tricky);
                return null;
            });

            assertThat(find(store, "ES-02")).contains(minister);
            assertThat(find(store, "d-1")).contains(journalist);
            assertThat(find(store, "d-2")).contains(minister);
            assertThat(find(store, "ES-99")).isEmpty();
            List<DeviceInfo> devices = store.read(h -> store.devices(h, "c"));
            assertThat(devices).containsExactly(minister, journalist, tricky);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void refusesASecondDeviceWithTheSameLabel(Backend backend) {
        try (CaseStore store = backend.open(POSTGRES, dir)) {
            store.transaction(h -> {
                store.createCase(h, Samples.caseInfo("c"));
                store.addDevice(h, "c", Samples.device("d-1", "ES-01"));
                return null;
            });

            assertThatThrownBy(() -> store.transaction(h -> {
                store.addDevice(h, "c", Samples.device("d-2", "ES-01"));
                return null;
            })).isInstanceOf(CotejoException.class).hasMessage("the case already has a device labelled 'ES-01'; choose another label");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void mergesIdentifiersFromAnExtractionAndRefusesOnesThatContradict(Backend backend) {
        try (CaseStore store = backend.open(POSTGRES, dir)) {
            store.transaction(h -> {
                store.createCase(h, Samples.caseInfo("c"));
                store.addDevice(h, "c", Samples.device("d-1", "ES-01"));
                return null;
            });

            DeviceInfo merged = store.transaction(h -> store.mergeIdentifiers(h, "c", "d-1",
                    Map.of("udid", "udid-d-1", "serial_number", "F2LXK0QJKXKN", "imei", "356938035643809")));

            assertThat(merged.identifiers()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("udid", "udid-d-1", "serial_number", "F2LXK0QJKXKN", "imei", "356938035643809"));
            assertThat(find(store, "ES-01")).contains(merged);
            assertThatThrownBy(() -> store.transaction(h -> store.mergeIdentifiers(h, "c", "d-1", Map.of("imei", "490154203237518"))))
                    .isInstanceOf(CotejoException.class)
                    .hasMessage("device ES-01 has imei 356938035643809 but this extraction says 490154203237518;"
                            + " is the evidence of another phone? add it to the right device");
            assertThat(find(store, "d-1")).contains(merged);
        }
    }

    private static Optional<DeviceInfo> find(CaseStore store, String labelOrId) {
        return store.read(h -> store.findDevice(h, "c", labelOrId));
    }
}
