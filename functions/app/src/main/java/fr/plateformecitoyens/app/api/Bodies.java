package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import java.util.List;
import java.util.function.Function;

/** The fields the API's change bodies share, read and refused the same way by every route. */
final class Bodies {

    private Bodies() {
    }

    /** The status a change moves to, read from {@code to} by {@code parse}; 422 when it is not one. */
    static <T> T targetStatus(JsonNode body, Function<String, T> parse) {
        try {
            return parse.apply(body.path("to").asText());
        } catch (IllegalArgumentException e) {
            throw new DomainException.InvalidInput("Statut inconnu.",
                    List.of(new FieldError("to", "Choisissez un statut parmi ceux proposés.")));
        }
    }

    /** The optional {@code note} of a change, empty when absent or null; 422 when it is not a text. */
    static String note(JsonNode body) {
        JsonNode note = body.get("note");
        if (note == null || note.isNull()) {
            return "";
        }
        if (!note.isTextual()) {
            throw new DomainException.InvalidInput("Le message doit être un texte.",
                    List.of(new FieldError("note", "Le message doit être un texte.")));
        }
        return note.asText();
    }
}
