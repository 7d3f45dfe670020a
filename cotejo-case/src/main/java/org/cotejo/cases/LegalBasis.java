package org.cotejo.cases;

/**
 * Why the case may hold this evidence, e.g. a European Investigation Order.
 *
 * @param type                 "European Investigation Order", "court order", "consent"...
 * @param reference            its reference number
 * @param requestingAuthority  who asked (may be null)
 * @param executingAuthority   who carries it out (may be null)
 * @param notes                free text (may be null)
 */
public record LegalBasis(String type, String reference, String requestingAuthority, String executingAuthority, String notes) {}
