package org.meetingportal.credential;

import com.tencentyun.TLSSigAPIv2;
import java.time.Duration;
import org.meetingportal.trtc.TrtcSettings;

/**
 * Signs TRTC credentials with Tencent's own generator: a UserSig for the user and a PrivateMapKey that binds
 * that user to one numeric room, a lifetime and a set of privileges. The generator answers an empty string
 * instead of throwing when signing fails; that is turned into an exception here.
 */
public final class CredentialIssuer {

    private final TLSSigAPIv2 generator;

    public CredentialIssuer(TrtcSettings.Application application) {
        this.generator = new TLSSigAPIv2(application.sdkAppId(), application.secretKey());
    }

    /** Lets {@code userId} into this application's rooms, for the lifetime from now. */
    public String userSig(String userId, Duration lifetime) {
        return signed(generator.genUserSig(userId, lifetime.toSeconds()));
    }

    /** Binds {@code userId} to one room with these privilege bits, for the lifetime from now. */
    public String privateMapKey(String userId, long roomId, int privileges, Duration lifetime) {
        return signed(generator.genPrivateMapKey(userId, lifetime.toSeconds(), roomId, privileges));
    }

    private static String signed(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalStateException("TRTC signing failed (the generator returned nothing)");
        }
        return token;
    }
}
