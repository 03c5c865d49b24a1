package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.document.DocumentRef;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.legal.LegalDocument.Kind;
import fr.plateformecitoyens.core.legal.LegalDocuments;
import fr.plateformecitoyens.core.legal.LegalFiles;
import fr.plateformecitoyens.core.port.StoredDocument;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legal documents of a request over HTTP, for citizens and agents alike: the PDF itself, and the list of
 * what a request has, for the pages to link to.
 *
 * <p>The PDF is sent in the response (base64 through API Gateway) rather than as a redirect to a presigned
 * link: it weighs a few kilobytes, far below the 6 MB a Lambda response may carry; the page downloads it with
 * the caller's token in one round trip; and no link that works without a token, for as long as it is valid,
 * ends up in a browser history, a proxy log or a forwarded e-mail.
 */
final class LegalDocumentsHttp {

    private static final Pattern DECISION = Pattern.compile("decision-v(\\d{1,6})(\\.pdf)?");

    private LegalDocumentsHttp() {
    }

    /**
     * The document named {@code name} of the request, as a PDF: one the platform issues
     * ({@code implicit-acceptance-attestation.pdf}…), or the one an agent attached to the decision recorded as
     * version {@code n} ({@code decision-v<n>.pdf}).
     */
    static ApiResponse pdf(Services services, CitizenRequest request, String name) {
        Matcher attached = DECISION.matcher(name == null ? "" : name);
        if (attached.matches()) {
            DocumentRef ref = decisionDocument(request, Integer.parseInt(attached.group(1)))
                    .orElseThrow(LegalDocumentsHttp::notFound);
            StoredDocument stored = services.documents().get(ref.key()).orElseThrow(LegalDocumentsHttp::notFound);
            return pdf(new LegalFiles.File(ref.fileName(), ref.contentType(), stored.content()));
        }
        Kind kind = Kind.fromId(name).orElseThrow(LegalDocumentsHttp::notFound);
        return pdf(services.legalFiles().fetchOrRender(request, kind));
    }

    /** The document attached to the change that made version {@code version} (history index version - 1). */
    private static Optional<DocumentRef> decisionDocument(CitizenRequest request, int version) {
        if (version < 1 || version > request.history().size()) {
            return Optional.empty();
        }
        return request.history().get(version - 1).document();
    }

    private static DomainException notFound() {
        return new DomainException.NotFound("Ce document n'existe pas.");
    }

    static ApiResponse pdf(LegalFiles.File file) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", file.contentType());
        headers.put("content-disposition", "attachment; filename=\"" + file.fileName() + "\"");
        headers.put("cache-control", "private, no-store");
        headers.put("x-content-type-options", "nosniff");
        return new ApiResponse(200, headers, file.content(), true);
    }

    /**
     * Adds {@code documents} (each with its id, French title and path under {@code base}) and, while the request
     * is incomplete, {@code correction} (when the pieces were asked for and what the service said is missing).
     */
    static ObjectNode describe(ObjectNode view, CitizenRequest request, String base) {
        ArrayNode documents = view.putArray("documents");
        for (Kind kind : LegalDocuments.available(request)) {
            String path = kind == Kind.ACKNOWLEDGEMENT ? base + "/acknowledgement.pdf"
                    : base + "/documents/" + kind.id() + ".pdf";
            documents.addObject().put("id", kind.id()).put("title", kind.label()).put("href", path)
                    .put("fileName", kind.fileName(request.reference()));
        }
        for (int i = 0; i < request.history().size(); i++) {
            Transition t = request.history().get(i);
            if (t.document().isPresent()) {
                String id = "decision-v" + (i + 1);
                documents.addObject().put("id", id).put("title", "Décision : " + t.to().label())
                        .put("href", base + "/documents/" + id + ".pdf").put("fileName", t.document().get().fileName());
            }
        }
        if (request.status() == RequestStatus.INCOMPLETE) {
            Transition asked = request.lastTransitionTo(RequestStatus.INCOMPLETE).orElseThrow();
            view.putObject("correction").put("requestedAt", asked.at().toString()).put("missing", asked.note());
        } else {
            view.putNull("correction");
        }
        return view;
    }
}
