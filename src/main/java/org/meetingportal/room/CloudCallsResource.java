package org.meetingportal.room;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.QueryParameters;
import org.meetingportal.trtc.CloudCall;

/**
 * {@code GET /api/meetings/{id}/cloud-calls}: what the meeting's hosts asked of Tencent Cloud and whether it
 * confirmed, so that a host sees a removal or an end the video service has not carried out yet.
 */
@Path("meetings/{id}/cloud-calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CloudCallsResource {

    /** One call: {@code userId} only for a removal; {@code lastError} while it is not confirmed. */
    public record CloudCallView(String action, String userId, String state, int attempts, Instant requestedAt,
            String lastError) {

        static CloudCallView of(CloudCall call) {
            return new CloudCallView(call.getAction().name(), call.getUserId().orElse(null), call.getState().name(),
                    call.getAttempts(), call.getRequestedAt(),
                    call.getState() == CloudCall.State.DONE ? null : call.getLastError().orElse(null));
        }
    }

    @Inject
    RoomService room;

    @Context
    HttpServletRequest request;

    @GET
    public List<CloudCallView> calls(@PathParam("id") String id) {
        return room.cloudCalls(QueryParameters.id(id), CurrentUser.of(request).orElseThrow()).stream()
                .map(CloudCallView::of).toList();
    }
}
