package org.cotejo.cli.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.cotejo.cli.Main;

/** Runs the command line in-process, as a user would type it, capturing what it prints and returns. */
public final class Cli {
    private Cli() {}

    /** What one command returned and printed. */
    public record Run(int code, String out, String err) {}

    public static Run cotejo(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
