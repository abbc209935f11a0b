package org.meetingportal.platform;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * Fields of a JSON body read strictly, where binding would be lenient ("maybe" taken as false): only a JSON
 * true or false is a flag. A wrong or missing one is a 400 naming the field.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** A body that may be left out: null when it is empty, a 400 when it is not a JSON object. */
    public static JsonObject optionalObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw DomainException.invalid(List.of(new FieldProblem("body", "request.notJsonObject")));
        }
    }

    /** The flag {@code name}, required. */
    public static boolean flag(JsonObject body, String name, String messageKey) {
        JsonValue value = body == null ? null : body.get(name);
        if (value == null || (value.getValueType() != JsonValue.ValueType.TRUE
                && value.getValueType() != JsonValue.ValueType.FALSE)) {
            throw DomainException.invalid(List.of(new FieldProblem(name, messageKey)));
        }
        return value.getValueType() == JsonValue.ValueType.TRUE;
    }

    /** The flag {@code name}, or {@code absent} when the body or the field is not there. */
    public static boolean flag(JsonObject body, String name, String messageKey, boolean absent) {
        return body == null || !body.containsKey(name) ? absent : flag(body, name, messageKey);
    }
}
