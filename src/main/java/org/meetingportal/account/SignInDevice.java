package org.meetingportal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A browser where a person signed in, known by the hash of its device cookie. */
@Entity
@Table(name = "sign_in_device")
@NamedQuery(name = SignInDevice.DELETE_OLD, query = "delete from SignInDevice d where d.signedInAt < :before")
public class SignInDevice {

    public static final String DELETE_OLD = "SignInDevice.deleteOld";

    @Id
    @Column(name = "device_key", length = 200)
    private String key;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "signed_in_at", nullable = false)
    private Instant signedInAt;

    protected SignInDevice() {
    }

    SignInDevice(String key, String username, Instant signedInAt) {
        this.key = key;
        this.username = username;
        this.signedInAt = signedInAt;
    }

    Instant signedInAt() {
        return signedInAt;
    }

    void signedInAgain(Instant at) {
        this.signedInAt = at;
    }
}
