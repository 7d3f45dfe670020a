package org.cotejo.detection.heuristic.android.qf;

import java.util.Map;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;

/**
 * A setting that weakens the phone's defences, set away from its safe value (MEDIUM, as MVT): Play Protect
 * and APK verification off, ADB installs without confirmation, crash and security reports off, an
 * accessibility service on. Stalkerware installers turn these off; accessibility lets an app read the screen.
 */
public final class DangerousSetting implements Heuristic {
    /** A dangerous setting's safe value and what any other value means. */
    record Rule(String safe, String meaning) {}

    static final Map<String, Rule> SETTINGS = Map.ofEntries(
            Map.entry("verifier_verify_adb_installs", new Rule("1", "disabled Google Play Services apps verification")),
            Map.entry("package_verifier_enable", new Rule("1", "disabled Google Play Protect")),
            Map.entry("package_verifier_state", new Rule("1", "disabled APK package verification")),
            Map.entry("package_verifier_user_consent", new Rule("1", "disabled Google Play Protect")),
            Map.entry("upload_apk_enable", new Rule("1", "disabled Google Play Protect")),
            Map.entry("adb_install_need_confirm", new Rule("1", "disabled confirmation of adb apps installation")),
            Map.entry("send_security_reports", new Rule("1", "disabled sharing of security reports")),
            Map.entry("samsung_errorlog_agree", new Rule("1", "disabled sharing of crash logs with manufacturer")),
            Map.entry("send_action_app_error", new Rule("1", "disabled applications errors reports")),
            Map.entry("accessibility_enabled", new Rule("0", "enabled accessibility services")));

    @Override public String id() { return "android.settings.dangerous-setting"; }
    @Override public String description() {
        return "Settings that weaken the phone's defences: Play Protect or APK verification off, silent ADB installs,"
                + " error and security reports off, accessibility services on";
    }
    @Override public Set<String> modules() { return Set.of("aqf_settings"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            Rule rule = SETTINGS.get(f.text("key"));
            if (rule == null || rule.safe().equals(f.text("value"))) return;
            out.alert(new Alert(Level.MEDIUM, id(), "Found suspicious \"" + f.text("namespace") + "\" setting \"" + f.text("key")
                    + " = " + f.text("value") + "\" (" + rule.meaning() + "); the safe value is " + rule.safe()
                    + ", and stalkerware installers change it (" + record.provenance().describe() + ")", null, record));
        };
    }
}
