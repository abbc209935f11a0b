package org.meetingportal.call;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON of the call signalling (documented in docs/meetings.md, "Calls"). Server to page: {@code hello}, {@code presence},
 * {@code calling}, {@code ringing}, {@code accepted}, {@code answered-elsewhere}, {@code ended}, {@code missed},
 * {@code error}, {@code pong}. Page to server: {@code invite}, {@code accept}, {@code reject}, {@code cancel},
 * {@code hangup}, {@code ping}.
 */
final class CallMessages {

    private CallMessages() {
    }

    static String hello(String username, Map<String, Presence> present) {
        JsonObjectBuilder people = Json.createObjectBuilder();
        present.forEach((user, presence) -> people.add(user, name(presence)));
        return Json.createObjectBuilder().add("type", "hello").add("you", username).add("present", people).build()
                .toString();
    }

    static String of(Signal signal, Function<String, String> displayName) {
        JsonObjectBuilder message = Json.createObjectBuilder().add("type", signal.type());
        if (signal.call() != null) {
            message.add("call", call(signal.call(), displayName));
        }
        if ("presence".equals(signal.type())) {
            message.add("user", signal.detail()).add("presence", name(signal.presence()));
        } else if (signal.detail() != null) {
            message.add("code", signal.detail());
        }
        return message.build().toString();
    }

    static String error(String code) {
        return Json.createObjectBuilder().add("type", "error").add("code", code).build().toString();
    }

    static String pong() {
        return "{\"type\":\"pong\"}";
    }

    private static JsonObject call(LiveCall call, Function<String, String> displayName) {
        return Json.createObjectBuilder().add("id", call.id())
                .add("caller", person(call.caller(), displayName)).add("callee", person(call.callee(), displayName))
                .add("media", call.media().name().toLowerCase()).add("state", call.state().name()).build();
    }

    private static JsonObject person(String username, Function<String, String> displayName) {
        return Json.createObjectBuilder().add("userId", username).add("displayName", displayName.apply(username)).build();
    }

    private static String name(Presence presence) {
        return presence.name().toLowerCase().replace('_', '-');
    }
}
