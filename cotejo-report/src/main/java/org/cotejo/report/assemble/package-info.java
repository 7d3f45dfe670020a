/**
 * Building a {@link org.cotejo.report.model.Report} from what a run was given: each side read into a
 * {@link org.cotejo.report.assemble.SideMaterial} (a local case: {@link org.cotejo.report.assemble.CaseSide};
 * a verified exchange package: {@link org.cotejo.report.assemble.PackageSide}; check outputs, MVT results or
 * device-evidence files: {@link org.cotejo.report.assemble.FolderSide}), then
 * {@link org.cotejo.report.assemble.ReportAssembler} with the correlation result. Also what a case export puts in
 * its package ({@link org.cotejo.report.assemble.CaseExport}), the mandate file, and the validation figures the
 * method section states. Data only: scanning, checking and writing files are the command line's.
 */
package org.cotejo.report.assemble;
