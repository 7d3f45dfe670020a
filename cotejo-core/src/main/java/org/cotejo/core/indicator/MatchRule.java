package org.cotejo.core.indicator;

/** Which matching rule linked an observable to an indicator; every match names one. */
public enum MatchRule {
    DOMAIN_EXACT("the domain equals the indicator"),
    SUBDOMAIN("the domain is a subdomain of the indicator"),
    URL_EXACT("the normalised URL equals the indicator (scheme, user-info and fragment ignored)"),
    URL_HOST_DOMAIN("the URL's host equals the domain indicator"),
    URL_HOST_SUBDOMAIN("the URL's host is a subdomain of the domain indicator"),
    IP_EXACT("the IP address equals the indicator"),
    IP_IN_RANGE("the IP address lies in the indicator's range"),
    URL_HOST_IP("the URL's host is the IP address of the indicator"),
    URL_HOST_IP_IN_RANGE("the URL's host is an IP address in the indicator's range"),
    EMAIL_HOST_DOMAIN("the e-mail address's domain is (a subdomain of) the domain indicator"),
    PROCESS_EXACT("the process name equals the indicator"),
    PROCESS_TRUNCATED("the process name is the 16-character truncation of the indicator, as iOS records it"),
    FILE_PATH_EXACT("the file path equals the indicator"),
    FILE_PATH_UNDER_DIRECTORY("the file path lies inside the indicator's directory"),
    FILE_NAME_OF_PATH("the file path's last segment equals the file-name indicator"),
    FILE_NAME_EXACT("the file name equals the indicator"),
    HASH_EXACT("the hash equals the indicator"),
    EXACT("the value equals the indicator");

    private final String description;

    MatchRule(String description) {
        this.description = description;
    }

    public String description() { return description; }
}
