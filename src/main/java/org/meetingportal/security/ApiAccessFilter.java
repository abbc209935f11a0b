package org.meetingportal.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.meetingportal.account.Account;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.ProblemResponses;
import org.meetingportal.platform.SecurityLog;

/**
 * Who may call what on the API, decided here for every resource method and on every server alike (RESTEasy
 * ignores {@code @RolesAllowed} on CDI resources unless told otherwise, Jersey needs a feature registered):
 * <ol>
 * <li>state-changing calls from another site are refused (Origin / Sec-Fetch-Site);</li>
 * <li>state-changing calls of a signed-in session must carry its {@code X-CSRF-Token};</li>
 * <li>{@code @PermitAll} calls are open; anything else needs a signed-in account (401), one that has no
 * password to change first (403), and one of the {@code @RolesAllowed} roles if named (403).</li>
 * </ol>
 * A resource method without any annotation needs a signed-in account, so forgetting one fails closed.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 100)
public class ApiAccessFilter implements ContainerRequestFilter {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext call) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Class<?> type = resource.getResourceClass();
        Locale locale = ProblemResponses.locale(headers);
        Optional<Account> account = CurrentUser.of(request);
        boolean changesState = !SAFE_METHODS.contains(call.getMethod());

        if (changesState && isCrossSite(call)) {
            refuse(call, 403, locale, "error.crossSite", account);
            return;
        }
        if (changesState && account.isPresent() && !csrfTokenMatches(call)) {
            refuse(call, 403, locale, "error.csrf", account);
            return;
        }
        if (annotation(method, type, DenyAll.class) != null) {
            refuse(call, 403, locale, "error.forbidden", account);
            return;
        }
        if (annotation(method, type, PermitAll.class) != null) {
            return;
        }
        if (account.isEmpty()) {
            call.abortWith(ProblemResponses.message(401, locale, "error.signInRequired"));
            return;
        }
        if (account.get().mustChangePassword() && annotation(method, type, AllowedBeforePasswordChange.class) == null) {
            refuse(call, 403, locale, "error.passwordChangeRequired", account);
            return;
        }
        RolesAllowed roles = annotation(method, type, RolesAllowed.class);
        if (roles != null && Arrays.stream(roles.value()).noneMatch(r -> r.equals(account.get().role().name()))) {
            refuse(call, 403, locale, "error.forbidden", account);
        }
    }

    private void refuse(ContainerRequestContext call, int status, Locale locale, String messageKey,
            Optional<Account> account) {
        SecurityLog.event("authz_fail", "user", account.map(Account::username).orElse(null),
                "address", CDI.current().select(ClientAddress.class).get().of(request),
                "call", call.getMethod() + " " + call.getUriInfo().getPath(), "reason", messageKey);
        call.abortWith(ProblemResponses.message(status, locale, messageKey));
    }

    /** Method annotations win over class annotations, as in Jakarta Annotations' own rules. */
    private static <A extends Annotation> A annotation(Method method, Class<?> type, Class<A> kind) {
        boolean methodDecides = method.isAnnotationPresent(PermitAll.class) || method.isAnnotationPresent(DenyAll.class)
                || method.isAnnotationPresent(RolesAllowed.class);
        A onMethod = method.getAnnotation(kind);
        if (onMethod != null || (methodDecides && kind != AllowedBeforePasswordChange.class)) {
            return onMethod;
        }
        return type.getAnnotation(kind);
    }

    private boolean csrfTokenMatches(ContainerRequestContext call) {
        String sent = call.getHeaderString(CSRF_HEADER);
        return sent != null && Sessions.signedIn(request)
                .map(user -> MessageDigest.isEqual(user.csrfToken().getBytes(StandardCharsets.UTF_8),
                        sent.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    /** A browser says where a request comes from; anything but this origin is another site's doing. */
    private static boolean isCrossSite(ContainerRequestContext call) {
        return CrossSite.isCrossSite(call.getHeaderString("Sec-Fetch-Site"), call.getHeaderString("Origin"),
                call.getHeaderString(HttpHeaders.HOST));
    }
}
