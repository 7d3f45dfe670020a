package org.cotejo.indicators.defaults;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Objects;
import org.cotejo.core.CotejoException;

/**
 * One indicator feed bundled with Cotejo, as listed in {@code feeds/index.json}.
 *
 * @param resource class-path name of the bundled file
 * @param name     display name (MVT's {@code indicators.yaml} name where it lists the same file)
 * @param source   who publishes the file
 * @param licence  SPDX licence id under which it is redistributed
 * @param credit   the attribution line the licence asks for
 * @param upstream where the file lives upstream (a GitHub URL including the branch)
 * @param sha256   SHA-256 of the bundled bytes, so a report can name exactly which copy was used
 * @param copied   the day the copy was taken from upstream
 */
public record DefaultFeed(String resource, String name, String source, String licence, String credit,
                          String upstream, String sha256, LocalDate copied) {
    public DefaultFeed {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The bundled bytes; the caller closes the stream. */
    public InputStream open() {
        InputStream in = DefaultFeed.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new CotejoException("bundled feed '" + name + "' is missing from this build (resource " + resource
                    + "); reinstall Cotejo or use `cotejo iocs update` to fetch the feeds");
        }
        return in;
    }

    /** The file name without folders, e.g. {@code pegasus.stix2}. */
    public String fileName() {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
