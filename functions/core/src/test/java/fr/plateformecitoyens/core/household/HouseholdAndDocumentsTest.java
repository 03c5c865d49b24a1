package fr.plateformecitoyens.core.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.plateformecitoyens.core.document.Uploads;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.port.DocumentStore;
import fr.plateformecitoyens.core.port.StoredDocument;
import fr.plateformecitoyens.core.port.UploadGrant;
import fr.plateformecitoyens.core.procedure.LocalServicesCatalogue;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.request.Applicant;
import fr.plateformecitoyens.core.request.HouseholdAndDocuments;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HouseholdAndDocumentsTest {

    private static final Applicant CAMILLE = new Applicant("sub-camille", "Camille", "Martin", "c@example.org");
    private static final HouseholdMember LEO = new HouseholdMember("m-00000000000a", "Léo", "Martin",
            LocalDate.of(2023, 4, 2), Relationship.CHILD);
    private static final HouseholdMember SACHA = new HouseholdMember("m-00000000000b", "Sacha", "Martin",
            LocalDate.of(1988, 1, 9), Relationship.SPOUSE);
    private static final Procedure CANTEEN = LocalServicesCatalogue.canteen("t", "scolaire");

    private final Map<String, Household> households = new HashMap<>(Map.of(CAMILLE.id(),
            new Household(CAMILLE.id(), List.of(LEO, SACHA), 1)));
    private final Map<String, byte[]> files = new HashMap<>();
    private final HouseholdAndDocuments completion = new HouseholdAndDocuments(new MemoryHouseholds(),
            new Uploads(new MemoryDocuments()), sub -> "c-" + sub);

    @Test
    void aChildOfTheCallersHousehold_isCopiedIntoTheAnswers() {
        Map<String, Object> done = completion.complete(CANTEEN, Map.of("enfant", LEO.id(), "ecole", "Jules Ferry"),
                CAMILLE, "2027-AAAA-BBBB");

        assertEquals(LEO.asAnswer(), done.get("enfant"));
        assertEquals("Jules Ferry", done.get("ecole"));
    }

    @Test
    void anAdult_whereTheFieldAsksForAChild_orSomeoneElsesMember_isRefused() {
        DomainException.InvalidInput adult = assertThrows(DomainException.InvalidInput.class,
                () -> completion.complete(CANTEEN, Map.of("enfant", SACHA.id()), CAMILLE, "r"));
        DomainException.InvalidInput stranger = assertThrows(DomainException.InvalidInput.class,
                () -> completion.complete(CANTEEN, Map.of("enfant", LEO.id()),
                        new Applicant("sub-other", "A", "B", null), "r"));

        assertEquals("Choisissez un enfant de votre foyer.", adult.errors().get(0).message());
        assertEquals("enfant", stranger.errors().get(0).field());
    }

    @Test
    void aDocument_isClaimedUnderTheRequest_andOneWhoseContentIsNotAllowed_isRefused() {
        files.put("uploads/files/c-sub-camille/AAAAAAAAAAAAAAAAAAAAAA",
                "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII));
        files.put("uploads/files/c-sub-camille/BBBBBBBBBBBBBBBBBBBBBB", "<html>".getBytes(StandardCharsets.UTF_8));

        Map<String, Object> done = completion.complete(CANTEEN, Map.of("enfant", LEO.id(), "allergie", true,
                "pai", Map.of("uploadId", "AAAAAAAAAAAAAAAAAAAAAA", "fileName", "pai.pdf")), CAMILLE, "2027-R");
        DomainException.InvalidInput refused = assertThrows(DomainException.InvalidInput.class,
                () -> completion.complete(CANTEEN, Map.of("enfant", LEO.id(), "allergie", true,
                        "pai", Map.of("uploadId", "BBBBBBBBBBBBBBBBBBBBBB", "fileName", "pai.pdf")), CAMILLE,
                        "2027-S"));

        assertEquals("requests/2027-R/documents/pai", ((Map<?, ?>) done.get("pai")).get("key"));
        assertEquals("application/pdf", ((Map<?, ?>) done.get("pai")).get("contentType"));
        assertEquals("pai", refused.errors().get(0).field());
        assertEquals("Le contenu de ce fichier n'est pas un PDF.", refused.errors().get(0).message());
    }

    private final class MemoryHouseholds implements HouseholdStore {
        @Override
        public Optional<Household> find(String citizenId) {
            return Optional.ofNullable(households.get(citizenId));
        }

        @Override
        public boolean save(Household household, long expectedVersion) {
            households.put(household.citizenId(), household);
            return true;
        }
    }

    private final class MemoryDocuments implements DocumentStore {
        @Override
        public UploadGrant grantUpload(String key, String contentType, long contentLength, Duration validity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredDocument> get(String key) {
            return Optional.ofNullable(files.get(key))
                    .map(b -> new StoredDocument(key, new StoredDocument.Metadata("application/pdf", b.length), b));
        }

        @Override
        public Optional<StoredDocument.Metadata> head(String key) {
            return get(key).map(StoredDocument::metadata);
        }

        @Override
        public java.net.URI grantDownload(String key, String fileName, Duration validity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void put(String key, byte[] content, String contentType) {
            files.put(key, content);
        }

        @Override
        public void delete(String key) {
            files.remove(key);
        }
    }
}
