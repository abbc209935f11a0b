package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StartupOrderTest {

    @Test
    void theSchemaComesFirstThenTheFirstAdminThenVideoThenCalls() {
        assertTrue(StartupOrder.SCHEMA < StartupOrder.FIRST_ADMIN);
        assertTrue(StartupOrder.FIRST_ADMIN < StartupOrder.VIDEO);
        assertTrue(StartupOrder.VIDEO < StartupOrder.CALLS, "the call hub ends old calls, which needs the schema");
    }
}
