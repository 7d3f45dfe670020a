package org.cotejo.report.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MandateFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsEveryFieldWithADateOrATime() throws Exception {
        Path f = Files.writeString(tmp.resolve("m.json"), """
                {"court": "JCI 4", "proceedings": "DP 67/2024", "instrument": "EIO-2024-118", "requesting_authority": "TJ Paris",
                 "expert": "Lab", "ordered_at": "2026-10-01", "questions": ["Infected?", "Single source?"]}""");
        var m = MandateFile.read(f);
        assertThat(m.court()).isEqualTo("JCI 4");
        assertThat(m.requestingAuthority()).isEqualTo("TJ Paris");
        assertThat(m.orderedAt()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(m.questions()).containsExactly("Infected?", "Single source?");
        Files.writeString(f, "{\"ordered_at\": \"2026-10-01T09:30:00Z\"}");
        assertThat(MandateFile.read(f).orderedAt()).isEqualTo(Instant.parse("2026-10-01T09:30:00Z"));
        assertThat(MandateFile.read(f).court()).isEmpty();
    }

    @Test
    void aMisspeltFieldABadDateOrBrokenJsonIsAnErrorNamingTheFile() throws Exception {
        Path f = tmp.resolve("m.json");
        Files.writeString(f, "{\"courts\": \"X\"}");
        assertThatThrownBy(() -> MandateFile.read(f)).isInstanceOf(CotejoException.class).hasMessageContaining(f + ": unknown field 'courts'");
        Files.writeString(f, "{\"ordered_at\": \"1 Oct\"}");
        assertThatThrownBy(() -> MandateFile.read(f)).isInstanceOf(CotejoException.class).hasMessageContaining("ordered_at '1 Oct'");
        Files.writeString(f, "{\"questions\": \"why\"}");
        assertThatThrownBy(() -> MandateFile.read(f)).isInstanceOf(CotejoException.class).hasMessageContaining("array of strings");
        Files.writeString(f, "{\"court\": ");
        assertThatThrownBy(() -> MandateFile.read(f)).isInstanceOf(CotejoException.class).hasMessageContaining("is not valid JSON");
        assertThatThrownBy(() -> MandateFile.read(tmp.resolve("none.json"))).isInstanceOf(CotejoException.class)
                .hasMessageContaining("no such mandate file");
    }
}
