package org.cotejo.forensics.module;

import java.util.Objects;

/**
 * Something a module could not read, said plainly: which module, which file, what happened. The run
 * goes on and the summary lists every problem.
 *
 * @param module  the module's name
 * @param file    the file concerned (path inside the extraction), or "" when none
 * @param message what went wrong and what was skipped
 * @param fatal   true when the module stopped because of it (it read nothing more)
 */
public record ModuleProblem(String module, String file, String message, boolean fatal) {
    public ModuleProblem {
        Objects.requireNonNull(module, "module");
        file = file == null ? "" : file;
        Objects.requireNonNull(message, "message");
    }

    public String describe() {
        return module + (file.isEmpty() ? "" : " (" + file + ")") + ": " + message;
    }
}
