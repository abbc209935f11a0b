package org.meetingportal.trtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.trtc.v20190722.TrtcClient;
import com.tencentcloudapi.trtc.v20190722.models.RemoveUserRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.Tc3Signature;
import org.meetingportal.testing.TestTencentCloud;

/**
 * Our TC3-HMAC-SHA256 verifier against what Tencent's own SDK signs: it must pass a request the SDK made, and
 * fail the same request with any signed part changed, a wrong key, or an old timestamp.
 */
class Tc3SignatureTest {

    private static final String ID = "AKIDsignatureTest000000000000000000";
    private static final String KEY = "signatureTestKey0000000000000000";
    private static TestTencentCloud cloud;
    private static TestTencentCloud.Received signed;

    @BeforeAll
    static void aRequestSignedByTheSdk() throws TencentCloudSDKException {
        cloud = TestTencentCloud.plain(ID, KEY);
        TrtcClient client = new TrtcClient(new Credential(ID, KEY), "ap-guangzhou", throughTheStandIn());
        RemoveUserRequest request = new RemoveUserRequest();
        request.setSdkAppId(1400000042L);
        request.setRoomId(123456L);
        request.setUserIds(new String[] {"bob"});
        client.RemoveUser(request);
        signed = cloud.received().get(0);
    }

    /** Tencent's address, reached over plain HTTP through the stand-in as a proxy. */
    private static ClientProfile throughTheStandIn() {
        HttpProfile http = new HttpProfile();
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setProxyHost("127.0.0.1");
        http.setProxyPort(cloud.port());
        return new ClientProfile(ClientProfile.SIGN_TC3_256, http);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static Optional<String> check(Map<String, String> headers, byte[] body, String key, Instant now) {
        return Tc3Signature.problem("POST", "/", "", headers, body, "trtc", ID, key, now);
    }

    @Test
    void passesWhatTheSdkSigned() {
        assertEquals(Optional.empty(), signed.signatureProblem());
        assertEquals("trtc.tencentcloudapi.com", signed.headers().get("Host"));
        assertEquals("RemoveUser", signed.action());
        assertEquals("ap-guangzhou", signed.region());
        assertEquals("2019-07-22", signed.version());
        assertEquals(123456, signed.parameters().getJsonNumber("RoomId").longValue());
        assertEquals("bob", signed.parameters().getJsonArray("UserIds").getString(0));
    }

    @Test
    void failsAChangedBody() {
        byte[] changed = new String(signed.body(), StandardCharsets.UTF_8).replace("bob", "eve")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.of("signature does not match"), check(signed.headers(), changed, KEY, signed.at()));
    }

    @Test
    void failsAChangedSignedHeader() {
        Map<String, String> headers = new HashMap<>(signed.headers());
        headers.put("Host", "trtc.ap-guangzhou.tencentcloudapi.com");
        assertEquals(Optional.of("signature does not match"), check(headers, signed.body(), KEY, signed.at()));
    }

    @Test
    void failsAnotherKey() {
        assertEquals(Optional.of("signature does not match"),
                check(signed.headers(), signed.body(), KEY.replace('0', '1'), signed.at()));
    }

    @Test
    void failsAnOldRequest() {
        Optional<String> problem = check(signed.headers(), signed.body(), KEY,
                signed.at().plus(Tc3Signature.MAX_CLOCK_DIFFERENCE).plusSeconds(2));
        assertTrue(problem.orElseThrow().startsWith("timestamp"), problem.get());
    }

    @Test
    void theStandInRefusesABadSignatureAsTencentDoes() {
        TrtcClient wrongKey = new TrtcClient(new Credential(ID, KEY.replace('0', '2')), "ap-guangzhou",
                throughTheStandIn());
        RemoveUserRequest request = new RemoveUserRequest();
        request.setSdkAppId(1400000042L);
        request.setRoomId(1L);
        request.setUserIds(new String[] {"bob"});
        TencentCloudSDKException refused = assertThrows(TencentCloudSDKException.class, () -> wrongKey.RemoveUser(request));
        assertEquals("AuthFailure.SignatureFailure", refused.getErrorCode());
    }
}
