package org.meetingportal.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meetingportal.platform.DomainException;

class AdminOnlyTest {

    /** A caller with the given roles, as the container's security context reports them. */
    private static AdminOnly forCaller(String name, String... roles) {
        AdminOnly check = new AdminOnly();
        check.security = new SecurityContext() {
            @Override
            public Principal getCallerPrincipal() {
                return () -> name;
            }

            @Override
            public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
                return Set.of();
            }

            @Override
            public boolean isCallerInRole(String role) {
                return Set.of(roles).contains(role);
            }

            @Override
            public boolean hasAccessToWebResource(String resource, String... methods) {
                return false;
            }

            @Override
            public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                    AuthenticationParameters parameters) {
                throw new UnsupportedOperationException();
            }
        };
        return check;
    }

    @Test
    void anAdminPasses() {
        assertDoesNotThrow(() -> forCaller("chief", Role.Names.ADMIN).require());
    }

    @Test
    void anyoneElseIsRefusedWithA403NeverAnError() {
        for (AdminOnly check : new AdminOnly[] {forCaller("eve", Role.Names.EMPLOYEE), forCaller(null)}) {
            DomainException refused = assertThrows(DomainException.class, check::require);
            assertEquals(DomainException.Kind.FORBIDDEN, refused.kind());
            assertEquals(403, refused.kind().status());
            assertEquals("error.forbidden", refused.messageKey());
        }
    }
}
