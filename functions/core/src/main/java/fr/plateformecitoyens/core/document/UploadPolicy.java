package fr.plateformecitoyens.core.document;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Which files an upload may be, and how large. */
public record UploadPolicy(Set<FileType> accepted, long maxBytes) {

    /** Supporting documents, scanned letters, decisions: PDF or a photo of the paper, 10 MB at most. */
    public static final UploadPolicy DOCUMENTS = new UploadPolicy(EnumSet.of(FileType.PDF, FileType.JPEG,
            FileType.PNG), 10L * 1024 * 1024);

    public UploadPolicy {
        if (accepted.isEmpty() || maxBytes < 1) {
            throw new IllegalArgumentException("an upload policy accepts at least one type and one byte");
        }
        accepted = Set.copyOf(accepted);
    }

    /** « PDF, JPEG ou PNG », in the order of {@link FileType}. */
    public String acceptedLabel() {
        var labels = EnumSet.copyOf(accepted).stream().map(FileType::label).collect(Collectors.toList());
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " ou " + labels.get(labels.size() - 1);
    }

    /** « 10 Mo », for messages. */
    public String maxLabel() {
        long mebibytes = maxBytes / (1024 * 1024);
        return mebibytes >= 1 ? mebibytes + " Mo" : Math.max(1, maxBytes / 1024) + " ko";
    }
}
