package org.meetingportal.security;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import java.net.URI;
import java.util.Optional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.meetingportal.platform.DatabaseUnavailable;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FieldProblems;
import org.meetingportal.platform.PublicUrl;
import org.meetingportal.platform.RetryLaterException;
import org.meetingportal.provider.CompanySignIn;
import org.meetingportal.provider.ProviderSettings;

/** {@code POST /api/session} signs in, {@code DELETE /api/session} signs out. */
@Path("session")
@RequestScoped
public class SessionResource {

    /** A sign-in request. */
    public record Credentials(String username, String password) {
    }

    @Inject
    SecurityContext security;

    @Inject
    CompanySignIn companySignIn;

    @Inject
    ProviderSessions providerSessions;

    @Inject
    PublicUrl publicUrl;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response signIn(Credentials credentials) {
        FieldProblems problems = new FieldProblems();
        if (credentials == null || credentials.username() == null || credentials.username().isBlank()) {
            problems.add("username", "signIn.username.required");
        }
        if (credentials == null || credentials.password() == null || credentials.password().isEmpty()) {
            problems.add("password", "signIn.password.required");
        }
        problems.throwIfAny();
        UsernamePasswordCredential credential =
                new UsernamePasswordCredential(credentials.username(), new Password(credentials.password()));
        AuthenticationStatus status = security.authenticate(request, response,
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        SignInOutcome outcome = SignInOutcome.of(request);
        if (status == AuthenticationStatus.SUCCESS && outcome.result() == SignInOutcome.Result.SIGNED_IN) {
            return Response.ok(Me.of(request)).header("Cache-Control", "no-store").build();
        }
        if (outcome.result() == SignInOutcome.Result.UNAVAILABLE) {
            throw DatabaseUnavailable.refusal();
        }
        if (outcome.result() == SignInOutcome.Result.LOCKED) {
            PasswordAttempts.Wait wait = PasswordAttempts.Wait.of("signIn.locked", outcome.retryAfterSeconds());
            throw new RetryLaterException(outcome.retryAfterSeconds(), wait.key(), wait.amount());
        }
        if (outcome.result() == SignInOutcome.Result.PROVIDER_ONLY) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "signIn.providerOnly",
                    companySignIn.settings().map(ProviderSettings::name).orElse(""));
        }
        throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "signIn.failed");
    }

    /** Where the browser goes to end the provider's session too, after a sign-out of a provider's sign-in. */
    public record SignedOut(String logoutUrl) {
    }

    @DELETE
    @AllowedBeforePasswordChange
    @Produces(MediaType.APPLICATION_JSON)
    public Response signOut() {
        Optional<URI> providerLogout = providerSessions.logoutAddress(request,
                publicUrl.link("/login.xhtml?signedOut=true"));
        Sessions.end(request);
        return providerLogout.map(uri -> Response.ok(new SignedOut(uri.toString())).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
