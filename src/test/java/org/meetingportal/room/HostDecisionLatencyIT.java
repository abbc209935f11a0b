package org.meetingportal.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.CallSocketClient;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.Latencies;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * A benchmark, not a timed test: from a host's admit, removal and end for all (the API call sent) to the
 * attendee's page hearing it on its socket, over many meetings on one node; prints the median and p99 and
 * keeps them in target/benchmarks/host-decisions-<run>.txt. The cluster's figures come from ClusterIT.
 */
class HostDecisionLatencyIT extends PortalIT {

    private static final int ROUNDS = 60;
    private static final Duration SIGNAL = Duration.ofSeconds(10);

    @Test
    void fromAHostsClickToTheAttendeesPage() {
        PortalClient admin = admin();
        String hostName = TestPortal.uniqueName("lhost");
        String annName = TestPortal.uniqueName("lann");
        PortalClient host = admin.createSignedInUser(hostName, "EMPLOYEE", "latency-host-phrase");
        PortalClient ann = admin.createSignedInUser(annName, "EMPLOYEE", "latency-ann-phrase");
        Latencies latencies = new Latencies();
        try (CallSocketClient annPage = CallSocketClient.open(base, ann)) {
            annPage.next("hello");
            for (int round = 0; round < ROUNDS; round++) {
                Instant start = Instant.now().minus(Duration.ofMinutes(1));
                HttpAnswer created = admin.post("api/meetings", Json.createObjectBuilder().add("title", "Latency " + round)
                        .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                        .add("timeZone", "UTC").add("hosts", Json.createArrayBuilder().add(hostName))
                        .add("attendees", Json.createArrayBuilder().add(annName)).add("waitingRoom", "ALL_BUT_HOSTS")
                        .build());
                assertEquals(201, created.status(), created::toString);
                String meeting = "api/meetings/" + created.json().getJsonNumber("id").longValue();
                assertEquals(409, ann.post(meeting + "/credentials", null).status());
                measure(latencies, "admit", annPage, "admitted", () -> host.post(meeting + "/lobby/" + annName + "/admit", null));
                measure(latencies, "remove", annPage, "removed",
                        () -> host.post(meeting + "/participants/" + annName + "/remove", null));
                measure(latencies, "end for all", annPage, "ended", () -> host.post(meeting + "/end", null));
            }
        }
        String figures = latencies.lines("host's %-12s to the attendee's page hearing it, one node: %d rounds,"
                + " median %.1f ms, p99 %.1f ms%n");
        System.out.print(figures);
        TestPortal.writeFigures("host-decisions", figures);
    }

    private static void measure(Latencies latencies, String what, CallSocketClient page, String event,
            Supplier<HttpAnswer> click) {
        long sent = System.nanoTime();
        HttpAnswer answer = click.get();
        assertEquals(200, answer.status(), answer::toString);
        page.nextRoomEvent(event, SIGNAL);
        latencies.add(what, sent);
    }
}
