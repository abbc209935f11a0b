package org.meetingportal.chat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A message as the API and the pages show it; its id is its place in the meeting's chat. */
public record ChatEntry(long id, String userId, String displayName, Instant sentAt, String text) {

    /**
     * The most of a message's text, in UTF-8 bytes, that its signal carries: the cluster's channel (PostgreSQL's
     * {@code NOTIFY}) takes 8,000 bytes a signal, and a message may take four bytes a character.
     */
    static final int SIGNALLED_TEXT_BYTES = 4000;

    /** As a room signal carries it to the pages: a longer text is left out, and pages read the chat again. */
    JsonObject json() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", id).add("userId", userId)
                .add("displayName", displayName).add("sentAt", sentAt.toString());
        if (text.getBytes(StandardCharsets.UTF_8).length <= SIGNALLED_TEXT_BYTES) {
            json.add("text", text);
        }
        return json.build();
    }
}
