/**
 * The chain of custody of a case: the installation's signing key, the append-only hash-chained
 * ledger of every action, RFC 3161 time stamps of its head, and the verification a counter-expert
 * runs ({@code cotejo case verify}) over the ledger, the evidence files and the stored results.
 *
 * <p>Everything here works on a jdbi {@code Handle} and plain SQL on the {@code ledger} and
 * {@code signing_keys} tables, inside the caller's transaction. What verification needs from the
 * rest of the case store it asks through {@link org.cotejo.cases.custody.EvidenceSource} and
 * {@link org.cotejo.cases.custody.ResultHashes}.
 */
package org.cotejo.cases.custody;
