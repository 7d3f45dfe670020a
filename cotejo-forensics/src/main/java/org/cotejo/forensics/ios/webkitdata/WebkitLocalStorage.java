package org.cotejo.forensics.ios.webkitdata;

import java.time.Instant;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.TimelineEvent;

/** Sites that stored Local Storage data in an app's web views (one file per site). */
public final class WebkitLocalStorage extends WebsiteDataEntries {
    static final Location LOCAL_STORAGE = Location.fs(
            "private/var/mobile/Containers/Data/Application/*/Library/WebKit/WebsiteData/LocalStorage");

    @Override public String name() { return "WebkitLocalStorage"; }
    @Override public String description() { return "Sites with Local Storage in apps' WebKit views"; }
    @Override Location folders() { return LOCAL_STORAGE; }

    @Override
    TimelineEvent event(Instant time, Fields r) {
        return new TimelineEvent(time, slug(), "local_storage",
                "WebKit Local Storage folder " + r.text("folder") + " containing file for URL " + r.text("url"));
    }
}
