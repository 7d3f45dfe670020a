/**
 * The case store: a case's agency, reference and legal basis, its devices, its evidence with the
 * acquisition record and the SHA-256 of every file, the indicator feeds pinned by hash, the results of
 * every scan, and the custody ledger. One schema (Flyway migrations) on SQLite (a case folder) or
 * PostgreSQL (shared by a team). It stores what the stages produce; it runs none of them.
 */
package org.cotejo.cases;
