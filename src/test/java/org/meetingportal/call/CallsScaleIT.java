package org.meetingportal.call;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.CallSocketClient;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * Figures for the calls, printed and written to {@code target/benchmarks/calls-wildfly-h2.txt} (and per run); they assert nothing
 * about speed. The heap is read through WildFly's management model, so this class runs on WildFly only.
 */
class CallsScaleIT extends PortalIT {

    @ArquillianResource
    ManagementClient management;

    private static long id(JsonObject message) {
        return message.getJsonObject("call").getJsonNumber("id").longValue();
    }

    /** Invite-to-ring latency on localhost, and the heap an idle signalling connection holds. */
    @Test
    void ringLatencyAndIdleConnectionMemory() throws IOException {
        String ann = TestPortal.uniqueName("ann");
        String bob = TestPortal.uniqueName("bob");
        admin().createSignedInUser(ann, "EMPLOYEE", "ann-scale-phrase");
        PortalClient bobClient = admin().createSignedInUser(bob, "EMPLOYEE", "bob-scale-phrase");
        CallSocketClient annPage = CallSocketClient.open(base, PortalClient.signedIn(base, ann, "ann-scale-phrase"));
        CallSocketClient bobPage = CallSocketClient.open(base, bobClient);
        annPage.next("hello");
        bobPage.next("hello");
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long start = System.nanoTime();
            annPage.invite(bob, "audio");
            long call = id(bobPage.next("ringing"));
            micros.add((System.nanoTime() - start) / 1000);
            bobPage.act("reject", call);
            annPage.next("ended");
        }
        List<Long> measured = new ArrayList<>(micros.subList(2, micros.size()));
        Collections.sort(measured);

        int connections = 400;
        // A person keeps only so many sockets: the connections belong to as many people as that takes.
        List<PortalClient> people = new ArrayList<>();
        PortalClient admin = admin();
        for (int i = 0; i < connections / CallSockets.MAX_PER_PERSON; i++) {
            String name = TestPortal.uniqueName("idle");
            admin.createUser(name, "EMPLOYEE", "idle-scale-phrase");
            people.add(PortalClient.signedIn(base, name, "idle-scale-phrase"));
        }
        long before = heapAfterGc();
        List<CallSocketClient> idle = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            idle.add(CallSocketClient.open(base, people.get(i / CallSockets.MAX_PER_PERSON)));
        }
        idle.forEach(s -> s.next("hello"));
        long with = heapAfterGc();
        idle.forEach(CallSocketClient::close);
        long perConnection = Math.max(1, (with - before) / connections);
        String figures = String.format("calls: invite to ring on localhost median %.2f ms, max %.2f ms (10 calls after 2"
                + " warm-up); %d idle /ws/calls connections took %,d bytes of heap after GC, %,d bytes each, i.e."
                + " about %,d idle connections in 512 MB of heap%n", measured.get(measured.size() / 2) / 1000.0,
                measured.get(measured.size() - 1) / 1000.0, connections, with - before, perConnection,
                512L * 1024 * 1024 / perConnection);
        System.out.print(figures);
        TestPortal.writeFigures("calls", figures);
        assertTrue(with > 0 && before > 0);
        annPage.close();
        bobPage.close();
    }

    private long heapAfterGc() throws IOException {
        ModelNode memory = Operations.createAddress("core-service", "platform-mbean", "type", "memory");
        for (int i = 0; i < 2; i++) {
            management.getControllerClient().execute(Operations.createOperation("gc", memory));
        }
        ModelNode result = management.getControllerClient().execute(
                Operations.createReadAttributeOperation(memory, "heap-memory-usage"));
        assertTrue(Operations.isSuccessfulOutcome(result), result::toString);
        return Operations.readResult(result).get("used").asLong();
    }

}
