package org.meetingportal.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/health}: UP when the database answers, for load balancers and operators. */
@Path("health")
@RequestScoped
@PermitAll
public class HealthResource {

    /** The health answer. */
    public record Health(String status) {
    }

    @Inject
    DatabaseHealth database;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean up = database.answers();
        return Response.status(up ? 200 : 503).entity(new Health(up ? "UP" : "DOWN"))
                .header("Cache-Control", "no-store").build();
    }
}
