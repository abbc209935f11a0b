package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The TRTC SDK's version is written in three places that nothing else ties together: pom.xml (which names
 * the SDK's path in the WAR), package.json and package-lock.json (which decide what npm fetches). A version
 * raised in one only would serve one SDK under another's name, cached for a year.
 */
class FrontendVersionTest {

    private static final Path FRONTEND = Path.of("src/main/frontend");
    private static final String SDK = "trtc-sdk-v5";

    private final String built = new Frontend().getTrtcVersion();

    private static JsonObject json(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        }
    }

    @Test
    void packageJsonAsksForExactlyThePomVersion() throws IOException {
        assertEquals(built, json(FRONTEND.resolve("package.json")).getJsonObject("dependencies").getString(SDK));
    }

    @Test
    void lockFileHoldsThePomVersion() throws IOException {
        JsonObject packages = json(FRONTEND.resolve("package-lock.json")).getJsonObject("packages");
        assertEquals(built, packages.getJsonObject("").getJsonObject("dependencies").getString(SDK));
        assertEquals(built, packages.getJsonObject("node_modules/" + SDK).getString("version"));
    }

    @Test
    void installedSdkIsThePomVersion() throws IOException {
        Path installed = FRONTEND.resolve("node_modules/" + SDK + "/package.json");
        assumeTrue(Files.exists(installed), "npm ci has not run");
        assertEquals(built, json(installed).getString("version"));
    }

    @Test
    void scriptPathNamesTheVersion() {
        assertEquals("/vendor/trtc/" + built + "/trtc.js", new Frontend().getTrtcScript());
    }
}
