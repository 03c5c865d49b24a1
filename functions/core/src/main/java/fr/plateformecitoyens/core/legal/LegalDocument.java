package fr.plateformecitoyens.core.legal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A legal document the platform issues about a request, as text laid out in sections, ready for a
 * {@link fr.plateformecitoyens.core.port.DocumentRenderer}. It is built only from what the request holds
 * immutably (its acknowledgement, its reference, its final transition), so that rendering it again gives the
 * same file.
 *
 * @param issuer   who issues it (the handling service), shown at the top of the page
 * @param issuedAt when it was issued; the file's creation date
 */
public record LegalDocument(Kind kind, String reference, String issuer, String title, List<Section> sections,
        String footer, Instant issuedAt) {

    /** The documents the platform issues, with the name of their route and of their file. */
    public enum Kind {
        /** The acknowledgement of receipt (CRPA L112-11, R112-11-1). */
        ACKNOWLEDGEMENT("acknowledgement", "accuse-de-reception", "Accusé de réception"),
        /** The attestation of an implicit acceptance (CRPA L232-3). */
        IMPLICIT_ACCEPTANCE("implicit-acceptance-attestation", "attestation-acceptation-implicite",
                "Attestation de décision implicite d'acceptation"),
        /** The notice of an implicit rejection, with the appeal routes (CRPA L231-4, L232-4). */
        IMPLICIT_REJECTION("implicit-rejection-notice", "avis-rejet-implicite", "Avis de décision implicite de rejet");

        private final String id;
        private final String fileStem;
        private final String label;

        Kind(String id, String fileStem, String label) {
            this.id = id;
            this.fileStem = fileStem;
            this.label = label;
        }

        /** The document's name in the API, e.g. {@code implicit-acceptance-attestation}. */
        public String id() {
            return id;
        }

        /** Its title in French. */
        public String label() {
            return label;
        }

        /** The file name the citizen sees, e.g. {@code accuse-de-reception-2026-K7Q4-M2XH.pdf}. */
        public String fileName(String reference) {
            return fileStem + "-" + reference + ".pdf";
        }

        /** Where the document store keeps it. */
        public String storageKey(String tenantId, String reference) {
            return this == ACKNOWLEDGEMENT ? "acknowledgements/" + tenantId + "/" + reference + ".pdf"
                    : "decisions/" + tenantId + "/" + reference + "/" + id + ".pdf";
        }

        /** The kind whose {@link #id()} or {@code id + ".pdf"} is {@code name}, if any. */
        public static java.util.Optional<Kind> fromId(String name) {
            for (Kind kind : values()) {
                if (kind.id.equals(name) || (kind.id + ".pdf").equals(name)) {
                    return java.util.Optional.of(kind);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** A titled part of the document; a {@code null} heading means none. */
    public record Section(String heading, List<String> paragraphs) {

        public Section {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    public LegalDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(issuedAt, "issuedAt");
        sections = List.copyOf(sections);
    }

    public String fileName() {
        return kind.fileName(reference);
    }
}
