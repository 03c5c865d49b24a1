package fr.plateformecitoyens.app.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.core.error.DomainException;

/**
 * The one mapping from failures to HTTP statuses and RFC 9457 problem bodies
 * ({@code application/problem+json}). The {@code type} URIs name the kind of problem; {@code detail}
 * is a French sentence for the person.
 *
 * <pre>
 * DomainException.BadRequest, malformed JSON  400    DomainException.Conflict            409
 * DomainException.Forbidden                   403    DomainException.PreconditionFailed  412
 * DomainException.Unavailable (+ alternatives) 409
 * DomainException.NotFound, unknown route     404    body over the limit                 413
 * DomainException.PreconditionRequired        428
 * DomainException.InvalidInput                422    wrong media type                    415
 * anything else                               500 (logged, nothing of it revealed)
 * </pre>
 */
public final class Problems {

    private static final String BASE = "https://plateforme-citoyens.fr/problemes/";

    private Problems() {
    }

    public static ApiResponse of(DomainException e, String instance) {
        int status;
        String type;
        if (e instanceof DomainException.NotFound) {
            status = 404;
            type = "introuvable";
        } else if (e instanceof DomainException.Forbidden) {
            status = 403;
            type = "acces-refuse";
        } else if (e instanceof DomainException.Conflict) {
            status = 409;
            type = "conflit";
        } else if (e instanceof DomainException.Unavailable) {
            status = 409;
            type = "plus-de-place";
        } else if (e instanceof DomainException.PreconditionFailed) {
            status = 412;
            type = "version-perimee";
        } else if (e instanceof DomainException.PreconditionRequired) {
            status = 428;
            type = "version-requise";
        } else if (e instanceof DomainException.InvalidInput) {
            status = 422;
            type = "donnees-invalides";
        } else {
            status = 400;
            type = "requete-invalide";
        }
        ObjectNode body = body(status, type, e.title(), e.detail(), instance);
        if (e instanceof DomainException.Unavailable unavailable) {
            body.set("alternatives", fr.plateformecitoyens.app.api.BookingViews.slots(unavailable.alternatives()));
        }
        if (e instanceof DomainException.InvalidInput invalid) {
            ArrayNode errors = body.putArray("errors");
            invalid.errors().forEach(f -> errors.addObject().put("field", f.field()).put("message", f.message()));
        }
        return respond(status, body);
    }

    public static ApiResponse malformedJson(String instance) {
        return respond(400, body(400, "json-invalide", "Requête invalide",
                "Le corps de la requête n'est pas un document JSON valide.", instance));
    }

    public static ApiResponse unsupportedMediaType(String instance) {
        return respond(415, body(415, "type-de-contenu", "Type de contenu non pris en charge",
                "Envoyez le corps de la requête en JSON (Content-Type: application/json).", instance));
    }

    public static ApiResponse payloadTooLarge(int limit, String instance) {
        return respond(413, body(413, "trop-volumineux", "Requête trop volumineuse",
                "Le corps de la requête dépasse " + (limit / 1024) + " Kio.", instance));
    }

    public static ApiResponse notFound(String instance) {
        return respond(404, body(404, "introuvable", "Introuvable", "Cette adresse ne correspond à aucune "
                + "ressource.", instance));
    }

    public static ApiResponse internal(String instance) {
        return respond(500, body(500, "erreur-interne", "Erreur interne", "Une erreur inattendue s'est produite. "
                + "Réessayez dans quelques instants ; si elle persiste, contactez votre mairie.", instance));
    }

    private static ObjectNode body(int status, String type, String title, String detail, String instance) {
        return Json.object().put("type", BASE + type).put("title", title).put("status", status)
                .put("detail", detail).put("instance", instance);
    }

    private static ApiResponse respond(int status, ObjectNode body) {
        return ApiResponse.json(status, body).withHeader("content-type", "application/problem+json; charset=utf-8");
    }
}
