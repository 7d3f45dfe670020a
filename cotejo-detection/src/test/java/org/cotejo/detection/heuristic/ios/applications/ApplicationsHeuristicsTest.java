package org.cotejo.detection.heuristic.ios.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.ios.applications.Applications;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;

class ApplicationsHeuristicsTest {

    @Test
    void isFoundByTheServiceLoader() {
        List<String> ids = new ArrayList<>();
        java.util.ServiceLoader.load(Heuristic.class).forEach(h -> ids.add(h.id()));
        assertThat(ids).contains("applications.sideloaded", "applications.missing-bundle-id");
    }

    @Test
    void flagsAnAppInstalledFromAnotherStoreAsSideloaded() {
        Record app = app(Map.of("softwareVersionBundleId", "com.example.spy", "sourceApp", "com.example.altstore",
                "isodate", "2023-01-15 12:00:00.000000"));

        List<Alert> alerts = run(new SideloadedApp(), app);

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.heuristic()).isEqualTo("applications.sideloaded");
            assertThat(a.message()).contains("\"com.example.spy\"").contains("com.example.altstore").contains("sideloaded")
                    .contains("Info.plist");
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2023-01-15T12:00:00Z"));
            assertThat(a.module()).isEqualTo("applications");
        });
    }

    @Test
    void trustsTheAppStoreDeviceManagementAndAMissingSource() {
        List<Alert> alerts = run(new SideloadedApp(),
                app(Map.of("softwareVersionBundleId", "com.example.a", "sourceApp", "com.apple.AppStore")),
                app(Map.of("softwareVersionBundleId", "com.example.b", "sourceApp", "com.apple.AppStore.ProductPageExtension")),
                app(Map.of("softwareVersionBundleId", "com.example.c", "sourceApp", "com.apple.dmd")),
                app(Map.of("softwareVersionBundleId", "com.example.d", "sourceApp", "dmd")),
                app(Map.of("softwareVersionBundleId", "com.example.e")));

        assertThat(alerts).isEmpty();
    }

    @Test
    void flagsAnAppWithoutABundleId() {
        List<Alert> alerts = run(new MissingBundleId(), app(Map.of("name", "com.example.hidden", "itemName", "Hidden")));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.heuristic()).isEqualTo("applications.missing-bundle-id");
            assertThat(a.message()).contains("\"com.example.hidden\"").contains("no bundle id");
            assertThat(a.eventTime()).isNull();
        });
    }

    @Test
    void saysNothingOfAnAppWithABundleId() {
        assertThat(run(new MissingBundleId(), app(Map.of("softwareVersionBundleId", "com.example.a")))).isEmpty();
    }

    static Record app(Map<String, Object> fields) {
        return Records.of(new Applications(), Fields.of(fields),
                new Provenance("Info.plist", null, "a".repeat(64), "Applications[\"x\"]"));
    }

    static List<Alert> run(Heuristic h, Record... records) {
        List<Alert> out = new ArrayList<>();
        Heuristic.Session s = h.start(new HeuristicContext(null, ModuleOptions.DEFAULT, false));
        for (Record r : records) s.inspect(r, out::add);
        s.finish(out::add);
        return out;
    }
}
