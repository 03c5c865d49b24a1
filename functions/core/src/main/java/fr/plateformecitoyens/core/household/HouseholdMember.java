package fr.plateformecitoyens.core.household;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A person of a citizen's household (« Mon foyer »): a child or another adult they make démarches for.
 *
 * @param id stable across edits of the household, so a form answer can name the member
 */
public record HouseholdMember(String id, String givenNames, String familyName, LocalDate birthDate,
        Relationship relationship) {

    public HouseholdMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(relationship, "relationship");
    }

    public boolean isChild() {
        return relationship == Relationship.CHILD;
    }

    /** What a request keeps of the member, so that it stays true when the household changes. */
    public Map<String, Object> asAnswer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("givenNames", givenNames);
        answer.put("familyName", familyName);
        answer.put("birthDate", birthDate.toString());
        answer.put("relationship", relationship.code());
        return answer;
    }
}
