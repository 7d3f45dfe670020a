package org.cotejo.forensics.ios.backupinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.cotejo.forensics.testing.TestBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupInfoTest {
    @TempDir Path dir;

    @Test
    void describesTheDeviceWithEveryKeyMvtCopies() throws Exception {
        Extraction x = TestBackup.at(dir.resolve("backup"))
                .info("Serial Number", "F2LXK0ABCDEF")
                .info("IMEI", "356789012345678")
                .info("Last Backup Date", Date.from(Instant.parse("2023-06-01T08:30:00Z")))
                .info("Installed Applications", new String[] {"com.apple.mobilesafari", "net.whatsapp.WhatsApp"})
                .open();

        List<Record> records = ModuleHarness.run(x, "BackupInfo").of("backup_info");

        assertThat(records).hasSize(1);
        Fields f = records.get(0).fields();
        assertThat(f.keys()).containsExactlyElementsOf(BackupInfo.KEYS);
        assertThat(f.string("Device Name")).isEqualTo("Test iPhone");
        assertThat(f.string("Product Version")).isEqualTo("16.5");
        assertThat(f.string("Serial Number")).isEqualTo("F2LXK0ABCDEF");
        assertThat(f.string("Last Backup Date")).isEqualTo("2023-06-01 08:30:00.000000");
        assertThat(f.strings("Installed Applications")).containsExactly("com.apple.mobilesafari", "net.whatsapp.WhatsApp");
        assertThat(f.get("MEID")).isNull();
        assertThat(records.get(0).observables()).isEmpty();
        assertThat(records.get(0).timeline()).isEmpty();
        assertThat(records.get(0).provenance().file()).isEqualTo("Info.plist");
    }

    @Test
    void reportsAnInfoPlistThatIsNotAPropertyList() throws Exception {
        Path root = dir.resolve("backup");
        Extraction x = TestBackup.at(root).open();
        Files.writeString(root.resolve("Info.plist"), "this is not a plist");

        ModuleHarness.Result result = ModuleHarness.run(x, "BackupInfo");

        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("Info.plist").contains("backup details skipped");
            assertThat(p.fatal()).isFalse();
        });
    }
}
