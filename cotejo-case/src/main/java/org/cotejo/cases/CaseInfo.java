package org.cotejo.cases;

import java.time.Instant;

/**
 * A case: one investigation owned by one agency.
 *
 * @param id         stable id (a UUID)
 * @param name       short name ("ES-2024-PM")
 * @param agency     the agency that owns it ("CCN-CERT")
 * @param reference  court and proceedings number ("Juzgado Central de Instrucción 4, DP 67/2024")
 * @param legalBasis the legal basis, or null
 * @param createdAt  when it was created (UTC)
 * @param createdBy  the declared analyst who created it
 * @param toolVersion the Cotejo version that created it
 */
public record CaseInfo(String id, String name, String agency, String reference, LegalBasis legalBasis,
                       Instant createdAt, String createdBy, String toolVersion) {}
