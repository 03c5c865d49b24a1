package fr.plateformecitoyens.core.request;

import fr.plateformecitoyens.core.document.DocumentRef;
import fr.plateformecitoyens.core.document.FileType;
import fr.plateformecitoyens.core.document.UploadPolicy;
import fr.plateformecitoyens.core.document.Uploads;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.household.Household;
import fr.plateformecitoyens.core.household.HouseholdMember;
import fr.plateformecitoyens.core.household.HouseholdStore;
import fr.plateformecitoyens.core.procedure.Field;
import fr.plateformecitoyens.core.procedure.FieldType;
import fr.plateformecitoyens.core.procedure.Procedure;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Completes household-member and supporting-document answers. A member must be one of the caller's own
 * (and a child where the field asks for a child); their details are copied into the answer. Each document is
 * claimed from the caller's uploads into {@code requests/<reference>/documents/<field>}, its type judged from
 * its content. Members are checked before any document is moved.
 */
public final class HouseholdAndDocuments implements AnswerCompletion {

    private final HouseholdStore households;
    private final Uploads uploads;
    private final Function<String, String> uploadOwner;

    /**
     * @param uploadOwner the owner of the caller's uploads, from the applicant's id (see {@code Uploads.grant})
     */
    public HouseholdAndDocuments(HouseholdStore households, Uploads uploads, Function<String, String> uploadOwner) {
        this.households = households;
        this.uploads = uploads;
        this.uploadOwner = uploadOwner;
    }

    @Override
    public Map<String, Object> complete(Procedure procedure, Map<String, Object> data, Applicant applicant,
            String reference) {
        Map<String, Object> completed = new LinkedHashMap<>(data);
        List<FieldError> errors = new ArrayList<>();
        Household household = null;
        for (Field field : procedure.fields()) {
            Object answer = data.get(field.name());
            if (field.type() != FieldType.HOUSEHOLD_MEMBER || !(answer instanceof String memberId)) {
                continue;
            }
            if (household == null) {
                household = households.find(applicant.id()).orElseGet(() -> Household.empty(applicant.id()));
            }
            Optional<HouseholdMember> member = household.member(memberId);
            if (member.isEmpty()) {
                errors.add(new FieldError(field.name(), "Choisissez une personne de votre foyer (« Mon foyer »)."));
            } else if (field.accept().contains("child") && !member.get().isChild()) {
                errors.add(new FieldError(field.name(), "Choisissez un enfant de votre foyer."));
            } else if (field.accept().contains("adult") && member.get().isChild()) {
                errors.add(new FieldError(field.name(), "Choisissez un adulte de votre foyer."));
            } else {
                completed.put(field.name(), member.get().asAnswer());
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput("Certaines réponses sont à corriger.", errors);
        }
        for (Field field : procedure.fields()) {
            if (field.type() == FieldType.DOCUMENT && data.get(field.name()) instanceof Map<?, ?> upload) {
                try {
                    DocumentRef ref = uploads.claim(uploadOwner.apply(applicant.id()),
                            String.valueOf(upload.get("uploadId")), String.valueOf(upload.get("fileName")),
                            policy(field), "requests/" + reference + "/documents/" + field.name(), field.name());
                    Map<String, Object> kept = new LinkedHashMap<>();
                    kept.put("fileName", ref.fileName());
                    kept.put("contentType", ref.contentType());
                    kept.put("size", ref.size());
                    kept.put("key", ref.key());
                    completed.put(field.name(), kept);
                } catch (DomainException.InvalidInput refused) {
                    errors.addAll(refused.errors());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput("Certaines pièces justificatives sont à corriger.", errors);
        }
        return completed;
    }

    /** The field's accepted types and size, or the platform's for documents. */
    public static UploadPolicy policy(Field field) {
        Set<FileType> types = EnumSet.noneOf(FileType.class);
        field.accept().forEach(t -> FileType.ofMimeType(t).ifPresent(types::add));
        if (types.isEmpty()) {
            types.addAll(UploadPolicy.DOCUMENTS.accepted());
        }
        return new UploadPolicy(types, field.effectiveMaxBytes());
    }
}
