package org.cotejo.indicators.update;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Cotejo keeps per-user data (fetched feeds): an explicit choice first, then
 * {@code $COTEJO_HOME}, then {@code $XDG_DATA_HOME/cotejo}, then {@code ~/.local/share/cotejo},
 * following the XDG base-directory convention so the data lands where Linux users expect it.
 */
public final class DataDirectory {
    private DataDirectory() {}

    /** Resolves from this process's environment and home folder. */
    public static Path resolve() {
        return resolve(null);
    }

    /** {@code override} (e.g. a {@code --data-dir} option) wins when not null. */
    public static Path resolve(Path override) {
        // The system property lets tests (and embedding programs) isolate themselves from a user's data.
        String property = System.getProperty("cotejo.home");
        if (override == null && property != null && !property.isBlank()) override = Path.of(property);
        return resolve(override, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path resolve(Path override, Map<String, String> env, Path home) {
        if (override != null) return override.toAbsolutePath();
        String cotejoHome = env.get("COTEJO_HOME");
        if (cotejoHome != null && !cotejoHome.isBlank()) return Path.of(cotejoHome).toAbsolutePath();
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "cotejo");
        return home.resolve(".local").resolve("share").resolve("cotejo");
    }
}
