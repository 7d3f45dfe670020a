package org.cotejo.correlation.sim;

import java.util.List;
import java.util.Map;

/**
 * The words simulated names are made of. Operator domains follow themes in the language of the targets
 * (news in Spanish, parcel delivery in French, transliterated Arabic news and services, Hungarian
 * parcels, English-language Indian news), as the public record shows (attribution.md §1.6: naming
 * themes point to the target country). Benign values are what every phone shows: popular sites, CDNs,
 * platform services, apps and system processes.
 *
 * <p>Generated names use ordinary top-level domains so that they look like the real thing; they are
 * synthetic and may coincide with real, innocent domains, so never publish them as indicators.
 */
final class Vocabulary {
    private Vocabulary() {}

    /** Language of the naming themes and lures used against targets in each country. */
    static final Map<String, String> LANGUAGE_OF_COUNTRY = Map.ofEntries(
            Map.entry("ES", "es"), Map.entry("MX", "es"), Map.entry("AR", "es"), Map.entry("FR", "fr"),
            Map.entry("BE", "fr"), Map.entry("MA", "ar"), Map.entry("AE", "ar"), Map.entry("SA", "ar"),
            Map.entry("HU", "hu"), Map.entry("IN", "en"), Map.entry("GB", "en"), Map.entry("US", "en"));

    static String languageOf(String country) {
        return LANGUAGE_OF_COUNTRY.getOrDefault(country, "en");
    }

    /** Theme words by language: first element news-like, the rest services (parcels, banks, fines). */
    static final Map<String, List<String>> THEME_WORDS = Map.of(
            "es", List.of("noticias", "diario", "actualidad", "portada", "infos", "titulares", "prensa", "ultimahora",
                    "envios", "paquete", "correos", "multas", "tramites", "citas", "banco", "cuenta", "aviso", "sorteo"),
            "fr", List.of("actu", "infos", "journal", "quotidien", "direct", "depeche", "colis", "suivi", "livraison",
                    "laposte", "amendes", "impots", "banque", "compte", "rdv", "avis", "facture", "relais"),
            "ar", List.of("akhbar", "alyawm", "arabia", "sahafa", "alaan", "watan", "khabar", "jadid", "mubasher",
                    "alhadath", "tawsil", "baridi", "bank", "hisab", "khidma", "mawid", "tasjil", "mukhalafa"),
            "hu", List.of("hirek", "friss", "napi", "hirado", "portal", "csomag", "csomagodjott", "posta", "futar",
                    "kezbesites", "szamla", "bank", "ugyfel", "ertesito", "birsag", "idopont", "adatlap", "kuldemeny"),
            "en", List.of("news", "daily", "today", "times", "headlines", "live", "update", "express", "parcel",
                    "track", "delivery", "courier", "bank", "account", "verify", "notice", "fine", "payment"));

    static final List<String> SUFFIXES = List.of("24", "365", "online", "now", "hub", "web", "net", "info", "pro", "app",
            "service", "center", "point", "zone", "plus", "go", "my", "top");
    static final List<String> TLDS = List.of("com", "net", "info", "org", "online", "site", "news", "live", "click", "co");

    /** Lure texts by language; "%s" is where the link goes. */
    static final Map<String, List<String>> LURES = Map.of(
            "es", List.of("Su paquete no pudo ser entregado. Confirme su direccion: %s",
                    "Ultima hora: le mencionan en este articulo %s", "Aviso de multa pendiente, consulte: %s"),
            "fr", List.of("Votre colis est en attente de livraison, suivez-le ici : %s",
                    "Info exclusive vous concernant : %s", "Votre rendez-vous est confirme, details : %s"),
            "ar", List.of("Khabar aajil: %s", "Tam tahdith hisabak, raja'an tahaqqaq: %s", "Shahid al-video al-jadid: %s"),
            "hu", List.of("Csomagja megerkezett, kovesse itt: %s", "Friss hir onrol: %s", "Szamlaja lejart, reszletek: %s"),
            "en", List.of("Your parcel is on hold, reschedule: %s", "Breaking: you are named in this story %s",
                    "Verify your account to avoid suspension: %s"));

    static final List<String> REGISTRARS = List.of("NameCheap, Inc.", "GoDaddy.com, LLC", "Tucows Domains Inc.",
            "PDR Ltd. d/b/a PublicDomainRegistry.com", "Hostinger Operations, UAB", "OVH sas", "Gandi SAS", "NameSilo, LLC");
    static final List<String> DEFAULT_NAME_SERVERS = List.of("dns1.registrar-servers.com", "dns2.registrar-servers.com",
            "ns01.domaincontrol.com", "ns02.domaincontrol.com");
    static final List<String> MAIL_PROVIDERS = List.of("outlook.com", "proton.me", "yandex.com", "gmx.com", "mail.com",
            "tutanota.com");
    static final List<String> GIVEN = List.of("alex", "maria", "david", "sara", "omar", "lucia", "pierre", "nadia",
            "ivan", "laura", "karim", "elena", "marc", "julia", "samir", "anna");
    static final List<String> HOSTING = List.of("Shinjiru Technology", "Leaseweb", "M247 Europe", "Hetzner Online",
            "DigitalOcean", "Contabo", "OVH Hosting", "Stark Industries");

    /** Popular sites: shared by many phones (by a Zipf law), most not on any warning list. */
    static final List<String> POPULAR = List.of("wikipedia.org", "elpais.com", "lemonde.fr", "bbc.co.uk", "nytimes.com",
            "reddit.com", "twitter.com", "instagram.com", "linkedin.com", "amazon.com", "netflix.com", "spotify.com",
            "booking.com", "marca.com", "lefigaro.fr", "eluniversal.com.mx", "index.hu", "hespress.com", "ndtv.com",
            "thehindu.com", "aljazeera.net", "theguardian.com", "github.com", "stackoverflow.com", "medium.com",
            "telegram.org", "signal.org", "zoom.us", "paypal.com", "ebay.com", "aliexpress.com", "tiktok.com");
    /** Platform and CDN hosts every phone talks to; all are on the curated warning lists. */
    static final List<String> PLATFORM = List.of("gateway.icloud.com", "api.apple-cloudkit.com", "init.itunes.apple.com",
            "mesu.apple.com", "www.google.com", "play.googleapis.com", "fonts.gstatic.com", "d1a2b3c4.cloudfront.net",
            "static.akamaized.net", "graph.facebook.com", "mmg.whatsapp.net", "cdn.jsdelivr.net");
    static final List<String> IOS_PROCESSES = List.of("com.apple.WebKit.Networking", "mDNSResponder", "nsurlsessiond",
            "apsd", "itunesstored", "cloudd", "assistantd", "routined", "locationd", "identityservicesd", "MobileSafari",
            "mobilemail", "WhatsApp", "Telegram", "Signal");
    static final List<String> ANDROID_APPS = List.of("com.whatsapp", "org.telegram.messenger", "org.thoughtcrime.securesms",
            "com.instagram.android", "com.twitter.android", "com.google.android.youtube", "com.spotify.music",
            "com.android.chrome", "com.google.android.gm", "com.zhiliaoapp.musically", "com.linkedin.android",
            "com.booking", "com.paypal.android.p2pmobile", "com.ebay.mobile", "com.netflix.mediaclient");
    static final List<String> IOS_APPS = List.of("net.whatsapp.WhatsApp", "ph.telegra.Telegraph", "org.whispersystems.signal",
            "com.burbn.instagram", "com.atebits.Tweetie2", "com.google.ios.youtube", "com.spotify.client",
            "com.google.chrome.ios", "com.google.Gmail", "com.zhiliaoapp.musically", "com.linkedin.LinkedIn",
            "com.booking.BookingApp", "com.paypal.PPClient", "com.ebay.iphone", "com.netflix.Netflix");

    /** Syllables for long-tail personal sites and per-vendor process names. */
    static final List<String> SYLLABLES = List.of("ka", "lo", "mi", "ra", "te", "so", "vin", "dar", "nel", "pu",
            "ser", "tan", "gro", "bel", "fi", "mon", "cas", "tri", "lu", "zen", "mar", "ol", "quin", "ve");
}
