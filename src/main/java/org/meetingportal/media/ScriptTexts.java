package org.meetingportal.media;

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
 * The texts the media scripts show (keys starting with {@code room.}), in the page's language, as one JSON
 * object for a {@code data-texts} attribute: scripts may not be inline under our Content-Security-Policy,
 * and an attribute is escaped by Faces like any other.
 */
@Named
@RequestScoped
public class ScriptTexts {

    static final String PREFIX = "room.";

    @Inject
    FacesContext faces;

    public String getJson() {
        ResourceBundle bundle = Messages.bundle(faces.getViewRoot().getLocale());
        JsonObjectBuilder texts = Json.createObjectBuilder();
        for (String key : new TreeSet<>(bundle.keySet())) {
            if (key.startsWith(PREFIX)) {
                texts.add(key.substring(PREFIX.length()), bundle.getString(key));
            }
        }
        return texts.build().toString();
    }
}
