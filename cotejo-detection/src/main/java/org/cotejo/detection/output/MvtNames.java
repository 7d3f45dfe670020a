package org.cotejo.detection.output;

import org.cotejo.core.observable.ObservableType;

/** The indicator category names MVT writes in {@code matched_indicator.type}. */
final class MvtNames {
    private MvtNames() {}

    static String category(ObservableType t) {
        return switch (t) {
            case DOMAIN, IPV4 -> "domains";
            case URL -> "urls";
            case PROCESS_NAME -> "processes";
            case EMAIL -> "emails";
            case FILE_NAME -> "file_names";
            case FILE_PATH -> "file_paths";
            case MD5 -> "files_md5";
            case SHA1 -> "files_sha1";
            case SHA256 -> "files_sha256";
            case APP_CERT_HASH -> "app_cert_hashes";
            case APP_ID -> "app_ids";
            case PROFILE_ID -> "ios_profile_ids";
            case ANDROID_PROPERTY -> "android_property_names";
            default -> t.key();
        };
    }
}
