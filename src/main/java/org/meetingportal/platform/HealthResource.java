package org.meetingportal.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code GET /api/health}: UP when the database answers, for load balancers and operators. */
@Path("health")
@RequestScoped
@PermitAll
public class HealthResource {

    private static final Logger LOG = Logger.getLogger(HealthResource.class.getName());

    /** The health answer. */
    public record Health(String status) {
    }

    @PersistenceContext
    EntityManager em;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        try {
            em.createNativeQuery("SELECT 1").getSingleResult();
            return Response.ok(new Health("UP")).header("Cache-Control", "no-store").build();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Health check: the database does not answer", e);
            return Response.status(503).entity(new Health("DOWN")).header("Cache-Control", "no-store").build();
        }
    }
}
