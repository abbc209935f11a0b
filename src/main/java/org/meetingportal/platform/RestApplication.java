package org.meetingportal.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API lives under {@code /api}; resources and providers are discovered. */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
