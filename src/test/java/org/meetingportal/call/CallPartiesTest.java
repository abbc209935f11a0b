package org.meetingportal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CallPartiesTest {

    private final CallParties call = new CallParties("li-wei", "anna");

    @Test
    void bothPartiesAreInTheCallAndNobodyElse() {
        assertTrue(call.involves("li-wei"));
        assertTrue(call.involves("anna"));
        assertFalse(call.involves("Anna"), "usernames are compared exactly, as the records store them");
        assertFalse(call.involves("mallory"));
    }

    @Test
    void eachPartysOtherIsTheOtherOne() {
        assertEquals("anna", call.other("li-wei"));
        assertEquals("li-wei", call.other("anna"));
    }
}
