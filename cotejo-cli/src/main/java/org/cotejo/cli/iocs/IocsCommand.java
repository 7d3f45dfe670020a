package org.cotejo.cli.iocs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "iocs",
        header = "Read, inspect, check, convert and update indicator-of-compromise feeds.",
        description = {
            "Feeds: STIX 2.1 bundles (including the non-standard app:id, app:cert.sha256,",
            "configuration-profile:id and android-property:name paths real feeds use), MISP event JSON,",
            "CSV (MISP-style or typed columns) and plain lists. Whatever a reader skips is reported with",
            "its place and reason; --strict makes skips errors. Without --iocs, the feeds bundled with",
            "Cotejo are used (Amnesty International, CC BY 2.0; MVT indicators, MIT: see NOTICE.md).",
            "",
            "Matching rules:",
            "  domain       matches the domain and every subdomain, label by label (evil.com matches",
            "               a.b.evil.com, never notevil.com or evil.com.example.org); a leading www label",
            "               counts as the domain itself.",
            "  url          matches the normalised URL (host, port, path, query; scheme, user-info and",
            "               fragment ignored); every URL's host is also checked as a domain or an IP.",
            "  ipv4/ipv6/cidr  match addresses inside them, also when the address is a URL's host.",
            "  process      exact, case-sensitive; or the 16-character truncation iOS records.",
            "  file-path    exact, or any path inside the indicator's directory, segment by segment",
            "               (/var/foo holds /var/foo/bar, not /var/foobar); case-sensitive.",
            "  file-name    exact, and as the last segment of a path; case-sensitive.",
            "  md5/sha1/sha256/sha512, app-cert-hash, x509-hash  exact by algorithm, any case.",
            "  email, app-id, profile-id, android-property  exact, any case; an e-mail's domain is also",
            "               checked against the domain indicators.",
            "Values are refanged (hxxp, [.], (.), [dot], [@], [:]) and normalised first: lower-case hosts,",
            "IDN to punycode, trailing dot removed, canonical IPv4/IPv6 text, percent-encoding normalised."},
        subcommands = {InfoCommand.class, CheckCommand.class, ConvertCommand.class, UpdateCommand.class, IocsDemoCommand.class},
        mixinStandardHelpOptions = true)
public final class IocsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
