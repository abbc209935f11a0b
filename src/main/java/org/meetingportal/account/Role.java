package org.meetingportal.account;

/**
 * What a user may do: admins manage accounts and meetings, employees take part in them. A guest is nobody's
 * account: someone from outside the company let into one meeting through its guest link, never stored as a user.
 */
public enum Role {
    ADMIN,
    EMPLOYEE,
    GUEST;

    /** The roles an account may hold. */
    public static Role[] accountRoles() {
        return new Role[] {ADMIN, EMPLOYEE};
    }

    /** Role names as the security annotations need them, which must be constants. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String EMPLOYEE = "EMPLOYEE";
        public static final String GUEST = "GUEST";

        private Names() {
        }
    }
}
