package org.cotejo.detection.heuristic.ios.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.forensics.module.Modules;
import org.junit.jupiter.api.Test;

class MessagingHeuristicsRegisteredTest {
    @Test
    void messagingHeuristicsAreFoundAndReadModulesThatExist() {
        List<Heuristic> found = new ArrayList<>();
        ServiceLoader.load(Heuristic.class).forEach(found::add);

        List<Heuristic> ours = found.stream().filter(h -> List.of("sms.apple-threat-notification", "sms.suspicious-attachment",
                "calendar.quadream-invitation", "idstatus.null-bytes").contains(h.id())).toList();
        assertThat(ours).hasSize(4);
        Modules modules = Modules.installed();
        assertThat(ours).allSatisfy(h -> assertThat(h.modules()).allSatisfy(slug -> assertThat(modules.bySlug(slug)).isPresent()));
    }
}
