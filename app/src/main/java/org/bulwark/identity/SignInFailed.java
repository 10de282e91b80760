package org.bulwark.identity;

/** Event: a sign-in was refused (wrong password, unknown user or locked account). */
public record SignInFailed(String username, String reason) {
}
