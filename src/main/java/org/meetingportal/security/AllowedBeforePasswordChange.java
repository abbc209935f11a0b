package org.meetingportal.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the API calls that a person who must change their password may still make (reading who they are,
 * changing the password, signing out); every other call answers 403 until the password is changed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowedBeforePasswordChange {
}
