/**
 * Company sign-in: the portal as an OpenID Connect relying party of the company's identity provider, with its
 * settings, the authorization code flow with PKCE, and the checks of what the provider answers. The client
 * secret never leaves this package.
 */
package org.meetingportal.provider;
