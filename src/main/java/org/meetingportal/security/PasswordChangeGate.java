package org.meetingportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.meetingportal.account.Account;
import org.meetingportal.account.CurrentUser;

/**
 * Sends a person who must change their password to the account page, whatever page they ask for, until
 * they have done it. (The API has the same rule in {@link ApiAccessFilter}.) It decides on the path the
 * container serves, never the raw request URI, which {@code /error/..;/index.xhtml} or {@code //index.xhtml}
 * would let pass for an open page on some servers.
 */
@WebFilter(filterName = "passwordChangeGate", urlPatterns = "*.xhtml")
public class PasswordChangeGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String ACCOUNT_PAGE = "/account.xhtml";
    private static final Set<String> OPEN = Set.of(ACCOUNT_PAGE, "/login.xhtml");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = SecurityHeadersFilter.path(request);
        boolean mustChange = CurrentUser.of(request).map(Account::mustChangePassword).orElse(false);
        if (mustChange && !OPEN.contains(path) && !path.startsWith("/error/")
                && !SecurityHeadersFilter.isStaticResource(request)) {
            response.sendRedirect(request.getContextPath() + ACCOUNT_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
