package org.meetingportal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A person who may sign in. The username never changes: it is also the person's TRTC userId, and meetings
 * and calls refer to it. Signing in is counted by {@code sessionGeneration}: raising it ends every session
 * opened before, which is how disabling, a password reset and a password change sign a person out
 * everywhere.
 */
@Entity
@Table(name = "portal_user")
// language is no attribute to write: set by this statement alone, so that it never raises the version.
@NamedNativeQuery(name = User.SET_LANGUAGE, query = "UPDATE portal_user SET language = ?1 WHERE username = ?2"
        + " AND (language IS NULL OR language <> ?1)")
@NamedQuery(name = User.FIND_BY_USERNAME, query = "select u from User u where u.username = :username")
@NamedQuery(name = User.COUNT_BY_USERNAME_IGNORING_CASE,
        query = "select count(u) from User u where lower(u.username) = lower(:username)")
@NamedQuery(name = User.SEARCH, query = "select u from User u where lower(u.username) like :pattern escape '\\'"
        + " or lower(u.displayName) like :pattern escape '\\' or lower(u.email) like :pattern escape '\\'"
        + " order by lower(u.displayName), u.username")
@NamedQuery(name = User.COUNT_SEARCH, query = "select count(u) from User u where lower(u.username) like :pattern"
        + " escape '\\' or lower(u.displayName) like :pattern escape '\\' or lower(u.email) like :pattern escape '\\'")
@NamedQuery(name = User.COUNT, query = "select count(u) from User u")
@NamedQuery(name = User.FIND_BY_USERNAMES, query = "select u from User u where u.username in :usernames")
@NamedQuery(name = User.FIND_USERNAMES_MATCHING, query = "select u.username from User u where lower(u.username) like"
        + " :pattern escape '\\' or lower(u.displayName) like :pattern escape '\\' order by u.username")
@NamedQuery(name = User.FIND_BY_PROVIDER,
        query = "select u from User u where u.providerIssuer = :issuer and u.providerSubject = :subject")
@NamedQuery(name = User.COUNT_ENABLED_ADMINS,
        query = "select count(u) from User u where u.role = org.meetingportal.account.Role.ADMIN and u.enabled = true")
public class User {

    public static final String FIND_BY_USERNAME = "User.findByUsername";
    public static final String COUNT_BY_USERNAME_IGNORING_CASE = "User.countByUsernameIgnoringCase";
    public static final String SEARCH = "User.search";
    public static final String COUNT_SEARCH = "User.countSearch";
    public static final String COUNT = "User.count";
    public static final String FIND_BY_USERNAMES = "User.findByUsernames";
    public static final String FIND_USERNAMES_MATCHING = "User.findUsernamesMatching";
    public static final String COUNT_ENABLED_ADMINS = "User.countEnabledAdmins";
    public static final String FIND_BY_PROVIDER = "User.findByProvider";
    public static final String SET_LANGUAGE = "User.setLanguage";

    public static final int USERNAME_MAX = 32;
    public static final int DISPLAY_NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false, length = USERNAME_MAX)
    private String username;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
    private String displayName;

    @Column(nullable = false, length = EMAIL_MAX)
    private String email;

    /** Null for an account of the company's provider, which has no password here. */
    @Column(name = "password_hash")
    private String passwordHash;

    /** With {@code providerSubject}, the link to the provider's account; both null for a local account. */
    @Column(name = "provider_issuer", updatable = false)
    private String providerIssuer;

    @Column(name = "provider_subject", updatable = false)
    private String providerSubject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "session_generation", nullable = false)
    private int sessionGeneration;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    /** The zone the person wants times shown in; none means "my browser's". */
    @Column(name = "time_zone", length = 64)
    private String timeZone;

    /** The language the person last used the portal in (a language tag), for what is sent to them. */
    @Column(length = 35, insertable = false, updatable = false)
    private String language;

    @Version
    private long version;

    protected User() {
    }

    public User(String username, String displayName, String email, Role role, String passwordHash,
            boolean mustChangePassword, Instant createdAt) {
        this(username, displayName, email, role, Objects.requireNonNull(passwordHash), mustChangePassword, null, null,
                createdAt);
    }

    /** An account made at its first sign-in through the company's provider: no password, linked for good. */
    public static User ofProvider(String username, String displayName, String email, Role role, String issuer,
            String subject, Instant createdAt) {
        return new User(username, displayName, email, role, null, false, Objects.requireNonNull(issuer),
                Objects.requireNonNull(subject), createdAt);
    }

    private User(String username, String displayName, String email, Role role, String passwordHash,
            boolean mustChangePassword, String providerIssuer, String providerSubject, Instant createdAt) {
        this.username = Objects.requireNonNull(username);
        this.displayName = Objects.requireNonNull(displayName);
        this.email = Objects.requireNonNull(email);
        this.role = Objects.requireNonNull(role);
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChangePassword;
        this.providerIssuer = providerIssuer;
        this.providerSubject = providerSubject;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.enabled = true;
    }

    public boolean isFromProvider() {
        return providerSubject != null;
    }

    public void describe(String newDisplayName, String newEmail, Role newRole) {
        this.displayName = Objects.requireNonNull(newDisplayName);
        this.email = Objects.requireNonNull(newEmail);
        if (newRole != role) {
            this.role = Objects.requireNonNull(newRole);
            endSessions();
        }
    }

    /** A new password chosen by the user: other sessions end, the user is no longer asked to change it. */
    public void choosePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
        this.mustChangePassword = false;
        endSessions();
    }

    /** A password set by an admin: the user must replace it at the next sign-in, open sessions end. */
    public void resetPassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
        this.mustChangePassword = true;
        endSessions();
    }

    /** The same password hashed with today's parameters; changes nothing else. */
    public void rehashPassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public void disable() {
        if (enabled) {
            enabled = false;
            endSessions();
        }
    }

    public void enable() {
        enabled = true;
    }

    public void preferTimeZone(String zoneId) {
        this.timeZone = zoneId;
    }

    public void signedIn(Instant at) {
        this.lastSignInAt = at;
    }

    private void endSessions() {
        sessionGeneration++;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getProviderIssuer() {
        return providerIssuer;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public int getSessionGeneration() {
        return sessionGeneration;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Locale getLanguage() {
        return language == null ? null : Locale.forLanguageTag(language);
    }

    public String getTimeZone() {
        return timeZone;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User other && username.equals(other.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }
}
