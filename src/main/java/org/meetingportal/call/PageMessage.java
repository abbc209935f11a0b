package org.meetingportal.call;

import jakarta.json.JsonObject;

/**
 * A message a page sent on its call socket about its meeting's room ({@code "type":"room-…"}), passed on as a
 * CDI event to the feature that reads it: calls know nothing of meetings.
 */
public record PageMessage(String username, String connection, JsonObject message) {
}
