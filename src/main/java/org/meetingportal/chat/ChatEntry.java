package org.meetingportal.chat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;

/** A message as the API and the pages show it; its id is its place in the meeting's chat. */
public record ChatEntry(long id, String userId, String displayName, Instant sentAt, String text) {

    /** As a room signal carries it to the pages. */
    JsonObject json() {
        return Json.createObjectBuilder().add("id", id).add("userId", userId).add("displayName", displayName)
                .add("sentAt", sentAt.toString()).add("text", text).build();
    }
}
