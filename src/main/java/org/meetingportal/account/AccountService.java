package org.meetingportal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FieldProblems;
import org.meetingportal.platform.Slice;
import org.meetingportal.platform.SearchText;
import org.meetingportal.platform.SecurityLog;

/**
 * Everything that reads or changes accounts. Callers have already checked that the caller may do it (admin
 * pages and API are for admins only); this service keeps the rules that hold whoever asks: valid fields,
 * unique usernames, optimistic locking, and that nobody locks themselves out.
 */
@ApplicationScoped
@Transactional
public class AccountService {

    public static final String INITIAL_ADMIN = "admin";

    private static final String GENERATED_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AdminOnly admins;

    private final PasswordHasher hasher = new PasswordHasher();
    /** Checked when the username is unknown, so that an unknown name costs as much time as a wrong password. */
    private final String decoyHash = hasher.hash("decoy password that matches no account");

    /**
     * The account of a correct username and password, or empty: unknown name, wrong password and disabled
     * account look the same to the caller. Upgrades a hash made with weaker parameters.
     */
    public Optional<Account> checkCredentials(String username, String password) {
        User user = AccountRules.isUsername(username) ? findUser(username).orElse(null) : null;
        if (user == null || user.getPasswordHash() == null) {
            // An account of the company's provider has no password here; it costs the same time all the same.
            hasher.verify(password == null ? "" : password, decoyHash);
            return Optional.empty();
        }
        if (!hasher.verify(password, user.getPasswordHash()) || !user.isEnabled()) {
            return Optional.empty();
        }
        if (hasher.needsRehash(user.getPasswordHash())) {
            user.rehashPassword(hasher.hash(password));
            SecurityLog.event("authn_password_rehashed", "user", username);
        }
        user.signedIn(clock.instant());
        return Optional.of(Account.of(user));
    }

    /** Remembers the language a person signed in with, which what is sent to them is written in. */
    public void speaks(String username, Locale language) {
        em.createNamedQuery(User.SET_LANGUAGE).setParameter(1, language.toLanguageTag()).setParameter(2, username)
                .executeUpdate();
    }

    /** The current state of an account, for checking a session on each request. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> account(String username) {
        return findUser(username).map(Account::of);
    }

    /** The accounts of these usernames that exist, in one query, by username. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Account> accounts(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(User.FIND_BY_USERNAMES, User.class)
                .setParameter("usernames", Set.copyOf(usernames))
                .getResultStream()
                .collect(Collectors.toMap(User::getUsername, Account::of));
    }

    /** Usernames whose username or display name contains {@code text}, at most {@code max} of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> usernamesMatching(String text, int max) {
        String pattern = SearchText.containsPattern(text);
        return em.createNamedQuery(User.FIND_USERNAMES_MATCHING, String.class)
                .setParameter("pattern", pattern)
                .setMaxResults(max)
                .getResultList();
    }

    /** The zone a person wants times shown in; empty means their browser's. */
    public Account preferTimeZone(String username, Optional<ZoneId> zone) {
        User user = findUser(username).orElseThrow(DomainException::notFound);
        user.preferTimeZone(zone.map(ZoneId::getId).orElse(null));
        return Account.of(user);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView find(String username) {
        admins.require();
        return findUser(username).map(UserView::of).orElseThrow(DomainException::notFound);
    }

    /** Accounts whose username, display name or e-mail contains {@code query}, by display name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<UserView> search(String query, int page, int size) {
        admins.require();
        int start = Slice.start(page, size);
        String pattern = SearchText.containsPattern(query);
        List<UserView> items = em.createNamedQuery(User.SEARCH, User.class)
                .setParameter("pattern", pattern)
                .setFirstResult(start)
                .setMaxResults(size)
                .getResultStream()
                .map(UserView::of)
                .toList();
        long total = em.createNamedQuery(User.COUNT_SEARCH, Long.class).setParameter("pattern", pattern).getSingleResult();
        return new Slice<>(items, page, size, total);
    }

    public UserView create(NewUser input, String actor) {
        admins.require();
        FieldProblems problems = new FieldProblems();
        if (input == null) {
            problems.add("username", "user.username.required").throwIfAny();
        }
        AccountRules.checkUsername(input.username(), problems);
        AccountRules.checkDisplayName(input.displayName(), problems);
        AccountRules.checkEmail(input.email(), problems);
        AccountRules.checkRole(input.role(), problems);
        AccountRules.checkPassword(input.password(), input.username(), "password", problems);
        if (!problems.has("username") && usernameTaken(input.username())) {
            problems.add("username", "user.username.taken");
        }
        problems.throwIfAny();
        User user = new User(input.username(), input.displayName().strip(), input.email().strip(), input.role(),
                hasher.hash(input.password()), true, clock.instant());
        em.persist(user);
        em.flush();
        SecurityLog.event("user_created", "by", actor, "user", user.getUsername(), "role", user.getRole());
        return UserView.of(user);
    }

    public UserView update(String username, UserChanges changes, String actor) {
        admins.require();
        User user = findUser(username).orElseThrow(DomainException::notFound);
        FieldProblems problems = new FieldProblems();
        if (changes == null) {
            problems.add("version", "user.version.required").throwIfAny();
        }
        AccountRules.checkDisplayName(changes.displayName(), problems);
        AccountRules.checkEmail(changes.email(), problems);
        AccountRules.checkRole(changes.role(), problems);
        if (changes.version() == null) {
            problems.add("version", "user.version.required");
        }
        if (username.equals(actor) && changes.role() != null && changes.role() != user.getRole()) {
            problems.add("role", "user.role.self");
        } else if (user.isFromProvider() && changes.role() != null && changes.role() != user.getRole()) {
            problems.add("role", "user.role.provider");
        }
        problems.throwIfAny();
        if (changes.version() != user.getVersion()) {
            throw DomainException.stale();
        }
        Role before = user.getRole();
        user.describe(changes.displayName().strip(), changes.email().strip(), changes.role());
        em.flush();
        SecurityLog.event("user_updated", "by", actor, "user", username, "role", before + "->" + user.getRole());
        return UserView.of(user);
    }

    public UserView disable(String username, String actor) {
        admins.require();
        User user = findUser(username).orElseThrow(DomainException::notFound);
        if (username.equals(actor)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "user.disable.self");
        }
        user.disable();
        em.flush();
        SecurityLog.event("user_disabled", "by", actor, "user", username);
        return UserView.of(user);
    }

    public UserView enable(String username, String actor) {
        admins.require();
        User user = findUser(username).orElseThrow(DomainException::notFound);
        user.enable();
        em.flush();
        SecurityLog.event("user_enabled", "by", actor, "user", username);
        return UserView.of(user);
    }

    /** An admin sets a temporary password; the person must choose their own at the next sign-in. */
    public UserView resetPassword(String username, String temporaryPassword, String actor) {
        admins.require();
        User user = findUser(username).orElseThrow(DomainException::notFound);
        FieldProblems problems = new FieldProblems();
        if (user.isFromProvider()) {
            problems.add("password", "user.password.provider").throwIfAny();
        }
        AccountRules.checkPassword(temporaryPassword, username, "password", problems);
        problems.throwIfAny();
        user.resetPassword(hasher.hash(temporaryPassword));
        em.flush();
        SecurityLog.event("user_password_reset", "by", actor, "user", username);
        return UserView.of(user);
    }

    /**
     * A person replaces their own password, proving the current one. Every other session of theirs ends.
     *
     * @return the account as it is now, whose session generation the caller's own session must adopt
     */
    public Account changeOwnPassword(String username, String currentPassword, String newPassword) {
        User user = findUser(username).orElseThrow(DomainException::notFound);
        FieldProblems problems = new FieldProblems();
        if (user.isFromProvider()) {
            problems.add("currentPassword", "account.password.provider").throwIfAny();
        }
        if (!hasher.verify(currentPassword == null ? "" : currentPassword, user.getPasswordHash())) {
            problems.add("currentPassword", "account.password.currentWrong");
        }
        AccountRules.checkPassword(newPassword, username, "newPassword", problems);
        if (!problems.has("newPassword") && newPassword.equals(currentPassword)) {
            problems.add("newPassword", "account.password.unchanged");
        }
        problems.throwIfAny();
        user.choosePassword(hasher.hash(newPassword));
        em.flush();
        SecurityLog.event("authn_password_change", "user", username);
        return Account.of(user);
    }

    /**
     * A person the company's provider vouches for: their account, found by the provider's link, brought up to
     * date with what the provider says now (name, e-mail, role), or made at their first sign-in. An account
     * disabled in the portal stays disabled, and a name another account has already is never merged into it.
     *
     * @param issuer with {@code subject}, the link to the provider's account
     * @param preferredUsername what the provider calls the person, made a userId for a new account
     * @param role what the provider's groups make the person
     */
    public ProviderSignInResult signInFromProvider(String issuer, String subject, String preferredUsername,
            String displayName, String email, Role role) {
        Optional<User> linked = em.createNamedQuery(User.FIND_BY_PROVIDER, User.class)
                .setParameter("issuer", issuer).setParameter("subject", subject).getResultStream().findFirst();
        User user;
        boolean created = false;
        if (linked.isPresent()) {
            user = linked.get();
            if (!user.isEnabled()) {
                return new ProviderSignInResult.Refused(ProviderSignInResult.Why.DISABLED, user.getUsername());
            }
            user.describe(providerDisplayName(displayName, user.getUsername()), providerEmail(email), role);
        } else {
            Optional<String> username = AccountRules.usernameFromProvider(preferredUsername);
            if (username.isEmpty()) {
                return new ProviderSignInResult.Refused(ProviderSignInResult.Why.NAME_UNUSABLE, preferredUsername);
            }
            if (usernameTaken(username.get())) {
                return new ProviderSignInResult.Refused(ProviderSignInResult.Why.NAME_TAKEN, username.get());
            }
            user = User.ofProvider(username.get(), providerDisplayName(displayName, username.get()),
                    providerEmail(email), role, issuer, subject, clock.instant());
            em.persist(user);
            created = true;
        }
        user.signedIn(clock.instant());
        em.flush();
        if (created) {
            SecurityLog.event("user_created", "by", "provider", "user", user.getUsername(), "role", user.getRole(),
                    "issuer", issuer);
        }
        return new ProviderSignInResult.SignedIn(Account.of(user), created);
    }

    /** The provider's name for the person if the portal can show it, else their username. */
    private static String providerDisplayName(String name, String username) {
        FieldProblems problems = new FieldProblems();
        AccountRules.checkDisplayName(name, problems);
        return problems.has("displayName") ? username : name.strip();
    }

    /** The provider's address if it looks like one; none is kept otherwise. */
    private static String providerEmail(String email) {
        FieldProblems problems = new FieldProblems();
        AccountRules.checkEmail(email, problems);
        return problems.has("email") ? "" : email.strip();
    }

    /**
     * Creates the first administrator when there is no account at all.
     *
     * @param configuredPassword the operator's choice, or empty to generate one; either must be changed at the
     *     first sign-in
     * @return the generated password, which the caller shows once; empty if none was generated or created
     */
    public Optional<String> createInitialAdmin(Optional<String> configuredPassword) {
        long users = em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
        if (users > 0) {
            return Optional.empty();
        }
        configuredPassword.ifPresent(p -> PasswordPolicy.check(p, INITIAL_ADMIN).ifPresent(rule -> {
            throw new IllegalStateException("PORTAL_ADMIN_PASSWORD is not acceptable (" + rule + "): it needs "
                    + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                    + " characters and must not be a common password or contain 'admin'");
        }));
        String password = configuredPassword.orElseGet(AccountService::generatePassword);
        User admin = new User(INITIAL_ADMIN, "Administrator", "admin@localhost.localdomain", Role.ADMIN,
                hasher.hash(password), true, clock.instant());
        em.persist(admin);
        em.flush();
        SecurityLog.event("user_created", "by", "portal", "user", INITIAL_ADMIN, "role", Role.ADMIN);
        return configuredPassword.isEmpty() ? Optional.of(password) : Optional.empty();
    }

    private Optional<User> findUser(String username) {
        if (!AccountRules.isUsername(username)) {
            return Optional.empty();
        }
        return em.createNamedQuery(User.FIND_BY_USERNAME, User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    private boolean usernameTaken(String username) {
        return em.createNamedQuery(User.COUNT_BY_USERNAME_IGNORING_CASE, Long.class)
                .setParameter("username", username)
                .getSingleResult() > 0;
    }

    static String generatePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(GENERATED_ALPHABET.charAt(RANDOM.nextInt(GENERATED_ALPHABET.length())));
        }
        return password.toString();
    }
}
