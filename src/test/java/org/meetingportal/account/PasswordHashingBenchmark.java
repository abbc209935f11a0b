package org.meetingportal.account;

import java.util.Arrays;

/**
 * What one sign-in costs in CPU for the password check alone: PBKDF2-HMAC-SHA256 at 600,000 iterations.
 * Prints figures; asserts nothing. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.meetingportal.account.PasswordHashingBenchmark}.
 */
public final class PasswordHashingBenchmark {

    private PasswordHashingBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        PasswordHasher hasher = new PasswordHasher();
        String stored = hasher.hash("benchmark pass phrase");
        for (int i = 0; i < 3; i++) {
            hasher.verify("benchmark pass phrase", stored);
        }
        long[] millis = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            if (!hasher.verify("benchmark pass phrase", stored)) {
                throw new IllegalStateException("verification failed");
            }
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("PBKDF2-HMAC-SHA256, %d iterations, %d verifications on %d cores:%n",
                PasswordHasher.ITERATIONS, rounds, Runtime.getRuntime().availableProcessors());
        System.out.printf("  min %d ms, median %d ms, p90 %d ms, max %d ms%n", millis[0], millis[rounds / 2],
                millis[(int) (rounds * 0.9)], millis[rounds - 1]);
        System.out.printf("  => at most ~%.1f sign-ins per second per core%n", 1000.0 / millis[rounds / 2]);
    }
}
