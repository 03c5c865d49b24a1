package fr.plateformecitoyens.local.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.plateformecitoyens.local.emulators.CodeDeliveryParser.CodeDelivery;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser against output captured from cognito-local 5.3.0 (colour codes already removed). */
class CodeDeliveryParserTest {

    private static final List<String> SIGN_UP_OUTPUT = List.of(
            "[1796323372445] INFO: NONE NONE Cognito Local running on http://127.0.0.1:19229",
            "[1796323372445] INFO: 14f665b9 SignUp ╭───────────────────────────────────────────────────────╮",
            "│                                                       │",
            "│   Confirmation Code Delivery                          │",
            "│                                                       │",
            "│   Username:    d1f27df0-2c9c-4b1e-a147-b80a69c95a87   │",
            "│   Destination: jean@example.org                       │",
            "│   Code:        371010                                 │",
            "│                                                       │",
            "╰───────────────────────────────────────────────────────╯ {\"reqId\":\"14f665b9\",\"target\":\"SignUp\"}");

    @Test
    void boxedDelivery_yieldsDestinationAndCode_onceTheBoxCloses() {
        CodeDeliveryParser parser = new CodeDeliveryParser();
        List<CodeDelivery> deliveries = new ArrayList<>();
        SIGN_UP_OUTPUT.forEach(line -> parser.accept(line).ifPresent(deliveries::add));

        assertEquals(List.of(new CodeDelivery("d1f27df0-2c9c-4b1e-a147-b80a69c95a87", "jean@example.org", "371010")),
                deliveries);
    }

    @Test
    void customMessageLines_doNotOverrideTheCode_andSmsDeliveriesAreNotEmails() {
        CodeDeliveryParser parser = new CodeDeliveryParser();
        List<CodeDelivery> deliveries = new ArrayList<>();
        List.of("INFO: x ForgotPassword ╭──╮", "│ Confirmation Code Delivery │", "│ Username: u │",
                "│ Destination: +33612345678 │", "│ Code: 123456 │", "│ SMS Message: Code: 999999 │", "╰──╯")
                .forEach(line -> parser.accept(line).ifPresent(deliveries::add));

        assertEquals(1, deliveries.size());
        assertEquals("123456", deliveries.get(0).code());
        assertEquals(false, deliveries.get(0).isEmail());
    }

    @Test
    void linesOutsideABox_areIgnored() {
        CodeDeliveryParser parser = new CodeDeliveryParser();
        assertEquals(List.of(), List.of("Code: 1", "Destination: a@b", "╰──╯").stream()
                .flatMap(line -> parser.accept(line).stream()).toList());
    }
}
