package fr.plateformecitoyens.core.port;

import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.procedure.Procedure;
import java.util.List;
import java.util.Map;

/** Checks the answers to a démarche's form against its definition. */
public interface FormValidator {

    /** Every field at fault, with a French message; empty when the answers are valid. */
    List<FieldError> validate(Procedure procedure, Map<String, Object> data);
}
