package org.cotejo.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic data for the benchmarks: URLs shaped like a phone's browsing and app
 * traffic (popular sites with their subdomains, random long-tail domains, bare IP hosts, ports,
 * user-info, queries, mixed case), and large generated indicator sets. A fixed seed makes every run
 * measure the same inputs.
 */
final class SyntheticTraffic {
    private static final String[] POPULAR = {
        "google.com", "googleapis.com", "gstatic.com", "youtube.com", "ytimg.com", "facebook.com", "fbcdn.net",
        "instagram.com", "whatsapp.net", "apple.com", "icloud.com", "mzstatic.com", "twitter.com", "twimg.com",
        "amazon.com", "amazonaws.com", "cloudfront.net", "akamaihd.net", "microsoft.com", "live.com",
        "wikipedia.org", "bbc.co.uk", "lemonde.fr", "elpais.com", "rtve.es", "netflix.com", "nflxvideo.net",
        "spotify.com", "scdn.co", "telegram.org", "doubleclick.net", "googlesyndication.com", "tiktokv.com",
        "linkedin.com", "reddit.com", "yahoo.com", "bing.com", "gov.uk", "service-public.fr", "boe.es"};
    private static final String[] SUBDOMAINS = {"www", "m", "api", "cdn", "static", "img", "i", "mail", "login",
        "accounts", "graph", "edge-chat", "scontent", "video", "s", "a1", "b2", "news", "app", "push"};
    private static final String[] TLDS = {"com", "net", "org", "io", "co", "info", "es", "fr", "de", "co.uk",
        "com.br", "ru", "xyz", "online", "site", "app"};
    private static final String[] WORDS = {"news", "login", "static", "img", "v1", "api", "watch", "article",
        "2026", "user", "feed", "assets", "js", "css", "index.html", "search", "p", "share", "media", "track"};

    private final SplittableRandom random;

    SyntheticTraffic(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code count} URLs; roughly one in {@code hitEvery} has a host under one of {@code badDomains}. */
    List<String> urls(int count, List<String> badDomains, int hitEvery) {
        List<String> out = new ArrayList<>(count);
        StringBuilder b = new StringBuilder(128);
        for (int i = 0; i < count; i++) {
            b.setLength(0);
            int shape = random.nextInt(100);
            b.append(shape < 70 ? "https://" : shape < 90 ? "http://" : shape < 92 ? "HTTPS://" : "");
            if (random.nextInt(200) == 0) b.append("user:pw@");
            if (!badDomains.isEmpty() && random.nextInt(hitEvery) == 0) {
                if (random.nextBoolean()) b.append(pick(SUBDOMAINS)).append('.');
                b.append(badDomains.get(random.nextInt(badDomains.size())));
            } else if (shape < 60) {
                b.append(pick(SUBDOMAINS)).append('.').append(pick(POPULAR));
            } else if (shape < 95) {
                if (random.nextBoolean()) b.append(pick(SUBDOMAINS)).append('.');
                b.append(randomLabel(5, 14)).append('.').append(pick(TLDS));
            } else {
                b.append(1 + random.nextInt(223)).append('.').append(random.nextInt(256)).append('.')
                        .append(random.nextInt(256)).append('.').append(1 + random.nextInt(254));
            }
            if (random.nextInt(50) == 0) b.append(':').append(1024 + random.nextInt(60000));
            int segments = random.nextInt(5);
            for (int s = 0; s < segments; s++) b.append('/').append(pick(WORDS));
            if (segments == 0 || random.nextBoolean()) b.append('/');
            if (random.nextInt(3) == 0) {
                b.append("?id=").append(Long.toHexString(random.nextLong())).append("&ref=").append(pick(WORDS));
            }
            out.add(b.toString());
        }
        return out;
    }

    /** {@code count} distinct random registrable domains. */
    List<String> domains(int count) {
        var seen = new java.util.HashSet<String>(count * 2);
        List<String> out = new ArrayList<>(count);
        while (out.size() < count) {
            String d = randomLabel(6, 16) + (random.nextInt(8) == 0 ? "-" + randomLabel(3, 8) : "") + "." + pick(TLDS);
            if (seen.add(d)) out.add(d);
        }
        return out;
    }

    /** {@code count} IPv4 indicators: nine in ten single addresses, the rest /16 to /30 ranges. */
    List<String> ipIndicators(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int a = 1 + random.nextInt(223);
            String ip = a + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            if (random.nextInt(10) == 0) {
                int length = 16 + random.nextInt(15);
                int v = ((a << 24) | (random.nextInt(1 << 24))) & (-1 << (32 - length));
                ip = ((v >>> 24) & 255) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255) + "/" + length;
            }
            out.add(ip);
        }
        return out;
    }

    private String randomLabel(int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = (char) ('a' + random.nextInt(26));
        return new String(c);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
