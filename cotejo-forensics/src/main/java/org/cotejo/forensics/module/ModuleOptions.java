package org.cotejo.forensics.module;

/**
 * Options every module may read.
 *
 * @param fast skip the slow filesystem-wide searches (missing process binaries, process names in paths)
 */
public record ModuleOptions(boolean fast) {
    public static final ModuleOptions DEFAULT = new ModuleOptions(false);
}
