package org.meetingportal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalCallFanoutTest {

    private static final class Page implements CallFanout.Receiver {
        final List<String> heard = new ArrayList<>();

        @Override
        public void send(String text) {
            heard.add(text);
        }

        @Override
        public void probe() {
        }
    }

    @Test
    void whoIsOnlineReachesTheCompanysPagesAndNoGuests() {
        LocalCallFanout fanout = new LocalCallFanout();
        Page colleague = new Page();
        Page guest = new Page();
        fanout.register("alice", "c1", colleague);
        fanout.register("guest_abcdefghij0123456789", "c2", guest);
        fanout.everyone("{\"type\":\"presence\",\"user\":\"bob\",\"presence\":\"online\"}");
        assertEquals(1, colleague.heard.size());
        assertEquals(List.of(), guest.heard, "a guest hears nothing of who is online");
        fanout.send("guest_abcdefghij0123456789", null, "{\"type\":\"room\"}");
        assertEquals(1, guest.heard.size(), "but hears what is sent to them");
    }
}
