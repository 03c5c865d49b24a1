package fr.plateformecitoyens.core.report;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A photo of a report. The platform writes it {@code pending} when it grants the upload; the photo
 * processor then marks it {@code ready} (with its web and thumbnail renditions) or {@code failed} (with a
 * French reason).
 */
public record ReportPhoto(String reportId, String photoId, String tenantId, State state, Instant createdAt,
        String uploadKey, Optional<String> webKey, Optional<String> thumbKey, int width, int height,
        Optional<Instant> processedAt, String reason) {

    /** Where the photo's processing stands. */
    public enum State {
        PENDING, READY, FAILED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromCode(String code) {
            try {
                return valueOf(code.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                return PENDING;
            }
        }
    }

    public ReportPhoto {
        reason = reason == null ? "" : reason;
    }

    /** The key the browser uploads the original to. */
    public static String uploadKey(String tenantId, String reportId, String photoId) {
        return "uploads/reports/" + tenantId + "/" + reportId + "/" + photoId;
    }
}
