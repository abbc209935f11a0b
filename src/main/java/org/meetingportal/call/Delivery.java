package org.meetingportal.call;

/** A message for one connection of a person, or for all their connections when {@code connection} is null. */
public record Delivery(String username, String connection, Signal signal) {
}
