package org.cotejo.report.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.report.SampleReports;
import org.cotejo.report.model.DeviceEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceFindingsJsonTest {
    @TempDir
    Path tmp;

    static String text(DeviceEntry e) {
        return new String(DeviceFindingsJson.toBytes(e), StandardCharsets.UTF_8);
    }

    @Test
    void readingAWrittenFileGivesBackTheSameEntry() throws Exception {
        for (DeviceEntry e : SampleReports.twoCountries().devices().subList(0, 5)) {
            Path f = tmp.resolve(e.pseudonym() + ".findings.json");
            Files.write(f, DeviceFindingsJson.toBytes(e));
            assertThat(DeviceFindingsJson.read(f)).isEqualTo(e);
            assertThat(DeviceFindingsJson.toBytes(DeviceFindingsJson.read(f))).isEqualTo(Files.readAllBytes(f));
        }
    }

    @Test
    void aFileOfAnotherFormatIsRefusedByName() throws Exception {
        Path f = tmp.resolve("x.findings.json");
        Files.writeString(f, "{\"format\":\"cotejo-device-evidence\",\"version\":1}");
        assertThatThrownBy(() -> DeviceFindingsJson.read(f)).hasMessageContaining("x.findings.json is not a \"cotejo-device-findings\" file");
    }
}
