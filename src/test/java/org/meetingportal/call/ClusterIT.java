package org.meetingportal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.CallSocketClient;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.Latencies;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.TestCluster;
import org.meetingportal.testing.TestPortal;
import org.meetingportal.testing.TestSmtp;

/**
 * Two WildFly nodes behind nginx on one PostgreSQL database ({@link TestCluster}): sessions that outlive the
 * node that served them, calls whose two parties are on different nodes, a node lost in the middle of a call,
 * and limits counted for the cluster rather than per node. Runs in the WildFly + PostgreSQL run.
 */
class ClusterIT {

    private static final Duration SIGNAL = Duration.ofSeconds(10);
    private static final Duration GRACE = Duration.ofSeconds(TestPortal.numericSetting("PORTAL_CALL_GRACE_SECONDS"));
    private static final Duration RING = Duration.ofSeconds(TestPortal.numericSetting("PORTAL_CALL_RING_SECONDS"));
    private static final int CALL_RATE = (int) TestPortal.numericSetting("PORTAL_CALL_RATE_PER_MINUTE");
    private static final Pattern ROUTE = Pattern.compile("\\.(node\\d)$");

    private static TestCluster cluster;

    private final List<CallSocketClient> sockets = new ArrayList<>();
    private String ann;
    private String bob;
    private PortalClient annClient;
    private PortalClient bobClient;

    @BeforeAll
    static void clusterUp() {
        cluster = TestCluster.get();
        TestPortal.adminChoseTheirPassword(url(cluster.balancer()));
    }

    @AfterAll
    static void clusterDown() {
        TestCluster.stopAll();
    }

    @BeforeEach
    void people() {
        ann = TestPortal.uniqueName("ann");
        bob = TestPortal.uniqueName("bob");
        annClient = admin().createSignedInUser(ann, "EMPLOYEE", "ann-cluster-phrase");
        bobClient = admin().createSignedInUser(bob, "EMPLOYEE", "bob-cluster-phrase");
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(s -> {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // already gone with its node
            }
        });
    }

    @Test
    void twoNodesStartedTogetherOnAnEmptyDatabaseMigrateOnceAndCreateOneAdmin() throws SQLException {
        assertEquals(200, new PortalClient(cluster.node(1)).get("api/health").status());
        assertEquals(200, new PortalClient(cluster.node(2)).get("api/health").status());
        try (Connection db = database(); Statement sql = db.createStatement()) {
            assertEquals(0, count(sql, "SELECT count(*) FROM (SELECT version FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL GROUP BY version HAVING count(*) > 1) AS twice"));
            assertEquals(1, count(sql, "SELECT count(*) FROM portal_user WHERE username = 'admin'"));
        }
        int created = 0;
        for (int node = 1; node <= 2; node++) {
            created += cluster.log(node).split("security_event=user_created by=\"portal\" user=\"admin\"", -1).length - 1;
        }
        assertEquals(1, created, "exactly one node created the first admin");
        assertTrue(Pattern.compile("members \\[node[12], node[12]\\]").matcher(cluster.log(1)).find(),
                "both nodes in one cluster, which found each other through the database");
    }

    @Test
    void aSessionOutlivesTheNodeThatServedItWithTheSameCsrfToken() throws Exception {
        PortalClient person = annClient;
        String token = person.csrfToken();
        int served = node(person);
        whileKilled(served, killed -> {
            HttpAnswer me = person.get("api/me");
            figure("session: kill -9 of its node to the next answer through the balancer", killed);
            assertEquals(200, me.status(), me::toString);
            assertEquals(ann, me.json().getString("username"));
            assertEquals(token, me.json().getString("csrfToken"), "the same CSRF token on the other node");
            assertEquals(3 - served, node(person), "served by the other node now");
            HttpAnswer change = person.put("api/me/preferences", Json.createObjectBuilder()
                    .add("timeZone", "Asia/Shanghai").build());
            assertTrue(change.status() < 300, change::toString);
        });
        HttpAnswer back = person.get("api/me");
        assertEquals(200, back.status(), "still signed in once the node is back: " + back);
    }

    /** A Faces form loaded from a node that then dies still submits through the survivor: its view is in the session. */
    @Test
    void aFacesFormOpenWhenItsNodeDiesStillSubmits() throws Exception {
        PortalClient person = annClient;
        assertEquals(200, person.page("account.xhtml").status());
        whileKilled(node(person), killed -> {
            HttpAnswer saved = person.submit("account.xhtml", "zone", "submit", Map.of("timeZone", "Asia/Tokyo"));
            assertEquals(302, saved.status(), saved::toString);
            String location = saved.header("Location").orElseThrow();
            assertTrue(!location.contains("expired"), "the view came with the session, not expired: " + location);
            assertEquals(200, person.follow(saved).status());
            assertEquals("Asia/Tokyo", person.get("api/me").json().getString("timeZone"));
        });
    }

    @Test
    void aCallRingsAcrossNodesAndEndsExactlyOnceWithPresenceTheSameEverywhere() {
        CallSocketClient annPage = page(annClient, 1);
        CallSocketClient bobPage = page(bobClient, 2);
        String eve = TestPortal.uniqueName("eve");
        CallSocketClient evePage = page(admin().createSignedInUser(eve, "EMPLOYEE", "eve-cluster-phrase"), 2);

        annPage.invite(bob, "audio");
        long call = id(annPage.next("calling", SIGNAL));
        assertEquals(call, id(bobPage.next("ringing", SIGNAL)), "rung on the other node");
        bobPage.act("accept", call);
        assertEquals("ACCEPTED", state(annPage.next("accepted", SIGNAL)));
        assertEquals("ACCEPTED", state(bobPage.next("accepted", SIGNAL)));
        assertEquals("in-call", presenceOf(evePage, ann), "a third person on node 2 sees ann (node 1) in a call");

        annPage.act("hangup", call);
        assertEquals("ENDED", state(annPage.next("ended", SIGNAL)));
        assertEquals("ENDED", state(bobPage.next("ended", SIGNAL)));
        assertEquals(List.of("ENDED"), history(bobClient, call));
        assertTrue(!bobPage.receives("ended", Duration.ofSeconds(2)), "ended once");
    }

    /**
     * With both nodes sweeping the outbox and looking for reminders, each person gets one invitation and one
     * reminder e-mail, and each of their pages, on either node, one reminder notice.
     */
    @Test
    void invitationsAndRemindersGoOutOncePerPersonWithTwoNodes() throws Exception {
        TestSmtp smtp = TestSmtp.forCluster();
        CallSocketClient annOnOne = page(annClient, 1);
        CallSocketClient annOnTwo = page(annClient, 2);
        CallSocketClient bobOnTwo = page(bobClient, 2);
        // Reminders come a minute ahead in this run: this one is due in about ten seconds.
        Instant start = Instant.now().plusSeconds(70);
        HttpAnswer created = annClient.post("api/meetings", Json.createObjectBuilder().add("title", "Both nodes " + ann)
                .add("startsAt", start.toString()).add("endsAt", start.plusSeconds(1800).toString()).add("timeZone", "UTC")
                .add("attendees", Json.createArrayBuilder().add(bob)).build());
        assertEquals(201, created.status(), created::toString);
        long meeting = created.json().getJsonNumber("id").longValue();
        for (CallSocketClient page : List.of(annOnOne, annOnTwo, bobOnTwo)) {
            assertEquals(meeting, page.next("reminder", Duration.ofSeconds(60)).getJsonNumber("meeting").longValue());
        }
        smtp.await(ann + "@example.com", 2, Duration.ofSeconds(30));
        smtp.await(bob + "@example.com", 2, Duration.ofSeconds(30));
        // Both nodes sweep every few seconds: long enough for a second one to have sent anything twice.
        Thread.sleep(12_000);
        for (CallSocketClient page : List.of(annOnOne, annOnTwo, bobOnTwo)) {
            assertTrue(!page.receives("reminder", Duration.ofMillis(200)), "one reminder notice per page");
        }
        for (String person : List.of(ann, bob)) {
            List<String> subjects = new ArrayList<>();
            for (var message : smtp.to(person + "@example.com")) {
                subjects.add(message.getSubject());
            }
            assertEquals(List.of("Invitation: Both nodes " + ann, "Reminder: Both nodes " + ann),
                    subjects.stream().map(s -> s.startsWith("Reminder:") ? s.substring(0, s.indexOf(',')) : s).toList(),
                    "one invitation and one reminder for " + person);
        }
    }

    /** Invite to ring with the two pages on different nodes, to set beside CallsScaleIT's one node. */
    @Test
    void ringLatencyAcrossNodes() {
        CallSocketClient annPage = page(annClient, 1);
        CallSocketClient bobPage = page(bobClient, 2);
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long start = System.nanoTime();
            annPage.invite(bob, "audio");
            long call = id(bobPage.next("ringing", SIGNAL));
            micros.add((System.nanoTime() - start) / 1000);
            bobPage.act("reject", call);
            annPage.next("ended", SIGNAL);
        }
        // The first two warm up what the nodes had not run yet.
        List<Long> measured = new ArrayList<>(micros.subList(2, micros.size()));
        measured.sort(null);
        String line = String.format("ring across nodes: invite on node 1 to ring on node 2, median %.2f ms, max %.2f ms"
                + " (10 calls after 2 to warm up)%n", measured.get(measured.size() / 2) / 1000.0,
                measured.get(measured.size() - 1) / 1000.0);
        record(line);
    }

    /** Reject, cancel and a ring nobody answers, each with the parties on different nodes, each recorded once. */
    @Test
    void rejectCancelAndMissedAcrossNodesAreRecordedOnce() {
        CallSocketClient annPage = page(annClient, 1);
        CallSocketClient bobPage = page(bobClient, 2);

        annPage.invite(bob, "audio");
        long rejected = id(bobPage.next("ringing", SIGNAL));
        bobPage.act("reject", rejected);
        assertEquals("REJECTED", state(about(annPage, "ended", rejected, SIGNAL)));

        annPage.invite(bob, "audio");
        long cancelled = id(bobPage.next("ringing", SIGNAL));
        annPage.act("cancel", cancelled);
        assertEquals("CANCELLED", state(about(bobPage, "ended", cancelled, SIGNAL)), "the callee on node 2 stops ringing");

        annPage.invite(bob, "video");
        long missed = id(bobPage.next("ringing", SIGNAL));
        assertEquals("MISSED", state(about(bobPage, "missed", missed, RING.plus(SIGNAL))));
        assertEquals("MISSED", state(about(annPage, "ended", missed, SIGNAL)));
        assertTrue(!bobPage.receives("missed", Duration.ofSeconds(2)), "missed once, whichever node settled it");

        assertEquals(List.of("REJECTED"), history(bobClient, rejected));
        assertEquals(List.of("CANCELLED"), history(bobClient, cancelled));
        assertEquals(List.of("MISSED"), history(bobClient, missed));
    }

    /** A person's calls per minute are counted for the cluster: placing them through both nodes gains nothing. */
    @Test
    void theCallRateCountsForTheWholeCluster() {
        String eve = TestPortal.uniqueName("eve");
        PortalClient eveClient = admin().createSignedInUser(eve, "EMPLOYEE", "eve-cluster-phrase");
        List<CallSocketClient> evePages = List.of(page(eveClient, 1), page(eveClient, 2));
        // bob has no page open: each call is missed at once, and counts. Both of eve's pages hear of each.
        long last = 0;
        for (int i = 0; i < CALL_RATE; i++) {
            CallSocketClient through = evePages.get(i % 2);
            through.invite(bob, "audio");
            JsonObject ended = after(through, "ended", last);
            assertEquals("MISSED", state(ended), "call " + i);
            last = id(ended);
        }
        for (CallSocketClient through : evePages) {
            through.invite(bob, "audio");
            assertEquals("too-many", through.next("error", SIGNAL).getString("code"), "refused on either node");
        }
    }

    /** The next message of this type about the given call, skipping those about other calls. */
    private static JsonObject about(CallSocketClient page, String type, long call, Duration within) {
        while (true) {
            JsonObject message = page.next(type, within);
            if (id(message) == call) {
                return message;
            }
        }
    }

    /** The next message of this type about a call newer than {@code call} (ids only grow). */
    private static JsonObject after(CallSocketClient page, String type, long call) {
        while (true) {
            JsonObject message = page.next(type, SIGNAL);
            if (id(message) > call) {
                return message;
            }
        }
    }

    @Test
    void busyHoldsAcrossNodes() {
        AcrossNodes running = annCallsBob(true);
        CallSocketClient annPage = running.annPage();
        long call = running.call();
        String carl = TestPortal.uniqueName("carl");
        CallSocketClient carlPage = page(admin().createSignedInUser(carl, "EMPLOYEE", "carl-cluster-phrase"), 2);

        carlPage.invite(ann, "video");
        JsonObject ended = carlPage.next("ended", SIGNAL);
        assertEquals("BUSY", state(ended), "ann is in a call on node 1; carl rang through node 2");
        assertTrue(!annPage.receives("ringing", Duration.ofSeconds(2)), "never rung");
        annPage.act("hangup", call);
        annPage.next("ended", SIGNAL);
    }

    @Test
    void limitsCountForTheWholeCluster() {
        AcrossNodes running = annCallsBob(true);
        CallSocketClient annPage = running.annPage();
        long call = running.call();

        // The same session, asking each node in turn: the limit is a person's, however many nodes they reach.
        List<PortalClient> viaNodes = List.of(direct(annClient, 1), direct(annClient, 2));
        int issued = 0;
        HttpAnswer answer;
        do {
            answer = viaNodes.get(issued % 2).post("api/calls/" + call + "/credentials", null);
            if (answer.status() == 200) {
                issued++;
            }
        } while (answer.status() == 200 && issued <= 100);
        assertEquals(429, answer.status(), answer::toString);
        assertEquals(30, issued, "PORTAL_CREDENTIAL_RATE_PER_MINUTE for the cluster, not per node");
        annPage.act("hangup", call);
    }

    @Test
    void aCallRingingWhenTheCalleesNodeDiesIsAnsweredThroughTheOtherExactlyOnce() throws Exception {
        AcrossNodes ringing = annCallsBob(false);
        CallSocketClient annPage = ringing.annPage();
        long call = ringing.call();

        whileKilled(2, killed -> {
            // The page's script reconnects through the balancer, which now has only node 1.
            CallSocketClient again = open(bobClient, cluster.balancer());
            assertEquals(call, id(again.next("ringing", SIGNAL)), "still ringing, on the survivor");
            figure("ringing call: kill -9 of the callee's node to ringing again on the survivor", killed);
            again.act("accept", call);
            assertEquals("ACCEPTED", state(annPage.next("accepted", SIGNAL)));
            annPage.act("hangup", call);
            assertEquals("ENDED", state(again.next("ended", SIGNAL)));
            assertEquals(List.of("ENDED"), history(annClient, call));
        });
    }

    @Test
    void aCallInProgressWhenANodeDiesGoesOnOnceThePageIsBackThroughTheSurvivor() throws Exception {
        AcrossNodes running = annCallsBob(true);
        CallSocketClient annPage = running.annPage();
        long call = running.call();

        whileKilled(2, killed -> {
            CallSocketClient again = open(bobClient, cluster.balancer());
            assertEquals("ACCEPTED", state(again.next("accepted", SIGNAL)), "the call is given back to the page");
            figure("running call: kill -9 of a party's node to the call back on the survivor", killed);
            // Longer than the silence after which node 2 is cleaned up, plus the grace period: still running.
            Thread.sleep(SharedCallBoard.NODE_SILENCE.plus(GRACE).plusSeconds(3).toMillis());
            assertEquals(200, direct(bobClient, 1).post("api/calls/" + call + "/credentials", null).status());
            assertTrue(!annPage.receives("ended", Duration.ofMillis(100)), "nobody was told it ended");
            annPage.act("hangup", call);
            assertEquals("ENDED", state(again.next("ended", SIGNAL)));
            assertEquals(List.of("ENDED"), history(annClient, call));
        });
    }

    @Test
    void aCallWhosePageNeverComesBackEndsOnceAfterTheGracePeriod() throws Exception {
        AcrossNodes running = annCallsBob(true);
        CallSocketClient annPage = running.annPage();
        long call = running.call();

        whileKilled(2, killed -> {
            JsonObject ended = annPage.next("ended", SharedCallBoard.NODE_SILENCE.plus(GRACE).plus(SIGNAL));
            figure("running call, page never back: kill -9 to \"ended\" (node silence " + SharedCallBoard.NODE_SILENCE
                    .toSeconds() + " s + grace " + GRACE.toSeconds() + " s)", killed);
            assertEquals("ENDED", state(ended));
            assertTrue(!annPage.receives("ended", Duration.ofSeconds(3)), "ended once");
            assertEquals(List.of("ENDED"), history(annClient, call));
        });
    }

    @Test
    void aRollingRestartOfBothNodesUnderLoadAnswersEveryRequest() throws InterruptedException {
        List<PortalClient> people = List.of(annClient, bobClient,
                admin().createSignedInUser(TestPortal.uniqueName("cy"), "EMPLOYEE", "cy-cluster-phrase"),
                admin().createSignedInUser(TestPortal.uniqueName("di"), "EMPLOYEE", "di-cluster-phrase"));
        AtomicBoolean going = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        List<Thread> load = new ArrayList<>();
        for (PortalClient person : people) {
            Thread thread = new Thread(() -> {
                while (going.get()) {
                    try {
                        HttpAnswer me = person.get("api/me");
                        HttpAnswer change = person.put("api/me/preferences", Json.createObjectBuilder()
                                .add("timeZone", "Europe/Berlin").build());
                        if (me.status() != 200 || change.status() >= 300) {
                            errors.add(me.status() + " / " + change);
                        }
                        answered.addAndGet(2);
                    } catch (RuntimeException e) {
                        errors.add(e.toString());
                    }
                }
            });
            thread.start();
            load.add(thread);
        }
        long started = System.nanoTime();
        for (int node = 1; node <= 2; node++) {
            cluster.stop(node);
            cluster.start(node);
        }
        going.set(false);
        for (Thread thread : load) {
            thread.join();
        }
        figure("rolling restart of both nodes under load: " + answered.get() + " requests answered, "
                + errors.size() + " errors, in", started);
        assertEquals(List.of(), List.copyOf(errors));
        assertTrue(answered.get() > 100, "load all along: " + answered.get());
    }

    /** A host's page on one node, an attendee's on the other: the waiting room and the end reach across. */
    @Test
    void aHostOnOneNodeLetsInRemovesAndEndsTheMeetingForPeopleOnTheOther() throws Exception {
        String carol = TestPortal.uniqueName("carol");
        PortalClient carolClient = admin().createSignedInUser(carol, "EMPLOYEE", "carol-cluster-phrase");
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        HttpAnswer created = admin().post("api/meetings", Json.createObjectBuilder().add("title", "Across " + ann)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                .add("timeZone", "UTC").add("hosts", Json.createArrayBuilder().add(ann))
                .add("attendees", Json.createArrayBuilder().add(bob).add(carol)).add("waitingRoom", "ALL_BUT_HOSTS")
                .build());
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        CallSocketClient hostPage = page(annClient, 1);
        CallSocketClient attendeePage = page(bobClient, 2);
        PortalClient hostOn1 = direct(annClient, 1);
        PortalClient attendeeOn2 = direct(bobClient, 2);

        assertEquals(409, attendeeOn2.post("api/meetings/" + id + "/credentials", null).status());
        assertEquals("waiting", hostPage.next("room", SIGNAL).getString("event"));
        long admitted = System.nanoTime();
        assertEquals(200, hostOn1.post("api/meetings/" + id + "/lobby/" + bob + "/admit", null).status());
        assertEquals("admitted", attendeePage.next("room", SIGNAL).getString("event"));
        figure("waiting room: a host's admit on node 1 to the waiting page on node 2 hearing it", admitted);
        assertEquals(200, attendeeOn2.post("api/meetings/" + id + "/credentials", null).status());

        long muted = System.nanoTime();
        assertEquals(200, hostOn1.post("api/meetings/" + id + "/participants/" + bob + "/mute",
                Json.createObjectBuilder().add("mayUnmute", false).build()).status());
        assertEquals("mute", attendeePage.next("room", SIGNAL).getString("event"));
        figure("mute: a host's held mute on node 1 to the attendee's page on node 2 hearing it", muted);
        hears(attendeePage, "privileges");
        HttpAnswer withoutAudio = attendeeOn2.post("api/meetings/" + id + "/credentials", null);
        assertEquals(255 & ~4, withoutAudio.json().getInt("privileges"), "node 2 issues what node 1 decided");

        CallSocketClient removedPage = page(carolClient, 2);
        long removed = System.nanoTime();
        assertEquals(200, hostOn1.post("api/meetings/" + id + "/participants/" + carol + "/remove", null).status());
        assertEquals("removed", removedPage.next("room", SIGNAL).getString("event"));
        figure("remove: a host's removal on node 1 to the removed person's page on node 2 hearing it", removed);
        assertEquals(403, direct(carolClient, 2).post("api/meetings/" + id + "/credentials", null).status());
        assertEquals(403, direct(carolClient, 1).post("api/meetings/" + id + "/credentials", null).status());
        assertEquals(200, direct(annClient, 2).post("api/meetings/" + id + "/participants/" + carol + "/remove", null)
                .status(), "again, elsewhere");

        long ended = System.nanoTime();
        assertEquals(200, hostOn1.post("api/meetings/" + id + "/end", null).status());
        hears(attendeePage, "ended");
        figure("end for all: a host's end on node 1 to an attendee's page on node 2 hearing it", ended);
        assertEquals(409, attendeeOn2.post("api/meetings/" + id + "/credentials", null).status());
        assertEquals(200, direct(annClient, 2).post("api/meetings/" + id + "/end", null).status(), "again, elsewhere");
        try (Connection db = database(); Statement sql = db.createStatement()) {
            assertEquals(1, count(sql, "SELECT count(*) FROM host_action WHERE meeting_id = " + id
                    + " AND action = 'END'"));
            assertEquals(1, count(sql, "SELECT count(*) FROM host_action WHERE meeting_id = " + id
                    + " AND action = 'ADMIT'"));
            assertEquals(1, count(sql, "SELECT count(*) FROM host_action WHERE meeting_id = " + id
                    + " AND action = 'REMOVE'"));
        }
    }

    @Test
    void hostDecisionsReachPagesOnTheOtherNodeQuickly() {
        int rounds = 30;
        Latencies latencies = new Latencies();
        CallSocketClient attendeePage = page(bobClient, 2);
        PortalClient hostOn1 = direct(annClient, 1);
        PortalClient attendeeOn2 = direct(bobClient, 2);
        for (int round = 0; round < rounds; round++) {
            Instant start = Instant.now().minus(Duration.ofMinutes(1));
            HttpAnswer created = admin().post("api/meetings", Json.createObjectBuilder().add("title", "Decisions " + round)
                    .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                    .add("timeZone", "UTC").add("hosts", Json.createArrayBuilder().add(ann))
                    .add("attendees", Json.createArrayBuilder().add(bob)).add("waitingRoom", "ALL_BUT_HOSTS").build());
            assertEquals(201, created.status(), created::toString);
            String meeting = "api/meetings/" + created.json().getJsonNumber("id").longValue();
            assertEquals(409, attendeeOn2.post(meeting + "/credentials", null).status());
            decision(latencies, "admit", attendeePage, "admitted", () -> hostOn1.post(meeting + "/lobby/" + bob + "/admit", null));
            decision(latencies, "remove", attendeePage, "removed",
                    () -> hostOn1.post(meeting + "/participants/" + bob + "/remove", null));
            decision(latencies, "end for all", attendeePage, "ended", () -> hostOn1.post(meeting + "/end", null));
        }
        record(latencies.lines("host's %-12s on node 1 to the attendee's page on node 2: %d rounds, median %.1f ms,"
                + " p99 %.1f ms%n"));
    }

    @Test
    void chatIsTheSameInOneOrderOnBothNodesAndReachesTheOtherQuickly() {
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        HttpAnswer created = admin().post("api/meetings", Json.createObjectBuilder().add("title", "Chat " + ann)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                .add("timeZone", "UTC").add("hosts", Json.createArrayBuilder().add(ann))
                .add("attendees", Json.createArrayBuilder().add(bob)).build());
        assertEquals(201, created.status(), created::toString);
        String meeting = "api/meetings/" + created.json().getJsonNumber("id").longValue();
        PortalClient hostOn1 = direct(annClient, 1);
        PortalClient attendeeOn2 = direct(bobClient, 2);
        assertEquals(200, hostOn1.post(meeting + "/credentials", null).status());
        assertEquals(200, attendeeOn2.post(meeting + "/credentials", null).status());
        CallSocketClient hostPage = page(annClient, 1);
        CallSocketClient attendeePage = page(bobClient, 2);
        Latencies latencies = new Latencies();
        int rounds = 30;
        for (int round = 0; round < rounds; round++) {
            boolean fromHost = round % 2 == 0;
            CallSocketClient other = fromHost ? attendeePage : hostPage;
            long sent = System.nanoTime();
            HttpAnswer said = (fromHost ? hostOn1 : attendeeOn2).post(meeting + "/chat",
                    Json.createObjectBuilder().add("text", "across " + round).build());
            assertEquals(201, said.status(), said::toString);
            // Each page hears every message, its own too: the other page's next one from the sender is this.
            JsonObject heard;
            do {
                heard = other.nextRoomEvent("chat", SIGNAL).getJsonObject("detail");
            } while (heard.getJsonNumber("id").longValue() < said.json().getJsonNumber("id").longValue());
            assertEquals(said.json(), heard);
            latencies.add(fromHost ? "node 1 to node 2" : "node 2 to node 1", sent);
            // Within the pace: ten a person in ten seconds.
            if (round == 15) {
                sleep(Duration.ofSeconds(10));
            }
        }
        List<String> onOne = texts(hostOn1.get(meeting + "/chat"));
        assertEquals(rounds, onOne.size());
        assertEquals(onOne, texts(attendeeOn2.get(meeting + "/chat")), "one order on both nodes");
        assertEquals("across 0", onOne.get(0));
        record(latencies.lines("chat: a message sent %s hearing it: %d messages, median %.1f ms, p99 %.1f ms%n"));
    }

    @Test
    void aGuestOnOneNodeIsLetInFromTheOtherTalksAndIsRemovedEverywhere() {
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        HttpAnswer created = admin().post("api/meetings", Json.createObjectBuilder().add("title", "Guest " + ann)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                .add("timeZone", "UTC").add("hosts", Json.createArrayBuilder().add(ann))
                .add("attendees", Json.createArrayBuilder()).add("waitingRoom", "NONE").build());
        assertEquals(201, created.status(), created::toString);
        String meeting = "api/meetings/" + created.json().getJsonNumber("id").longValue();
        PortalClient hostOn1 = direct(annClient, 1);
        assertEquals(200, hostOn1.post(meeting + "/credentials", null).status());
        HttpAnswer link = hostOn1.post(meeting + "/guest-link", null);
        assertEquals(201, link.status(), link::toString);
        String url = link.json().getString("url");

        PortalClient guest = new PortalClient(cluster.balancer());
        HttpAnswer entered = guest.post("api/guest-sessions", Json.createObjectBuilder()
                .add("token", url.substring(url.indexOf('#') + 1)).add("passcode", link.json().getString("passcode"))
                .add("displayName", "Guest Across").build());
        assertEquals(201, entered.status(), entered::toString);
        guest.setCsrfToken(entered.json().getString("csrfToken"));
        String guestId = entered.json().getString("userId");
        PortalClient guestOn2 = direct(guest, 2);
        CallSocketClient hostPage = page(annClient, 1);
        CallSocketClient guestPage = page(guest, 2);

        assertEquals(409, guestOn2.post(meeting + "/credentials", null).status(), "a guest waits");
        assertEquals("waiting", hostPage.next("room", SIGNAL).getString("event"));
        long admitted = System.nanoTime();
        assertEquals(200, hostOn1.post(meeting + "/lobby/" + guestId + "/admit", null).status());
        assertEquals("admitted", guestPage.next("room", SIGNAL).getString("event"));
        figure("guest: a host's admit on node 1 to the guest's page on node 2 hearing it", admitted);
        HttpAnswer credential = guestOn2.post(meeting + "/credentials", null);
        assertEquals(200, credential.status(), credential::toString);
        assertEquals(guestId, credential.json().getString("userId"));

        long sent = System.nanoTime();
        HttpAnswer said = guestOn2.post(meeting + "/chat", Json.createObjectBuilder().add("text", "hello").build());
        assertEquals(201, said.status(), said::toString);
        JsonObject heard = hostPage.nextRoomEvent("chat", SIGNAL).getJsonObject("detail");
        figure("guest: a guest's message on node 2 to the host's page on node 1 hearing it", sent);
        assertEquals(guestId, heard.getString("userId"));
        assertEquals("Guest Across", heard.getString("displayName"));

        assertEquals(200, hostOn1.post(meeting + "/participants/" + guestId + "/remove", null).status());
        // Past the guest's own message, which their page hears too.
        guestPage.nextRoomEvent("removed", SIGNAL);
        assertEquals(401, direct(guest, 1).get(meeting + "/chat").status(), "the guest's session ends on node 1");
        assertEquals(401, direct(guest, 2).get(meeting + "/chat").status(), "and on node 2");
    }

    private static List<String> texts(HttpAnswer chat) {
        assertEquals(200, chat.status(), chat::toString);
        return chat.json().getJsonArray("messages").stream().map(m -> m.asJsonObject().getString("text")).toList();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void hears(CallSocketClient page, String event) {
        page.nextRoomEvent(event, SIGNAL);
    }

    private static void decision(Latencies latencies, String what, CallSocketClient page, String event,
            Supplier<HttpAnswer> click) {
        long sent = System.nanoTime();
        HttpAnswer answer = click.get();
        assertEquals(200, answer.status(), answer::toString);
        page.nextRoomEvent(event, SIGNAL);
        latencies.add(what, sent);
    }

    private static final StringBuilder FIGURES = new StringBuilder();

    /** A failover time, printed and kept in target/benchmarks/cluster-<run>.txt. */
    private static void figure(String what, long sinceNanos) {
        record(String.format("%-100s %8d ms%n", what, (System.nanoTime() - sinceNanos) / 1_000_000));
    }

    private static synchronized void record(String line) {
        System.out.print(line);
        FIGURES.append(line);
        TestPortal.writeFigures("cluster", FIGURES.toString());
    }

    private interface WhileKilled {
        void run(long killedNanos) throws Exception;
    }

    /** Kills a node as a crash would, then starts it again, whatever happened meanwhile. */
    private static void whileKilled(int node, WhileKilled test) throws Exception {
        cluster.kill(node);
        try {
            test.run(System.nanoTime());
        } finally {
            cluster.start(node);
        }
    }

    /** Ann's page on node 1 calls Bob's on node 2; Bob answers if {@code answered}. */
    private AcrossNodes annCallsBob(boolean answered) {
        CallSocketClient annPage = page(annClient, 1);
        CallSocketClient bobPage = page(bobClient, 2);
        annPage.invite(bob, "audio");
        long call = id(bobPage.next("ringing", SIGNAL));
        if (answered) {
            bobPage.act("accept", call);
            annPage.next("accepted", SIGNAL);
        }
        return new AcrossNodes(call, annPage, bobPage);
    }

    private record AcrossNodes(long call, CallSocketClient annPage, CallSocketClient bobPage) {
    }

    private PortalClient admin() {
        return PortalClient.signedIn(cluster.balancer(), "admin", TestPortal.adminPassword());
    }

    /** A page of this person whose socket is on the given node. */
    private CallSocketClient page(PortalClient person, int node) {
        return open(person, cluster.node(node));
    }

    private CallSocketClient open(PortalClient person, URI where) {
        CallSocketClient socket = CallSocketClient.open(url(where), person);
        socket.next("hello", SIGNAL);
        sockets.add(socket);
        return socket;
    }

    /** The same session and CSRF token, on one node directly rather than through the balancer. */
    private static PortalClient direct(PortalClient person, int node) {
        PortalClient client = new PortalClient(cluster.node(node));
        client.useSessionId(person.sessionId().orElseThrow());
        client.setCsrfToken(person.csrfToken());
        return client;
    }

    /** Which node holds the session now, from the route WildFly appends to its id. */
    private static int node(PortalClient person) {
        Matcher route = ROUTE.matcher(person.sessionId().orElseThrow());
        assertTrue(route.find(), "a session id with a node's route");
        return Integer.parseInt(route.group(1).substring(4));
    }

    private static String presenceOf(CallSocketClient page, String username) {
        JsonObject presence = page.next("presence", SIGNAL);
        while (!presence.getString("user").equals(username) || !presence.getString("presence").equals("in-call")) {
            presence = page.next("presence", SIGNAL);
        }
        return presence.getString("presence");
    }

    private static List<String> history(PortalClient person, long call) {
        return person.get("api/calls").jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getJsonNumber("id").longValue() == call).map(c -> c.getString("state")).toList();
    }

    private static long id(JsonObject message) {
        return message.getJsonObject("call").getJsonNumber("id").longValue();
    }

    private static String state(JsonObject message) {
        return message.getJsonObject("call").getString("state");
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(cluster.databaseUrl(), TestPortal.setting("PORTAL_DB_USER"),
                TestPortal.setting("PORTAL_DB_PASSWORD"));
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static URL url(URI uri) {
        try {
            return uri.toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
