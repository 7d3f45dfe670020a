package org.cotejo.detection.heuristic;

import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ModuleOptions;

/**
 * What a heuristic may know about the run.
 *
 * @param extraction        the extraction being read, or null when records come from an MVT results folder
 * @param options           module options ({@code fast} skips slow filesystem-wide searches)
 * @param indicatorsLoaded  whether any indicator is loaded (MVT runs some rules only then; Cotejo runs
 *                          them always and records this for comparison)
 */
public record HeuristicContext(Extraction extraction, ModuleOptions options, boolean indicatorsLoaded) {}
