package org.meetingportal.account;

import java.io.Serializable;

/** The fields of an account that the admin pages edit, as their forms bind them. */
abstract class AccountFormFields implements Serializable {

    private static final long serialVersionUID = 1L;

    protected String username;
    protected String displayName;
    protected String email;
    protected Role role;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }
}
