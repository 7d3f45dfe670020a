package org.cotejo.correlation.infra;

import java.util.Locale;
import java.util.Set;
import org.cotejo.core.observable.DomainNames;

/**
 * What in a WHOIS record says something about who registered a domain. A privacy or proxy service's
 * e-mail is shared by millions of unrelated registrants, and a registrar's or DNS provider's default name
 * servers by millions of domains: neither links anything. Custom name servers (the operator's own, or a
 * small provider) do. The lists are the large providers; anything they miss is still bounded by the
 * fan-out cap, which catches a key seen on too many devices.
 */
public final class WhoisPolicy {
    private static final Set<String> PROVIDER_NS_DOMAINS = Set.of(
            "domaincontrol.com", "registrar-servers.com", "cloudflare.com", "googledomains.com", "google.com",
            "nsone.net", "dnsmadeeasy.com", "ultradns.com", "ultradns.net", "dynect.net", "name.com", "gandi.net",
            "ovh.net", "hostgator.com", "bluehost.com", "dreamhost.com", "linode.com", "digitalocean.com",
            "hetzner.com", "ui-dns.com", "ui-dns.de", "ui-dns.org", "ui-dns.biz", "namebrightdns.com", "worldnic.com",
            "register.com", "freenom.com", "sedoparking.com", "parkingcrew.net", "bodis.com", "above.com", "reg.ru",
            "yandex.net", "he.net", "afraid.org", "cloudns.net", "porkbun.com", "dynadot.com", "epik.com",
            "namesilo.com", "hover.com", "enom.com", "markmonitor.com", "azure-dns.com", "azure-dns.net",
            "azure-dns.org", "azure-dns.info", "name-services.com", "namecheaphosting.com", "hostinger.com",
            "ns.cloudflare.com", "wixdns.net", "squarespacedns.com", "vercel-dns.com", "netlify.com");
    private static final Set<String> PRIVACY_EMAIL_DOMAINS = Set.of(
            "whoisguard.com", "domainsbyproxy.com", "privacyprotect.org", "contactprivacy.com", "withheldforprivacy.com",
            "whoisprivacyprotect.com", "privacyguardian.org", "whoisprivacycorp.com", "anonymize.com", "dynadot.com",
            "namecheap.com", "proxy.dreamhost.com", "perfectprivacy.com", "privacy-link.com", "identity-protect.org",
            "registrant-privacy.com", "domainprivacygroup.com", "gname.com", "njal.la", "redacted.com");
    private static final String[] PRIVACY_WORDS = {"privacy", "proxy", "redacted", "whoisguard", "protect", "anonym"};

    private WhoisPolicy() {}

    /** Whether a name server is a registrar's or large DNS provider's default. */
    public static boolean isProviderNameServer(String ns) {
        String n = ns.toLowerCase(Locale.ROOT);
        if (n.contains("awsdns-")) return true;
        String registered = DomainNames.registrableDomain(n).orElse(n);
        return PROVIDER_NS_DOMAINS.contains(registered) || PROVIDER_NS_DOMAINS.contains(n);
    }

    /** Whether an e-mail is a privacy or proxy service's (or a redaction placeholder). */
    public static boolean isPrivacyEmail(String email) {
        String e = email.toLowerCase(Locale.ROOT);
        int at = e.lastIndexOf('@');
        String domain = at < 0 ? e : e.substring(at + 1);
        if (PRIVACY_EMAIL_DOMAINS.contains(domain)
                || PRIVACY_EMAIL_DOMAINS.contains(DomainNames.registrableDomain(domain).orElse(domain))) {
            return true;
        }
        for (String w : PRIVACY_WORDS) if (e.contains(w)) return true;
        return false;
    }
}
