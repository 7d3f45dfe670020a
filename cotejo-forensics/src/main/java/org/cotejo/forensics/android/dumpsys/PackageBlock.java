package org.cotejo.forensics.android.dumpsys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Fields;

/**
 * The lines of one {@code Package [name]} entry of {@code dumpsys package}, turned into a record. Per-user
 * values ({@code firstInstallTime}, runtime permissions) are kept for user 0 when it is listed, else for
 * the entry without a user, else for the first user.
 */
final class PackageBlock {
    private final String name;
    final long line;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> firstInstall = new LinkedHashMap<>();
    private final List<Map<String, Object>> permissions = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> runtime = new LinkedHashMap<>();
    private final List<String> requested = new ArrayList<>();
    private boolean system;
    private String block = "";
    private String user = "";
    private int blockIndent;

    PackageBlock(String name, long line) {
        this.name = name;
        this.line = line;
    }

    /** One line of the entry, after its {@code Package [..]} line; permission lines sit deeper than their header. */
    void line(String text) {
        int indent = 0;
        while (indent < text.length() && text.charAt(indent) == ' ') indent++;
        String t = text.strip();
        if (t.startsWith("User ") && t.contains(":")) {
            user = t.substring(5, t.indexOf(':')).strip();
            block = "";
            return;
        }
        if (t.endsWith("permissions:")) {
            block = t.substring(0, t.length() - 1);
            blockIndent = indent;
            return;
        }
        if (!block.isEmpty() && indent > blockIndent) {
            permission(t);
            return;
        }
        block = "";
        int eq = t.indexOf('=');
        if (eq <= 0) return;
        String key = t.substring(0, eq);
        String value = t.substring(eq + 1);
        switch (key) {
            case "userId", "versionName", "timeStamp", "installerPackageName", "lastUpdateTime", "codePath" -> values.putIfAbsent(key, value);
            case "versionCode" -> values.putIfAbsent(key, value.split("\\s+")[0]);
            case "pkgFlags" -> system = value.matches(".*[\\[ ]SYSTEM[ \\]].*");
            case "firstInstallTime" -> firstInstall.putIfAbsent(user, value);
            default -> { }
        }
    }

    private void permission(String t) {
        if (block.equals("requested permissions")) {
            requested.add(t.split("[:\\s]", 2)[0]);
            return;
        }
        int colon = t.indexOf(':');
        String perm = colon < 0 ? t : t.substring(0, colon);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", perm);
        p.put("granted", t.contains("granted=true") ? Boolean.TRUE : t.contains("granted=false") ? Boolean.FALSE : null);
        switch (block) {
            case "install permissions" -> {
                p.put("type", "install");
                permissions.add(p);
            }
            case "runtime permissions" -> {
                p.put("type", "runtime");
                runtime.computeIfAbsent(user, u -> new ArrayList<>()).add(p);
            }
            case "declared permissions" -> {
                p.put("type", "declared");
                permissions.add(p);
            }
            default -> { }
        }
    }

    Fields fields(String zone) {
        List<Map<String, Object>> all = new ArrayList<>(permissions);
        all.addAll(perUser(runtime, List.of()));
        Fields.Builder b = DeviceTime.zone(Fields.builder(), zone)
                .put("package_name", name)
                .put("uid", values.getOrDefault("userId", ""))
                .put("version_name", values.getOrDefault("versionName", ""))
                .put("version_code", values.getOrDefault("versionCode", ""))
                .put("timestamp", values.getOrDefault("timeStamp", ""))
                .put("first_install_time", perUser(firstInstall, ""))
                .put("last_update_time", values.getOrDefault("lastUpdateTime", ""))
                .put("installer", values.get("installerPackageName"))
                .put("system", system)
                .put("permissions", all)
                .put("requested_permissions", requested);
        return b.putIfPresent("code_path", values.get("codePath")).build();
    }

    private static <T> T perUser(Map<String, T> byUser, T none) {
        if (byUser.containsKey("0")) return byUser.get("0");
        if (byUser.containsKey("")) return byUser.get("");
        return byUser.isEmpty() ? none : byUser.values().iterator().next();
    }
}
