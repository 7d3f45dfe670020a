package org.cotejo.report.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.correlation.CorrelationOptions;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.Correlator;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.sim.DemoWorld;
import org.cotejo.correlation.sim.DeviceEvidenceJson;
import org.cotejo.correlation.sim.World;
import org.cotejo.report.model.Mandate;
import org.cotejo.report.model.Report;
import org.cotejo.report.model.ToolEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report assembled from the demo world's device-evidence files, one side per country. */
class ReportAssemblerTest {
    @TempDir
    Path tmp;

    private List<SideMaterial> sides(World w) throws Exception {
        List<SideMaterial> sides = new ArrayList<>();
        for (String g : List.of("ES", "FR")) {
            List<DeviceEvidence> devices = new ArrayList<>();
            for (DeviceEvidence d : w.devices()) {
                if (!d.device().group().equals(g)) continue;
                Path f = tmp.resolve(d.device().label() + ".device-evidence.json");
                DeviceEvidenceJson.write(d, f);
                devices.add(new DeviceEvidence(d.device(), d.verdict(), d.sightings(), List.of(f.toString())));
            }
            sides.add(FolderSide.of(g, "world/" + g, devices));
        }
        return sides;
    }

    private static ReportAssembler.Request request(String agency) {
        return new ReportAssembler.Request(agency, Mandate.notStated(), "en", "amber", Instant.parse("2026-11-28T10:00:00Z"), "test",
                List.of(new ToolEntry("Cotejo", "test", "analysis")), List.of(), "cotejo investigate …");
    }

    @Test
    void everyDeviceHasItsFindingsWithTheFeedHashAndTheReportIdDependsOnTheInputsOnly() throws Exception {
        World w = DemoWorld.generate();
        List<SideMaterial> sides = sides(w);
        CorrelationResult r = Correlator.correlate(ReportAssembler.devices(sides), w.enrichment(), CorrelationOptions.defaults());
        Report a = ReportAssembler.assemble(request("Agency"), sides, r);
        Report b = ReportAssembler.assemble(request("Agency"), sides(w), r);

        assertThat(a.devices()).hasSize(w.devices().size());
        assertThat(a.devices()).filteredOn(d -> d.verdict().name().equals("INFECTED"))
                .allSatisfy(d -> assertThat(d.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.feedSha256()).hasSize(64)));
        assertThat(a.devices()).filteredOn(d -> !d.findings().isEmpty()).allSatisfy(d -> assertThat(d.timeline()).isNotEmpty());
        assertThat(a.meta().reportId()).startsWith("R-").isEqualTo(b.meta().reportId());
        assertThat(a.sides()).extracting(s -> s.group() + "/" + s.origin()).containsExactly("ES/folder", "FR/folder");
        assertThat(a.method().validation().rows()).hasSize(2);
        assertThat(a.comparison().clusters()).anyMatch(c -> c.crossGroup());
    }

    @Test
    void withoutAnAgencyTheFirstLocalCasesAgencyIssuesTheReport() throws Exception {
        World w = DemoWorld.generate();
        List<SideMaterial> sides = sides(w);
        CorrelationResult r = Correlator.correlate(ReportAssembler.devices(sides), w.enrichment(), CorrelationOptions.defaults());
        var caseSide = new org.cotejo.report.model.Side("ES", "case", "cases/es", "id", "ES", "CCN-CERT", "DP 1", "", "", null);
        List<SideMaterial> withCase = List.of(new SideMaterial(caseSide, sides.get(0).devices(), sides.get(0).entries(), List.of()), sides.get(1));
        assertThat(ReportAssembler.assemble(request(""), withCase, r).meta().agency()).isEqualTo("CCN-CERT");
    }
}
