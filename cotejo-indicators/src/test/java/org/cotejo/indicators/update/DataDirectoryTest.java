package org.cotejo.indicators.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    private static final Path HOME = Path.of("/home/examiner");

    @Test
    void anExplicitFolderWinsOverTheEnvironment() {
        assertThat(DataDirectory.resolve(Path.of("/cases/feeds"), Map.of("COTEJO_HOME", "/opt/cotejo"), HOME))
                .isEqualTo(Path.of("/cases/feeds"));
    }

    @Test
    void cotejoHomeWinsOverXdgDataHome() {
        assertThat(DataDirectory.resolve(null, Map.of("COTEJO_HOME", "/opt/cotejo", "XDG_DATA_HOME", "/xdg"), HOME))
                .isEqualTo(Path.of("/opt/cotejo"));
    }

    @Test
    void usesACotejoFolderInXdgDataHome() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), HOME)).isEqualTo(Path.of("/xdg/cotejo"));
    }

    @Test
    void ignoresARelativeXdgDataHomeAsTheSpecificationSays() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "relative"), HOME))
                .isEqualTo(Path.of("/home/examiner/.local/share/cotejo"));
    }

    @Test
    void fallsBackToLocalShareInTheHomeFolder() {
        assertThat(DataDirectory.resolve(null, Map.of(), HOME)).isEqualTo(Path.of("/home/examiner/.local/share/cotejo"));
    }
}
