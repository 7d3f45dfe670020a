package org.cotejo.report.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cotejo.indicators.feed.FeedReader;
import org.cotejo.report.ReportOutputs;
import org.cotejo.report.SampleReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineOutputsTest {
    @Test
    void aReportRunWritesTheStixBundleTheMispEventAndTheTimesketchTimeline(@TempDir Path folder) throws Exception {
        List<Path> written = ReportOutputs.writeAll(SampleReports.twoCountries(), folder);
        assertThat(written).extracting(p -> p.getFileName().toString())
                .contains("report.stix.json", "report.misp.json", "timeline.timesketch.jsonl");
        assertThat(StixValidator.validate(Files.readAllBytes(folder.resolve("report.stix.json")))).isEmpty();
        assertThat(FeedReader.defaults().read(folder.resolve("report.misp.json")).indicators()).isNotEmpty();
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }
}
