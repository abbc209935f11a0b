package org.meetingportal.trtc;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.trtc.v20190722.TrtcClient;
import com.tencentcloudapi.trtc.v20190722.models.DismissRoomRequest;
import com.tencentcloudapi.trtc.v20190722.models.RemoveUserRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/**
 * TRTC's server API through Tencent's SDK, signed with TC3-HMAC-SHA256. Only the calls the portal makes, and
 * no retries here: the outbox ({@link CloudCallService}) decides when to try again.
 */
@ApplicationScoped
class TrtcRoomApi {

    /** The SDK's own wait for a connection and for an answer, in seconds: well inside one attempt's lease. */
    static final int TIMEOUT_SECONDS = 10;
    /** Tencent's answer when the room or the person is gone already: what was asked has happened. */
    private static final Pattern ALREADY_GONE = Pattern.compile(".*(RoomNotExist|UserNotExist|UserNotInRoom|NotFound).*");

    @Inject
    TencentCloudSettings settings;

    private TrtcClient client;

    /** Asks the cloud; returns normally once it has confirmed, or has nothing left to do. */
    void call(CloudCall call) throws CloudCallFailure {
        TrtcClient trtc = client();
        try {
            switch (call.getAction()) {
                case REMOVE_USER -> {
                    RemoveUserRequest request = new RemoveUserRequest();
                    request.setSdkAppId(call.getSdkAppId());
                    request.setRoomId(call.getRoomId());
                    request.setUserIds(new String[] {call.getUserId().orElseThrow()});
                    trtc.RemoveUser(request);
                }
                case DISMISS_ROOM -> {
                    DismissRoomRequest request = new DismissRoomRequest();
                    request.setSdkAppId(call.getSdkAppId());
                    request.setRoomId(call.getRoomId());
                    trtc.DismissRoom(request);
                }
            }
        } catch (TencentCloudSDKException e) {
            String code = e.getErrorCode() == null ? "" : e.getErrorCode();
            if (!ALREADY_GONE.matcher(code).matches()) {
                throw new CloudCallFailure((code.isEmpty() ? "" : code + ": ") + e.getMessage(), e);
            }
        }
    }

    private synchronized TrtcClient client() throws CloudCallFailure {
        TencentCloudSettings.CloudAccount account = settings.account()
                .orElseThrow(() -> new CloudCallFailure("no Tencent Cloud account is set", null));
        if (client == null) {
            HttpProfile http = new HttpProfile();
            http.setEndpoint(account.endpoint());
            http.setConnTimeout(TIMEOUT_SECONDS);
            http.setReadTimeout(TIMEOUT_SECONDS);
            http.setWriteTimeout(TIMEOUT_SECONDS);
            account.proxyHost().ifPresent(host -> {
                http.setProxyHost(host);
                http.setProxyPort(account.proxyPort());
            });
            ClientProfile profile = new ClientProfile(ClientProfile.SIGN_TC3_256, http);
            client = new TrtcClient(new Credential(account.secretId(), account.secretKey()), account.region(), profile);
        }
        return client;
    }
}
