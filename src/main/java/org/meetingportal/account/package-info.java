/**
 * Accounts: who may use the portal. Users and their roles, the password policy and hashing, sign-in
 * throttling, the first administrator, and the admin pages and API that manage accounts.
 */
package org.meetingportal.account;
