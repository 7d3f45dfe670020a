package org.cotejo.correlation.sim;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.cotejo.core.observable.Observable;

/**
 * One customer of a vendor and the infrastructure it set up (attribution.md §1.6: operator level).
 *
 * @param id              "op-a1"
 * @param vendor          its vendor's id
 * @param countries       where its targets live (one operator targets two countries)
 * @param languages       languages of its naming themes and lures
 * @param delivery        domains in the links sent to targets
 * @param validation      domains the exploit chain checks in with
 * @param c2              command-and-control domains the implant talks to
 * @param accounts        attacker accounts (iMessage e-mail addresses) that message targets
 * @param smsSenders      phone numbers lures are sent from (not an observable type; they go into SMS extractions)
 * @param servers         its server addresses, in its vendor's /24s
 * @param tlsKeys         SHA-256 of the public keys its servers present (deployment level)
 * @param registrar       where it registers domains
 * @param registrantEmail its WHOIS registrant e-mail, or "" behind a privacy service
 * @param nameServers     its name servers: its own, or the registrar's defaults (which say nothing)
 * @param bursts          the days it registered its domains on
 * @param published       whether the public feed lists any of its infrastructure
 */
public record Operator(String id, String vendor, List<String> countries, List<String> languages, List<Observable> delivery,
                       List<Observable> validation, List<Observable> c2, List<Observable> accounts, List<String> smsSenders,
                       List<String> servers, List<String> tlsKeys, String registrar, String registrantEmail,
                       List<String> nameServers, List<LocalDate> bursts, boolean published) {
    public Operator {
        Objects.requireNonNull(id, "id");
        countries = List.copyOf(countries);
        languages = List.copyOf(languages);
        delivery = List.copyOf(delivery);
        validation = List.copyOf(validation);
        c2 = List.copyOf(c2);
        accounts = List.copyOf(accounts);
        smsSenders = List.copyOf(smsSenders);
        servers = List.copyOf(servers);
        tlsKeys = List.copyOf(tlsKeys);
        nameServers = List.copyOf(nameServers);
        bursts = List.copyOf(bursts);
    }

    /** All its domains: delivery, validation, then C2. */
    public List<Observable> domains() {
        return java.util.stream.Stream.of(delivery, validation, c2).flatMap(List::stream).toList();
    }

    /** Every operator-level value of its infrastructure that can appear on a phone: domains and accounts. */
    public List<Observable> infrastructure() {
        return java.util.stream.Stream.concat(domains().stream(), accounts.stream()).toList();
    }
}
