/**
 * The process-wide throttles of the account endpoints, each an {@link AttemptThrottle}. Limits
 * that tests or a busy deployment may need to change are read from the environment at first use.
 */
import { readPositiveInteger } from './config';
import { sharedThrottle, type AttemptThrottle } from './throttle';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/** `maxAttempts` within any `windowMs`. */
const perWindow = (maxAttempts: number, windowMs: number) => ({ maxAttempts, windowMs });

/** Failed logins per client address: 10 in 10 minutes. */
export const loginThrottle = sharedThrottle('login', perWindow(10, 10 * MINUTE_MS));

/** Wrong current passwords per session: 5 in 15 minutes. */
export const passwordCheckPerSession = sharedThrottle(
	'password-check-session',
	perWindow(5, 15 * MINUTE_MS)
);

/** Wrong current passwords per user, across all their sessions: 10 in an hour. */
export const passwordCheckPerUser = sharedThrottle('password-check-user', perWindow(10, HOUR_MS));

/**
 * Wrong secret tokens (share links, invitations, email verification, password reset) per client
 * address: 20 in 10 minutes. A token has 160 random bits, so this only slows a noisy guesser and
 * keeps the log quiet; it never makes guessing feasible.
 */
export const tokenGuessThrottle = sharedThrottle('token-guess', perWindow(20, 10 * MINUTE_MS));

/** Password-reset requests per email address and per client address: 5 an hour each. */
export const passwordResetThrottle = sharedThrottle('password-reset', perWindow(5, HOUR_MS));

/**
 * "Someone tried to register your address" notices per address: 3 an hour, so registering a
 * taken address over and over (from many client addresses) cannot flood its owner's inbox.
 */
export const accountNoticeThrottle = sharedThrottle('account-notice', perWindow(3, HOUR_MS));

/** Verification emails sent again on request, per account: 3 an hour. */
export const verificationResendThrottle = sharedThrottle(
	'verification-resend',
	perWindow(3, HOUR_MS)
);

let registration: { perAddress: AttemptThrottle; global: AttemptThrottle } | undefined;

/**
 * Registration attempts per client address (`REGISTRATION_LIMIT_PER_ADDRESS`, default 20 an
 * hour) and for the whole server (`REGISTRATION_LIMIT_GLOBAL`, default 500 an hour).
 */
export function registrationThrottles(env: NodeJS.ProcessEnv = process.env) {
	registration ??= {
		perAddress: sharedThrottle(
			'registration-address',
			perWindow(
				readPositiveInteger(
					'REGISTRATION_LIMIT_PER_ADDRESS',
					env.REGISTRATION_LIMIT_PER_ADDRESS,
					20
				),
				HOUR_MS
			)
		),
		global: sharedThrottle(
			'registration-global',
			perWindow(
				readPositiveInteger('REGISTRATION_LIMIT_GLOBAL', env.REGISTRATION_LIMIT_GLOBAL, 500),
				HOUR_MS
			)
		)
	};
	return registration;
}
