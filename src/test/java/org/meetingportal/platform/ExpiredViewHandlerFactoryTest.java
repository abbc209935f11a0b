package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpiredViewHandlerFactoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"/index.xhtml", "/meeting-edit.xhtml"})
    void sendsBackToTheSamePage(String viewId) {
        assertEquals(viewId, ExpiredViewHandlerFactory.target(viewId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x.xhtml", "/\\evil.example/x.xhtml", "index.xhtml", ""})
    void neverToAnotherHost(String viewId) {
        assertEquals("/index.xhtml", ExpiredViewHandlerFactory.target(viewId));
    }

    @Test
    void noViewIdGoesHome() {
        assertEquals("/index.xhtml", ExpiredViewHandlerFactory.target(null));
    }
}
