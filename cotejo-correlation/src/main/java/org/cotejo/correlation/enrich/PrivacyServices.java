package org.cotejo.correlation.enrich;

import java.util.List;
import java.util.Locale;

/**
 * Registrant e-mails that belong to a privacy, proxy or redaction service rather than to whoever
 * registered the domain. Thousands of unrelated domains share such an address, so keeping it would link
 * them all (attribution.md §1.7: a registrant e-mail is strong evidence only when not privacy-protected).
 * A marker anywhere in the value, case-insensitive, is enough: a false hit only loses one weak-to-strong
 * link, a miss would create thousands of false ones.
 */
final class PrivacyServices {
    private PrivacyServices() {}

    /** Documented in docs/enrichment.md; keep the two in step. */
    static final List<String> MARKERS = List.of(
            "privacy",          // privacy@, whoisprivacy, contactprivacy.com, privacyguardian.org, "REDACTED FOR PRIVACY"
            "whoisguard",       // whoisguard.com (Namecheap's former service)
            "redacted",         // GDPR redaction texts
            "proxy",            // domainsbyproxy.com, proxy services in general
            "protect",          // privacyprotect.org, protecteddomainservices.com, identity-protect.org, dataprotected
            "domainsbyproxy",   // GoDaddy's service (also caught by "proxy"; listed for the record)
            "withheld",         // withheldforprivacy.com, "Data withheld"
            "anonymi",          // anonymised, anonymize.com
            "gdpr",             // gdpr-masked and similar
            "masked",
            "not disclosed",
            "request email form", // GoDaddy: "Select Request Email Form at …"
            "contact.gandi.net",  // Gandi's relay addresses
            "please query");      // "Please query the RDDS service of the Registrar of Record"

    static boolean isPrivacyService(String rawEmail) {
        String v = rawEmail.toLowerCase(Locale.ROOT);
        for (String m : MARKERS) if (v.contains(m)) return true;
        return false;
    }
}
