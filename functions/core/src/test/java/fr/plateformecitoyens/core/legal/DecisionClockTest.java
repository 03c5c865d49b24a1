package fr.plateformecitoyens.core.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.plateformecitoyens.core.procedure.LegalRegime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import org.junit.jupiter.api.Test;

class DecisionClockTest {

    private static final LegalRegime SVA_TWO_MONTHS = LegalRegime.silenceMeansAcceptance(2);
    private static final LegalRegime SVR_FOUR_MONTHS = LegalRegime.silenceMeansRejection(4, "décret 2016-625");

    @Test
    void implicitDecision_arisesOnTheSameDayTwoMonthsLater() {
        assertEquals(LocalDate.of(2027, 3, 15),
                DecisionClock.implicitDecisionDate(Instant.parse("2027-01-15T10:00:00Z"), SVA_TWO_MONTHS));
    }

    @Test
    void implicitDecision_fromTheLastDayOfDecember_endsOnTheLastDayOfFebruary() {
        assertEquals(LocalDate.of(2027, 2, 28),
                DecisionClock.implicitDecisionDate(Instant.parse("2026-12-31T09:00:00Z"), SVA_TWO_MONTHS));
        assertEquals(LocalDate.of(2028, 2, 29),
                DecisionClock.implicitDecisionDate(Instant.parse("2027-12-31T09:00:00Z"), SVA_TWO_MONTHS));
    }

    @Test
    void receipt_justBeforeMidnightInParis_countsAsThatParisDay_notTheUtcOne() {
        Instant lateEveningInParis = Instant.parse("2027-01-31T23:30:00Z");

        assertEquals(LocalDate.of(2027, 2, 1), DecisionClock.dayOf(lateEveningInParis));
        assertEquals(LocalDate.of(2027, 4, 1), DecisionClock.implicitDecisionDate(lateEveningInParis, SVA_TWO_MONTHS));
    }

    @Test
    void receipt_onASaturday_startsTheClockThatSaturday() {
        Instant saturday = Instant.parse("2027-03-06T14:00:00Z");

        assertEquals(LocalDate.of(2027, 5, 6), DecisionClock.implicitDecisionDate(saturday, SVA_TWO_MONTHS));
    }

    @Test
    void correction_underTheRestartRule_startsAFreshPeriodFromCompletion() {
        LocalDate original = LocalDate.of(2027, 3, 15);

        LocalDate next = DecisionClock.afterCorrection(SVA_TWO_MONTHS, original,
                Instant.parse("2027-02-01T09:00:00Z"), Instant.parse("2027-02-20T09:00:00Z"));

        assertEquals(LocalDate.of(2027, 4, 20), next);
    }

    @Test
    void correction_underTheSuspensionRule_resumesWithTheDaysThatWereLeft() {
        LocalDate original = LocalDate.of(2027, 5, 15);

        LocalDate next = DecisionClock.afterCorrection(SVR_FOUR_MONTHS, original,
                Instant.parse("2027-05-05T09:00:00Z"), Instant.parse("2027-06-01T09:00:00Z"));

        assertEquals(LocalDate.of(2027, 6, 11), next);
    }

    private static Transition move(String at, RequestStatus from, RequestStatus to) {
        return new Transition(Instant.parse(at), "someone", from, to, "");
    }

    private static final Transition FILED = new Transition(Instant.parse("2027-01-15T10:00:00Z"), "citizen", null,
            RequestStatus.SUBMITTED, "");

    @Test
    void replay_withoutCorrection_isThePeriodFromReceipt() {
        assertEquals(Optional.of(LocalDate.of(2027, 3, 15)),
                DecisionClock.replay(SVA_TWO_MONTHS, FILED.at(), List.of(FILED)));
    }

    @Test
    void replay_whileIncomplete_runsNoClock() {
        assertEquals(Optional.empty(), DecisionClock.replay(SVA_TWO_MONTHS, FILED.at(), List.of(FILED,
                move("2027-01-20T09:00:00Z", RequestStatus.SUBMITTED, RequestStatus.INCOMPLETE))));
    }

    @Test
    void replay_underTheRestartRule_countsFromTheLastCompletion_evenAfterTwoRounds() {
        List<Transition> history = List.of(FILED,
                move("2027-01-20T09:00:00Z", RequestStatus.SUBMITTED, RequestStatus.INCOMPLETE),
                move("2027-02-01T09:00:00Z", RequestStatus.INCOMPLETE, RequestStatus.SUBMITTED),
                move("2027-02-10T09:00:00Z", RequestStatus.SUBMITTED, RequestStatus.IN_PROGRESS),
                move("2027-02-12T09:00:00Z", RequestStatus.IN_PROGRESS, RequestStatus.INCOMPLETE),
                move("2027-03-03T09:00:00Z", RequestStatus.INCOMPLETE, RequestStatus.IN_PROGRESS));

        assertEquals(Optional.of(LocalDate.of(2027, 5, 3)), DecisionClock.replay(SVA_TWO_MONTHS, FILED.at(), history));
    }

    @Test
    void replay_underTheSuspensionRule_keepsOnlyTheDaysLeft_roundAfterRound() {
        // Four months from 15 January: 15 May. Stopped on 15 March, 61 days left; resumed on 1 April: 1 June.
        // Stopped again on 22 May, 10 days left; resumed on 1 July: 11 July.
        List<Transition> history = List.of(FILED,
                move("2027-03-15T09:00:00Z", RequestStatus.SUBMITTED, RequestStatus.INCOMPLETE),
                move("2027-04-01T09:00:00Z", RequestStatus.INCOMPLETE, RequestStatus.SUBMITTED),
                move("2027-05-22T09:00:00Z", RequestStatus.SUBMITTED, RequestStatus.INCOMPLETE),
                move("2027-07-01T09:00:00Z", RequestStatus.INCOMPLETE, RequestStatus.IN_PROGRESS));

        assertEquals(Optional.of(LocalDate.of(2027, 7, 11)),
                DecisionClock.replay(SVR_FOUR_MONTHS, FILED.at(), history));
    }

    @Test
    void correction_onTheLastDayOfAMonth_underTheRestartRule_endsOnTheLastDayOfTheShorterMonth() {
        List<Transition> history = List.of(FILED,
                move("2027-12-02T09:00:00Z", RequestStatus.SUBMITTED, RequestStatus.INCOMPLETE),
                move("2027-12-31T15:00:00Z", RequestStatus.INCOMPLETE, RequestStatus.SUBMITTED));

        assertEquals(Optional.of(LocalDate.of(2028, 2, 29)), DecisionClock.replay(SVA_TWO_MONTHS, FILED.at(), history));
    }

    @Test
    void requestFiledByPost_receivedOnASaturday_runsFromThatSaturday_andResumesFromACorrectionOnASaturday() {
        // A letter opened at the town hall on Saturday 6 March 2027 at 11:00 (Paris): the receipt date is that
        // Saturday, not the next working day; the clock is not moved to a working day at either end.
        Instant saturday = Instant.parse("2027-03-06T10:00:00Z");
        Transition filed = new Transition(saturday, "reception-agent", null, RequestStatus.SUBMITTED, "");
        assertEquals(Optional.of(LocalDate.of(2027, 5, 6)),
                DecisionClock.replay(SVA_TWO_MONTHS, saturday, List.of(filed)));

        List<Transition> corrected = List.of(filed,
                move("2027-03-10T09:00:00Z", RequestStatus.SUBMITTED, RequestStatus.INCOMPLETE),
                move("2027-03-20T10:00:00Z", RequestStatus.INCOMPLETE, RequestStatus.SUBMITTED));
        assertEquals(Optional.of(LocalDate.of(2027, 5, 20)),
                DecisionClock.replay(SVA_TWO_MONTHS, saturday, corrected));
    }

    @Test
    void incomplete_declaredAfterTheDateHadPassed_leavesNoDaysUnderSuspension() {
        List<Transition> history = List.of(FILED,
                move("2027-06-01T09:00:00Z", RequestStatus.SUBMITTED, RequestStatus.INCOMPLETE),
                move("2027-06-10T09:00:00Z", RequestStatus.INCOMPLETE, RequestStatus.SUBMITTED));

        assertEquals(Optional.of(LocalDate.of(2027, 6, 10)),
                DecisionClock.replay(SVR_FOUR_MONTHS, FILED.at(), history));
    }
}
