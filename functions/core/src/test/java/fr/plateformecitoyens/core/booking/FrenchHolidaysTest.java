package fr.plateformecitoyens.core.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FrenchHolidaysTest {

    @ParameterizedTest(name = "{0}: Easter {1}, Ascension {2}, Whit Monday {3}")
    @CsvSource({
        "2024, 2024-03-31, 2024-05-09, 2024-05-20",
        "2025, 2025-04-20, 2025-05-29, 2025-06-09",
        "2026, 2026-04-05, 2026-05-14, 2026-05-25",
        "2027, 2027-03-28, 2027-05-06, 2027-05-17",
        "2028, 2028-04-16, 2028-05-25, 2028-06-05",
        "2029, 2029-04-01, 2029-05-10, 2029-05-21",
        "2030, 2030-04-21, 2030-05-30, 2030-06-10",
        "2038, 2038-04-25, 2038-06-03, 2038-06-14"
    })
    void movableHolidays_followEaster(int year, LocalDate easter, LocalDate ascension, LocalDate whitMonday) {
        assertEquals(easter, FrenchHolidays.easterSunday(year));
        assertTrue(FrenchHolidays.of(year).contains(easter.plusDays(1)), "Easter Monday");
        assertTrue(FrenchHolidays.of(year).contains(ascension));
        assertTrue(FrenchHolidays.of(year).contains(whitMonday));
        assertEquals(DayOfWeek.THURSDAY, ascension.getDayOfWeek());
    }

    @Test
    void everyYear_hasElevenHolidays_withTheFixedOnes() {
        for (int year = 2020; year <= 2040; year++) {
            assertEquals(11, FrenchHolidays.of(year).size(), "year " + year);
            assertTrue(FrenchHolidays.isHoliday(LocalDate.of(year, 7, 14)));
            assertTrue(FrenchHolidays.isHoliday(LocalDate.of(year, 11, 11)));
            assertFalse(FrenchHolidays.isHoliday(LocalDate.of(year, 12, 26)), "Alsace-Moselle only");
        }
    }
}
