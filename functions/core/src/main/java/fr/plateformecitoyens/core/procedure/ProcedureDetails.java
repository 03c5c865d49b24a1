package fr.plateformecitoyens.core.procedure;

import java.util.List;
import java.util.Optional;

/**
 * What a démarche tells besides its form: who it is for, the papers to have ready, its fee, and what data
 * protection law asks every form to state (RGPD art. 13: legal basis, retention, the DPO's contact).
 *
 * @param requiredDocuments the supporting documents to have ready, as the citizen reads them
 * @param retentionMonths   how long requests are kept once closed, before anonymisation
 * @param legalBasis        the text that founds the processing (law, decree, municipal deliberation)
 * @param dpoContact        how to reach the data protection officer (an e-mail or postal address)
 */
public record ProcedureDetails(List<Audience> audience, List<String> requiredDocuments, Optional<Fee> fee,
        int retentionMonths, String legalBasis, String dpoContact) {

    /** What the platform assumes when a démarche says nothing: citizens, no fee, kept five years. */
    public static final ProcedureDetails DEFAULT = new ProcedureDetails(List.of(Audience.CITIZENS), List.of(),
            Optional.empty(), 60, "", "");

    public ProcedureDetails {
        audience = List.copyOf(audience);
        requiredDocuments = List.copyOf(requiredDocuments);
        fee = fee == null ? Optional.empty() : fee;
        legalBasis = legalBasis == null ? "" : legalBasis;
        dpoContact = dpoContact == null ? "" : dpoContact;
    }

    public ProcedureDetails withLegalBasis(String basis, int months) {
        return new ProcedureDetails(audience, requiredDocuments, fee, months, basis, dpoContact);
    }

    public ProcedureDetails withDocuments(String... documents) {
        return new ProcedureDetails(audience, List.of(documents), fee, retentionMonths, legalBasis, dpoContact);
    }

    public ProcedureDetails withFee(Fee value) {
        return new ProcedureDetails(audience, requiredDocuments, Optional.of(value), retentionMonths, legalBasis,
                dpoContact);
    }
}
