package org.meetingportal.profile;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.meetingportal.account.Account;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.account.AccountService;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FacesMessages;
import org.meetingportal.platform.ZoneChoices;
import org.meetingportal.platform.Redirects;

/** The time-zone part of {@code /account.xhtml}. An empty choice means "the zone my browser is in". */
@Named
@RequestScoped
public class PreferencesPage {

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    private String timeZone;

    public String getTimeZone() {
        if (timeZone == null) {
            timeZone = currentUser.account().map(Account::timeZone).orElse("");
        }
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public List<String> getZones() {
        return ZoneChoices.ZONES;
    }

    public String getBrowserZone() {
        return currentUser.browserZone().map(ZoneId::getId).orElse("—");
    }

    public void save() throws IOException {
        try {
            ExternalContext external = faces.getExternalContext();
            Account account = accounts.preferTimeZone(currentUser.username(), MeResource.chosenZone(timeZone));
            CurrentUser.attach((HttpServletRequest) external.getRequest(), account);
            FacesMessages.flashInfo("account.zone.saved", currentUser.zone().getId());
            Redirects.to("/account.xhtml");
        } catch (DomainException e) {
            FacesMessages.show(e, Map.of("timeZone", "zone:timeZone"));
        }
    }
}
