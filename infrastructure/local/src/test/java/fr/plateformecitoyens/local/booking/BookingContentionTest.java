package fr.plateformecitoyens.local.booking;

import static fr.plateformecitoyens.local.booking.BookingFixtures.COMMUNE;
import static fr.plateformecitoyens.local.booking.BookingFixtures.appointment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many citizens at once on the same place, through the local gateway: the ledger's conditional writes
 * alone must keep every slot within its capacity.
 */
@ExtendWith(LocalCloudExtension.class)
class BookingContentionTest {

    private static final int CLIENTS = 200;

    @Test
    void twoHundredCitizens_onTheLastPlaceOfASingleDeskSlot_exactlyOneGetsIt_othersAreOfferedNextSlots(Api api)
            throws Exception {
        String start = BookingFixtures.at(BookingFixtures.freshWorkingDay(), "09:00");

        Map<Integer, AtomicInteger> statuses = race(api, appointment("etat-civil-rdv", "pacs", start), CLIENTS);

        assertEquals(1, statuses.get(201).get(), statuses.toString());
        assertEquals(CLIENTS - 1, statuses.get(409).get(), statuses.toString());
    }

    @Test
    void twoHundredCitizens_onOneSlotOfAThreeDeskService_exactlyThreeGetIt(Api api) throws Exception {
        String start = BookingFixtures.at(BookingFixtures.freshWorkingDay(), "10:15");

        Map<Integer, AtomicInteger> statuses = race(api, appointment("passeports-cni", "depot-cni", start), CLIENTS);

        assertEquals(3, statuses.get(201).get(), statuses.toString());
        assertEquals(CLIENTS - 3, statuses.get(409).get(), statuses.toString());
        String day = start.substring(0, 10);
        var slots = api.get(COMMUNE + "/appointment-services/passeports-cni/slots?type=depot-cni&from=" + day + "&to="
                + day, null).json().path("items");
        for (var slot : slots) {
            if (slot.path("start").asText().equals(start)) {
                assertEquals(0, slot.path("remaining").asInt());
            }
        }
    }

    @Test
    void refusedClients_getAProblemBodyWithTheNextFreeSlots(Api api) {
        String start = BookingFixtures.at(BookingFixtures.freshWorkingDay(), "11:00");
        String body = appointment("etat-civil-rdv", "pacs", start);
        assertEquals(201, api.post(COMMUNE + "/appointments", BookingFixtures.citizen(api), body).status());

        Api.Reply refused = api.post(COMMUNE + "/appointments", BookingFixtures.citizen(api), body);

        assertEquals(409, refused.status());
        assertTrue(refused.header("content-type").startsWith("application/problem+json"));
        assertEquals(3, refused.json().path("alternatives").size(), refused.raw().body());
        refused.json().path("alternatives").forEach(a -> assertTrue(a.path("remaining").asInt() > 0));
    }

    @Test
    void cancellationsAndReschedulesInterleaved_neverExceedCapacity_andAFreedPlaceIsTakenOnce(Api api)
            throws Exception {
        LocalDate day = BookingFixtures.freshWorkingDay();
        String nine = BookingFixtures.at(day, "09:00");
        String ten = BookingFixtures.at(day, "10:00");
        List<String> holders = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String token = BookingFixtures.citizen(api);
            Api.Reply booked = api.post(COMMUNE + "/appointments", token, appointment("passeports-cni", "depot-cni",
                    nine));
            assertEquals(201, booked.status(), booked.raw().body());
            holders.add(token);
            ids.add(booked.json().path("id").asText());
        }

        CountDownLatch go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(32);
        List<CompletableFuture<Integer>> newcomers = new ArrayList<>();
        CompletableFuture<Integer> cancel = CompletableFuture.supplyAsync(() -> {
            await(go);
            return api.send(api.builder("/api/v1/me/appointments/" + ids.get(0), holders.get(0)).DELETE().build())
                    .status();
        }, pool);
        CompletableFuture<Integer> move = CompletableFuture.supplyAsync(() -> {
            await(go);
            return api.post("/api/v1/me/appointments/" + ids.get(1) + "/reschedule", holders.get(1),
                    "{\"start\":\"" + ten + "\"}").status();
        }, pool);
        for (int i = 0; i < 40; i++) {
            String token = BookingFixtures.citizen(api);
            newcomers.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return api.post(COMMUNE + "/appointments", token, appointment("passeports-cni", "depot-cni", nine))
                        .status();
            }, pool));
        }
        go.countDown();

        assertEquals(200, cancel.get());
        assertEquals(200, move.get());
        long won = newcomers.stream().map(CompletableFuture::join).filter(s -> s == 201).count();
        pool.shutdown();
        assertTrue(won <= 2, "two places were freed, " + won + " were taken");
        assertTrue(won >= 1, "a freed place can be taken again");
        long confirmedAtNine = 0;
        for (var booking : api.get(COMMUNE + "/agenda?kind=appointment&resource=passeports-cni&from=" + day,
                api.token(api.account("agent", "beaumont-des-sources"))).json().path("items")) {
            if (booking.path("start").asText().equals(nine) && booking.path("status").asText().equals("confirmed")) {
                confirmedAtNine++;
            }
        }
        assertTrue(confirmedAtNine <= 3, "at most three desks at nine: " + confirmedAtNine);
        var slot = api.get(COMMUNE + "/appointment-services/passeports-cni/slots?type=depot-cni&from=" + day + "&to="
                + day, null).json().path("items");
        for (var s : slot) {
            if (s.path("start").asText().equals(nine)) {
                assertEquals(3 - confirmedAtNine, s.path("remaining").asInt(), "the ledger agrees with the agenda");
            }
        }
    }

    private static Map<Integer, AtomicInteger> race(Api api, String body, int clients) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            tokens.add(BookingFixtures.citizen(api));
        }
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(32))
                .connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        statuses.put(201, new AtomicInteger());
        statuses.put(409, new AtomicInteger());
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (String token : tokens) {
            HttpRequest request = api.builder(COMMUNE + "/appointments", token).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(r ->
                    statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
        return statuses;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
