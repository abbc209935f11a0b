package org.meetingportal.testing;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box integration tests: Arquillian deploys the WAR that {@code mvn package} built to the
 * managed WildFly, and the tests talk to it over HTTP like any client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class PortalIT {

    @ArquillianResource
    protected URL base;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return TestPortal.war();
    }

    @BeforeEach
    void firstAdminReady() {
        TestPortal.adminChoseTheirPassword(base);
        // Up before any test makes a host's decision the servers pass on to Tencent Cloud.
        TestTencentCloud.forServers();
        // Up before any test plans a meeting its people are sent invitations of.
        TestSmtp.forServers();
    }

    /** A fresh client signed in as the first admin. */
    protected PortalClient admin() {
        return PortalClient.signedIn(base, "admin", TestPortal.adminPassword());
    }
}
