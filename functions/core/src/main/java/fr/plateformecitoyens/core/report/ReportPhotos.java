package fr.plateformecitoyens.core.report;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.port.DocumentStore;
import fr.plateformecitoyens.core.port.UploadGrant;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Photos of a report: the browser uploads each one straight to the document store under a grant that
 * binds its type and length; the grant writes a {@code pending} photo item, which the photo processor
 * completes. At most {@link #MAX_PHOTOS} per report, counted on the report item with a conditional write.
 */
public final class ReportPhotos {

    public static final int MAX_PHOTOS = 3;
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    public static final Duration UPLOAD_VALIDITY = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReportStore store;
    private final DocumentStore documents;
    private final Clock clock;

    public ReportPhotos(ReportStore store, DocumentStore documents, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.clock = clock;
    }

    /** The photo item written and the grant to upload it. */
    public record Granted(ReportPhoto photo, UploadGrant grant) {
    }

    public Granted grant(Report report, String contentType, Long contentLength) {
        List<FieldError> errors = new ArrayList<>();
        String type = contentType == null ? "" : contentType.strip().toLowerCase(java.util.Locale.ROOT);
        if (!TYPES.contains(type)) {
            errors.add(new FieldError("contentType", "Envoyez une photo JPEG, PNG ou WebP."));
        }
        if (contentLength == null || contentLength <= 0) {
            errors.add(new FieldError("contentLength", "Indiquez la taille du fichier en octets."));
        } else if (contentLength > MAX_BYTES) {
            errors.add(new FieldError("contentLength", "La photo ne doit pas dépasser 10 Mo."));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput("Cette photo ne peut pas être envoyée.", errors);
        }
        if (!report.status().open()) {
            throw new DomainException.Conflict("Ce signalement est clos : on ne peut plus y ajouter de photo.");
        }
        if (!store.reservePhoto(report.id(), MAX_PHOTOS)) {
            throw new DomainException.Conflict("Un signalement compte au plus " + MAX_PHOTOS + " photos.");
        }
        String photoId = HexFormat.of().formatHex(randomBytes());
        String key = ReportPhoto.uploadKey(report.tenantId(), report.id(), photoId);
        ReportPhoto photo = new ReportPhoto(report.id(), photoId, report.tenantId(), ReportPhoto.State.PENDING,
                clock.instant(), key, Optional.empty(), Optional.empty(), 0, 0, Optional.empty(), "");
        store.addPhoto(photo);
        return new Granted(photo, documents.grantUpload(key, type, contentLength, UPLOAD_VALIDITY));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
