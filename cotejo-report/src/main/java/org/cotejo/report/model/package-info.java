/**
 * The expert report as data: everything the HTML and PDF state, {@code report.json} carries and the
 * STIX bundle, MISP event and exchange package are derived from. Assembled once per run from cases,
 * check outputs or exchange packages and from the correlation result; every renderer reads only this.
 *
 * <p>Times are UTC instants. Lists are in a stable order (the assembler sorts them), so two runs on
 * the same inputs give the same report.
 */
package org.cotejo.report.model;
