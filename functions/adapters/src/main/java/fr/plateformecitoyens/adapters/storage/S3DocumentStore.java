package fr.plateformecitoyens.adapters.storage;

import fr.plateformecitoyens.core.port.DocumentStore;
import fr.plateformecitoyens.core.port.StoredDocument;
import fr.plateformecitoyens.core.port.UploadGrant;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The document store on one private S3 bucket. Uploads are presigned PUTs whose signature covers the
 * content type and length, so S3 itself refuses another file than the one granted.
 */
public final class S3DocumentStore implements DocumentStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3DocumentStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<StoredDocument> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
            GetObjectResponse response = bytes.response();
            return Optional.of(new StoredDocument(key, new StoredDocument.Metadata(response.contentType(),
                    response.contentLength()), bytes.asByteArray()));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<StoredDocument.Metadata> head(String key) {
        try {
            HeadObjectResponse response = s3.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(new StoredDocument.Metadata(response.contentType(), response.contentLength()));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public UploadGrant grantUpload(String key, String contentType, long contentLength, Duration validity) {
        PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p.signatureDuration(validity)
                .putObjectRequest(r -> r.bucket(bucket).key(key).contentType(contentType)
                        .contentLength(contentLength)));
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new UploadGrant(key, "PUT", toUri(presigned.url()), headers, presigned.expiration());
    }

    @Override
    public URI grantDownload(String key, String fileName, Duration validity) {
        String disposition = "attachment; filename*=UTF-8''" + encode(fileName);
        return toUri(presigner.presignGetObject(p -> p.signatureDuration(validity)
                .getObjectRequest(r -> r.bucket(bucket).key(key).responseContentDisposition(disposition))).url());
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    private static URI toUri(java.net.URL url) {
        try {
            return url.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("the presigner made an invalid URL", e);
        }
    }

    private static String encode(String fileName) {
        StringBuilder out = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || List.of('.', '-', '_').contains(c)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
