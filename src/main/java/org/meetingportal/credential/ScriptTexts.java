package org.meetingportal.credential;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.meetingportal.platform.Messages;

/**
 * The texts page scripts show, in the page's language, as one JSON object for a {@code data-texts}
 * attribute (keys without their prefix): scripts may not be inline under our Content-Security-Policy, and
 * an attribute is escaped by Faces like any other. {@code room.} keys serve the meeting room and the
 * device check, {@code call.} keys the calls.
 */
@Named
@RequestScoped
public class ScriptTexts {

    @Inject
    FacesContext faces;

    /** The room's texts. */
    public String getJson() {
        return of("room.");
    }

    public String of(String prefix) {
        ResourceBundle bundle = Messages.bundle(faces.getViewRoot().getLocale());
        JsonObjectBuilder texts = Json.createObjectBuilder();
        for (String key : new TreeSet<>(bundle.keySet())) {
            if (key.startsWith(prefix)) {
                texts.add(key.substring(prefix.length()), bundle.getString(key));
            }
        }
        return texts.build().toString();
    }
}
