package org.meetingportal.account;

/** What a user may do: admins manage accounts and meetings, employees take part in them. */
public enum Role {
    ADMIN,
    EMPLOYEE;

    /** Role names as the security annotations need them, which must be constants. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String EMPLOYEE = "EMPLOYEE";

        private Names() {
        }
    }
}
