package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.legal.LegalDocument.Kind;
import fr.plateformecitoyens.core.legal.LegalDocuments;
import fr.plateformecitoyens.core.legal.LegalFiles;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import java.util.LinkedHashMap;
import java.util.Map;

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

    private LegalDocumentsHttp() {
    }

    /** The document named {@code name} ({@code implicit-acceptance-attestation.pdf}…) of the request, as a PDF. */
    static ApiResponse pdf(LegalFiles files, CitizenRequest request, String name) {
        Kind kind = Kind.fromId(name).orElseThrow(() -> new DomainException.NotFound("Ce document n'existe pas."));
        return pdf(files.fetchOrRender(request, kind));
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
        if (request.status() == RequestStatus.INCOMPLETE) {
            Transition asked = request.lastTransitionTo(RequestStatus.INCOMPLETE).orElseThrow();
            view.putObject("correction").put("requestedAt", asked.at().toString()).put("missing", asked.note());
        } else {
            view.putNull("correction");
        }
        return view;
    }
}
