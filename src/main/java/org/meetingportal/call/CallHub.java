package org.meetingportal.call;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountService;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.SchemaMigration;

/**
 * Carries out what the {@link Switchboard} decides: records every change first, then tells the pages, so
 * that a page told "accepted" finds the call running when it asks for credentials. Time passes for the
 * switchboard once a second.
 */
@ApplicationScoped
public class CallHub {

    private static final Logger LOG = Logger.getLogger(CallHub.class.getName());

    @Inject
    CallService calls;

    @Inject
    CallFanout fanout;

    @Inject
    AccountService accounts;

    @Inject
    Configuration configuration;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private Switchboard switchboard;
    private ScheduledFuture<?> ticking;

    void start(@Observes @Priority(SchemaMigration.PRIORITY + 30) @Initialized(ApplicationScoped.class) Object started) {
        switchboard = new Switchboard(clock, configuration.callRingTimeout(), configuration.callGrace(),
                configuration.callRatePerMinute());
        int leftovers = calls.endLeftovers(clock.instant());
        if (leftovers > 0) {
            LOG.info(() -> "Calls: " + leftovers + " call(s) open at the last stop marked as ended");
        }
        ticking = scheduler.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    Switchboard switchboard() {
        return switchboard;
    }

    public void connected(String username, String connection, Consumer<String> sender) {
        fanout.register(username, connection, sender);
        sender.accept(CallMessages.hello(username, switchboard.everyonePresent()));
        carry(switchboard.connect(username, connection));
    }

    public void closed(String username, String connection) {
        fanout.unregister(username, connection);
        carry(switchboard.disconnect(username, connection));
    }

    /** One message from a page; anything unreadable gets an error answer, never an exception. */
    public void received(String username, String connection, JsonObject message) {
        String type = message.getString("type", "");
        switch (type) {
            case "ping" -> fanout.send(username, connection, CallMessages.pong());
            case "invite" -> invite(username, connection, message.getString("to", ""), media(message));
            case "accept" -> carry(switchboard.accept(callId(message), username, connection));
            case "reject" -> carry(switchboard.reject(callId(message), username));
            case "cancel" -> carry(switchboard.cancel(callId(message), username));
            case "hangup" -> carry(switchboard.hangUp(callId(message), username));
            default -> fanout.send(username, connection, CallMessages.error("bad-message"));
        }
    }

    public Presence presence(String username) {
        return switchboard.presence(username);
    }

    private void invite(String caller, String connection, String callee, Optional<Media> media) {
        if (media.isEmpty() || callee.isBlank()) {
            fanout.send(caller, connection, CallMessages.error("bad-message"));
            return;
        }
        Optional<String> refusal = switchboard.refusal(caller, callee);
        if (refusal.isPresent()) {
            fanout.send(caller, connection, CallMessages.error(refusal.get()));
            return;
        }
        Call call;
        try {
            call = calls.open(caller, callee, media.get());
        } catch (DomainException unknown) {
            fanout.send(caller, connection, CallMessages.error("unknown-user"));
            return;
        }
        carry(switchboard.invite(new Switchboard.Invitation(call.getId(), caller, connection, callee, media.get(),
                call.getRoomId())));
    }

    private void tick() {
        try {
            carry(switchboard.tick());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "call timeouts could not be processed", e);
        }
    }

    private void carry(Switchboard.Step step) {
        step.changes().forEach(calls::record);
        for (Switchboard.Delivery delivery : step.deliveries()) {
            fanout.send(delivery.username(), delivery.connection(), CallMessages.of(delivery.signal(), this::displayName));
        }
    }

    private String displayName(String username) {
        return accounts.account(username).map(Account::displayName).orElse(username);
    }

    private static long callId(JsonObject message) {
        return message.get("call") instanceof JsonNumber number ? number.longValue() : -1;
    }

    private static Optional<Media> media(JsonObject message) {
        String media = message.getString("media", "");
        return media.equals("audio") ? Optional.of(Media.AUDIO)
                : media.equals("video") ? Optional.of(Media.VIDEO) : Optional.empty();
    }
}
