package org.cotejo.detection.heuristic.ios.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.ios.preferences.GlobalPreferences;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;

class LockdownModeTest {

    @Test
    void isFoundByTheServiceLoader() {
        List<String> ids = new ArrayList<>();
        java.util.ServiceLoader.load(Heuristic.class).forEach(h -> ids.add(h.id()));
        assertThat(ids).contains("preferences.lockdown-mode");
    }

    @Test
    void saysLockdownModeIsOnAsInformation() {
        assertThat(run(setting("LDMGlobalEnabled", true))).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.INFO);
            assertThat(a.heuristic()).isEqualTo("preferences.lockdown-mode");
            assertThat(a.message()).startsWith("Lockdown Mode is enabled").contains(".GlobalPreferences.plist");
        });
    }

    @Test
    void flagsLockdownModeTurnedOffAsLow() {
        assertThat(run(setting("LDMGlobalEnabled", false))).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.LOW);
            assertThat(a.message()).startsWith("Lockdown Mode is disabled");
        });
        // Records read back from MVT JSON may carry the flag as a number.
        assertThat(run(setting("LDMGlobalEnabled", 0))).singleElement().satisfies(a -> assertThat(a.level()).isEqualTo(Level.LOW));
    }

    @Test
    void saysNothingWhenTheSettingIsAbsent() {
        assertThat(run(setting("AppleLocale", "es_ES"), setting("AppleLanguages", List.of("es-ES")))).isEmpty();
    }

    private static Record setting(String key, Object value) {
        return Records.of(new GlobalPreferences(), Fields.builder().put("entry", key).put("value", value).build(),
                new Provenance("0d/0dc926a1810f7aee4e8f38793ed788701f93bf9d", "HomeDomain/Library/Preferences/.GlobalPreferences.plist",
                        "d".repeat(64), "key \"" + key + "\""));
    }

    private static List<Alert> run(Record... records) {
        List<Alert> out = new ArrayList<>();
        Heuristic.Session s = new LockdownMode().start(new HeuristicContext(null, ModuleOptions.DEFAULT, false));
        for (Record r : records) s.inspect(r, out::add);
        s.finish(out::add);
        return out;
    }
}
