package org.meetingportal.media;

import com.tencentyun.TLSSigAPIv2;
import java.time.Duration;

/**
 * Signs TRTC credentials with Tencent's own generator: a UserSig for the user and a PrivateMapKey that binds
 * that user to one numeric room, a lifetime and a set of privileges. The generator answers an empty string
 * instead of throwing when signing fails; that is turned into an exception here.
 */
public final class CredentialIssuer {

    /** One signed pair. */
    public record Signed(String userSig, String privateMapKey) {
        @Override
        public String toString() {
            return "Signed[credentials not shown]";
        }
    }

    private final TLSSigAPIv2 generator;

    public CredentialIssuer(TrtcSettings.Application application) {
        this.generator = new TLSSigAPIv2(application.sdkAppId(), application.secretKey());
    }

    public Signed sign(String userId, long roomId, int privileges, Duration userSigLifetime, Duration keyLifetime) {
        String userSig = generator.genUserSig(userId, userSigLifetime.toSeconds());
        String privateMapKey = generator.genPrivateMapKey(userId, keyLifetime.toSeconds(), roomId, privileges);
        if (userSig == null || userSig.isEmpty() || privateMapKey == null || privateMapKey.isEmpty()) {
            throw new IllegalStateException("TRTC signing failed (the generator returned nothing)");
        }
        return new Signed(userSig, privateMapKey);
    }
}
