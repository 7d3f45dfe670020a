package org.cotejo.forensics.ios.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSDictionary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalPreferencesTest {
    static final String RELATIVE = "Library/Preferences/.GlobalPreferences.plist";
    @TempDir Path dir;

    @Test
    void givesOneRecordPerSetting() throws Exception {
        var x = TestBackup.at(dir.resolve("backup")).plist("HomeDomain", RELATIVE, preferences()).open();

        List<Record> records = ModuleHarness.run(x, "GlobalPreferences").of("global_preferences");

        assertThat(records).extracting(r -> r.fields().string("entry")).containsExactly("AppleLanguages", "LDMGlobalEnabled", "AppleLocale");
        Record lockdown = records.get(1);
        assertThat(lockdown.fields().keys()).containsExactly("entry", "value");
        assertThat(lockdown.fields().get("value")).isEqualTo(true);
        assertThat(lockdown.provenance().locator()).isEqualTo("key \"LDMGlobalEnabled\"");
        assertThat(records.get(0).fields().strings("value")).containsExactly("es-ES", "en-GB");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.observables()).isEmpty();
            assertThat(r.timeline()).isEmpty();
        });
    }

    @Test
    void readsTheDumpCopyAndReportsATruncatedFile() throws Exception {
        Path file = dir.resolve("private/var/mobile/" + RELATIVE);
        Files.createDirectories(file.getParent());
        byte[] whole = BinaryPropertyListWriter.writeToArray(preferences());
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        ModuleHarness.Result result = ModuleHarness.run(ModuleHarness.fsDump(dir), "GlobalPreferences");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("global preferences skipped");
            assertThat(p.file()).isEqualTo("private/var/mobile/" + RELATIVE);
        });
    }

    static NSDictionary preferences() {
        NSDictionary d = new NSDictionary();
        d.put("AppleLanguages", new String[] {"es-ES", "en-GB"});
        d.put("LDMGlobalEnabled", true);
        d.put("AppleLocale", "es_ES");
        return d;
    }
}
