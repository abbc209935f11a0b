package org.meetingportal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What arrives on the cluster's channel reaches this node's pages only when it is a signal of the known form. */
class SharedCallFanoutTest {

    private final SharedCallFanout fanout = new SharedCallFanout();
    private final List<String> annHeard = new ArrayList<>();
    private final List<String> bobHeard = new ArrayList<>();

    @BeforeEach
    void pages() {
        fanout.here = new LocalCallFanout();
        fanout.register("ann", "a1", page(annHeard));
        fanout.register("bob", "b1", page(bobHeard));
    }

    @Test
    void aSignalForOnePersonReachesTheirPagesAndOneForEveryoneReachesAll() {
        fanout.deliver("{\"format\":1,\"to\":\"ann\",\"text\":\"for ann\"}");
        fanout.deliver("{\"format\":1,\"to\":\"bob\",\"connection\":\"b2\",\"text\":\"another page of bob\"}");
        fanout.deliver("{\"format\":1,\"text\":\"for all\"}");
        assertEquals(List.of("for ann", "for all"), annHeard);
        assertEquals(List.of("for all"), bobHeard);
    }

    @Test
    void malformedOrForeignSignalsAreDroppedUnapplied() {
        for (String payload : List.of("", "not json", "[1,2]", "{\"to\":\"ann\",\"text\":\"no format\"}",
                "{\"format\":2,\"to\":\"ann\",\"text\":\"a later format\"}",
                "{\"format\":1,\"to\":\"ann\"}", "{\"format\":1,\"to\":7,\"text\":\"x\"}",
                "{\"format\":1,\"to\":\"ann\",\"connection\":[],\"text\":\"x\"}",
                "{\"format\":\"1\",\"to\":\"ann\",\"text\":\"x\"}")) {
            fanout.deliver(payload);
        }
        assertEquals(List.of(), annHeard);
        assertEquals(List.of(), bobHeard);
    }

    private static CallFanout.Receiver page(List<String> heard) {
        return new CallFanout.Receiver() {
            @Override
            public void send(String text) {
                heard.add(text);
            }

            @Override
            public void probe() {
            }
        };
    }
}
