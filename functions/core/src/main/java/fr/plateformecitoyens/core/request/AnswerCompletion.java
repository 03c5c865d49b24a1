package fr.plateformecitoyens.core.request;

import fr.plateformecitoyens.core.procedure.Procedure;
import java.util.Map;

/**
 * Turns the answers a form sent into what the request keeps, once the form's schema has accepted them: a
 * household member's id becomes the member's details, an upload becomes the document claimed under the
 * request's reference. Faults are thrown as {@link fr.plateformecitoyens.core.error.DomainException.InvalidInput}
 * listing every field.
 */
public interface AnswerCompletion {

    /** Keeps the answers as they are. */
    AnswerCompletion NONE = (procedure, data, applicant, reference) -> data;

    Map<String, Object> complete(Procedure procedure, Map<String, Object> data, Applicant applicant,
            String reference);
}
