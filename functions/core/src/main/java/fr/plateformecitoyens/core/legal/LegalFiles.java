package fr.plateformecitoyens.core.legal;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.legal.LegalDocument.Kind;
import fr.plateformecitoyens.core.port.DocumentRenderer;
import fr.plateformecitoyens.core.port.DocumentStore;
import fr.plateformecitoyens.core.port.StoredDocument;
import fr.plateformecitoyens.core.request.CitizenRequest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The legal documents of a request as files: read from the document store, or rendered from the request and
 * stored when they are not there yet. Rendering is a pure function of what the request holds immutably, so a
 * file rendered by the notification function and one rendered on the spot by a download are the same bytes,
 * and two renderings at once write the same object.
 *
 * <p>The renderer is asked for only when a file must be rendered: a function that finds the file stored never
 * loads the PDF library.
 */
public final class LegalFiles {

    private final DocumentStore store;
    private final Supplier<DocumentRenderer> renderer;

    public LegalFiles(DocumentStore store, Supplier<DocumentRenderer> renderer) {
        this.store = store;
        this.renderer = renderer;
    }

    /** One file ready to send. */
    public record File(String fileName, String contentType, byte[] content) {

        public File {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /** The stored file of that kind, rendered and stored first if needed; not found when the request lacks it. */
    public File fetchOrRender(CitizenRequest request, Kind kind) {
        LegalDocument document = LegalDocuments.of(request, kind)
                .orElseThrow(() -> new DomainException.NotFound("Cette demande n'a pas (encore) ce document."));
        String key = kind.storageKey(request.tenantId(), request.reference());
        Optional<StoredDocument> stored = store.get(key);
        byte[] content;
        if (stored.isPresent()) {
            content = stored.get().content();
        } else {
            content = renderer.get().render(document);
            store.put(key, content, DocumentRenderer.CONTENT_TYPE);
        }
        return new File(document.fileName(), DocumentRenderer.CONTENT_TYPE, content);
    }
}
