package org.cotejo.report.stix;

/**
 * One way a STIX bundle breaks the specification.
 *
 * @param objectId the object's id (or "bundle", or a description when it has none)
 * @param property the property at fault, dotted for nested ones ("external_references.hashes"), or ""
 * @param message  what is wrong
 */
public record StixProblem(String objectId, String property, String message) {
    @Override
    public String toString() {
        return objectId + (property.isEmpty() ? "" : " " + property) + ": " + message;
    }
}
