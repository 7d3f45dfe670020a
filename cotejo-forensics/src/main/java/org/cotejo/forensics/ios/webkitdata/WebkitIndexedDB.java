package org.cotejo.forensics.ios.webkitdata;

import java.time.Instant;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.TimelineEvent;

/** Sites that stored IndexedDB data in an app's web views (one folder per site). */
public final class WebkitIndexedDB extends WebsiteDataEntries {
    static final Location INDEXED_DB = Location.fs(
            "private/var/mobile/Containers/Data/Application/*/Library/WebKit/WebsiteData/IndexedDB");

    @Override public String name() { return "WebkitIndexedDB"; }
    /** MVT's own file name, not the one its class name would give ("webkit_indexed_db"). */
    @Override public String slug() { return "webkit_indexeddb"; }
    @Override public String description() { return "Sites with IndexedDB storage in apps' WebKit views"; }
    @Override Location folders() { return INDEXED_DB; }

    @Override
    TimelineEvent event(Instant time, Fields r) {
        return new TimelineEvent(time, slug(), "indexeddb",
                "IndexedDB folder " + r.text("folder") + " containing file for URL " + r.text("url"));
    }
}
