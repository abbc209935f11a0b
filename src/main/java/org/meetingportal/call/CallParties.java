package org.meetingportal.call;

/** The two people of a one-to-one call: the one rule of who is in it, for the records and the live board alike. */
record CallParties(String caller, String callee) {

    boolean involves(String username) {
        return caller.equals(username) || callee.equals(username);
    }

    /** The other party, for one of the two. */
    String other(String username) {
        return username.equals(caller) ? callee : caller;
    }
}
