/**
 * The reporting stage: the expert report (HTML and PDF, in Spanish, French or English), its
 * machine-readable forms (report.json, a STIX 2.1 bundle, a MISP event, a Timesketch timeline) and the
 * signed exchange packages authorities send each other.
 */
package org.cotejo.report;
