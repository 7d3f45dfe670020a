package org.cotejo.report.model;

/**
 * One piece of software used.
 *
 * @param name    e.g. "Cotejo", "Java", "SQLite"
 * @param version its version
 * @param role    what it did ("analysis", "runtime", "case store")
 */
public record ToolEntry(String name, String version, String role) {}
