package org.meetingportal.room;

/** What a page in the room says it sends: microphone, camera, screen, and whether its person's hand is up. */
record PageState(boolean micOn, boolean cameraOn, boolean sharingScreen, boolean handRaised) {
}
