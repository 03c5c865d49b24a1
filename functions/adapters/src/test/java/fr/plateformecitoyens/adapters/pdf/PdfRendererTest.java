package fr.plateformecitoyens.adapters.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.legal.Acknowledgement;
import fr.plateformecitoyens.core.legal.LegalDocument;
import fr.plateformecitoyens.core.legal.LegalDocuments;
import fr.plateformecitoyens.core.procedure.SilenceRule;
import fr.plateformecitoyens.core.request.Applicant;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import fr.plateformecitoyens.core.tenant.HandlingService;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    private static final HandlingService SERVICE = new HandlingService("beaumont", "etat-civil",
            "Service État civil", "1 place de la Mairie, 12345 Beaumont-des-Sources", "01 23 45 67 89",
            "etat-civil@beaumont.example");
    private static final Instant RECEIVED = Instant.parse("2027-01-15T23:30:00Z");

    static CitizenRequest request(SilenceRule rule, RequestStatus status, Optional<LocalDate> date) {
        Acknowledgement ack = new Acknowledgement(RECEIVED, SERVICE, rule, 2, date, "CRPA, article L231-1",
                List.of("mention"), RECEIVED);
        List<Transition> history = status == RequestStatus.SUBMITTED
                ? List.of(new Transition(RECEIVED, "citizen", null, RequestStatus.SUBMITTED, ""))
                : List.of(new Transition(RECEIVED, "citizen", null, RequestStatus.SUBMITTED, ""),
                        new Transition(Instant.parse("2027-03-16T01:30:00Z"), Transition.SYSTEM,
                                RequestStatus.SUBMITTED, status, ""));
        return new CitizenRequest("beaumont", "2027-K7Q4-M2XH", "acte", 1, "Demande d'acte d'état civil",
                "etat-civil", new Applicant("citizen", "Zoé", "Łukasiewicz-Œillet", "z@example.org"), Channel.WEB,
                Map.of(), status, RECEIVED, RECEIVED, ack, date, history, history.size(), "f");
    }

    @Test
    void acknowledgement_rendersEveryMentionOfR112_11_1_withFrenchAccents() throws IOException {
        CitizenRequest sva = request(SilenceRule.SVA, RequestStatus.SUBMITTED, Optional.of(LocalDate.of(2027, 3, 16)));

        String text = text(new PdfRenderer().render(LegalDocuments.acknowledgement(sva)));

        assertTrue(text.contains("Accusé de réception"), text);
        assertTrue(text.contains("reçue le 16 janvier 2027 à 00h30 (heure de Paris)"), text);
        assertTrue(text.contains("Service État civil"), text);
        assertTrue(text.contains("1 place de la Mairie, 12345 Beaumont-des-Sources"), text);
        assertTrue(text.contains("Téléphone : 01 23 45 67 89"), text);
        assertTrue(text.contains("le 16 mars 2027, votre demande sera réputée acceptée"), text);
        assertTrue(text.contains("L232-3"), text);
        assertTrue(text.contains("Référence : 2027-K7Q4-M2XH"), text);
        assertTrue(text.contains("Démarche : Demande d'acte d'état civil"), text);
        assertTrue(text.contains("Base légale"), text);
        assertTrue(text.contains("CRPA, article L231-1"), text);
        assertTrue(text.contains("Zoé Lukasiewicz-Œillet"), "ł has no WinAnsi form and loses its stroke: " + text);
    }

    @Test
    void acknowledgement_ofARejectionRegime_statesTheAppealRoutes_andWithoutADate_thatNoClockRuns()
            throws IOException {
        String dated = text(new PdfRenderer().render(LegalDocuments.acknowledgement(
                request(SilenceRule.SVR, RequestStatus.SUBMITTED, Optional.of(LocalDate.of(2027, 3, 16))))));
        String undated = text(new PdfRenderer().render(LegalDocuments.acknowledgement(
                request(SilenceRule.SVR, RequestStatus.SUBMITTED, Optional.empty()))));

        assertTrue(dated.contains("réputée rejetée"), dated);
        assertTrue(dated.contains("recours gracieux"), dated);
        assertTrue(dated.contains("tribunal administratif"), dated);
        assertTrue(dated.contains("deux mois"), dated);
        assertTrue(undated.contains("aucun délai ne court"), undated);
    }

    @Test
    void sameDocument_rendersToTheSameBytes() {
        LegalDocument document = LegalDocuments.acknowledgement(
                request(SilenceRule.SVA, RequestStatus.SUBMITTED, Optional.of(LocalDate.of(2027, 3, 16))));

        assertArrayEquals(new PdfRenderer().render(document), new PdfRenderer().render(document));
    }

    @Test
    void implicitAcceptance_attestsTheDecisionAndTheDayItArose() throws IOException {
        CitizenRequest decided = request(SilenceRule.SVA, RequestStatus.IMPLICITLY_ACCEPTED,
                Optional.of(LocalDate.of(2027, 3, 16)));

        String text = text(new PdfRenderer().render(
                LegalDocuments.of(decided, LegalDocument.Kind.IMPLICIT_ACCEPTANCE).orElseThrow()));

        assertTrue(text.contains("Attestation de décision implicite d'acceptation"), text);
        assertTrue(text.contains("née le 16 mars 2027"), text);
        assertTrue(text.contains("L232-3"), text);
        assertEquals(Optional.empty(), LegalDocuments.of(decided, LegalDocument.Kind.IMPLICIT_REJECTION));
    }

    @Test
    void longText_wrapsWithinTheMargins_andBreaksWordsWiderThanALine() {
        PdfRenderer renderer = new PdfRenderer();
        List<String> lines = renderer.wrap("x".repeat(400) + " fin", 480);

        assertTrue(lines.size() >= 3, lines.toString());
        assertTrue(lines.get(lines.size() - 1).endsWith("fin"));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s*\\R\\s*", " ");
        }
    }
}
