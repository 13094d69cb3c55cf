/**
 * Throttles failed logins per client address: after `maxFailures` failures within `windowMs`,
 * further attempts from that address are refused until the oldest failure leaves the window.
 * In memory, per process: with several instances each counts its own (see README).
 */
export interface ThrottleOptions {
	maxFailures: number;
	windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailures: 10, windowMs: 10 * 60 * 1000 };

/** Remembers recent failures per key and says how long a key must wait. */
export class LoginThrottle {
	private readonly failures = new Map<string, number[]>();

	constructor(private readonly options: ThrottleOptions = DEFAULT_THROTTLE) {}

	private recent(key: string, now: number): number[] {
		const since = now - this.options.windowMs;
		const kept = (this.failures.get(key) ?? []).filter((time) => time > since);
		if (kept.length === 0) this.failures.delete(key);
		else this.failures.set(key, kept);
		return kept;
	}

	/** Seconds `key` must wait before trying again, or 0 when it may try now. */
	retryAfterSeconds(key: string, now = Date.now()): number {
		const recent = this.recent(key, now);
		if (recent.length < this.options.maxFailures) return 0;
		const oldestThatCounts = recent[recent.length - this.options.maxFailures];
		return Math.max(1, Math.ceil((oldestThatCounts + this.options.windowMs - now) / 1000));
	}

	/** Records one failed attempt by `key`. */
	recordFailure(key: string, now = Date.now()): void {
		const recent = this.recent(key, now);
		recent.push(now);
		this.failures.set(key, recent);
		if (this.failures.size > 100_000) this.pruneAll(now);
	}

	/** Forgets `key`'s failures after a successful login. */
	reset(key: string): void {
		this.failures.delete(key);
	}

	private pruneAll(now: number): void {
		for (const key of [...this.failures.keys()]) this.recent(key, now);
	}
}

/** The process-wide throttle for the login endpoint and form. */
export const loginThrottle = new LoginThrottle();
