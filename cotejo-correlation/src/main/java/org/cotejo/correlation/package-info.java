/**
 * Correlation and attribution: which infections share a single source. Evidence levels (tool, operator,
 * weak infrastructure), specificity learned from the data, offline enrichment, likelihood ratios for
 * "same operator" against "different operators of the same tool", clusters, pivots, and the simulator
 * that calibrates and validates it all.
 */
package org.cotejo.correlation;
