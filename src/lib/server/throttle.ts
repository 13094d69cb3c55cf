/**
 * Sliding-window attempt throttles: after `maxAttempts` recorded attempts by one key within
 * `windowMs`, that key must wait until the oldest attempt leaves the window. Logins count their
 * failures per client address; registrations every attempt per address and globally; password
 * checks failures per session and per user; secret-token guesses failures per address.
 * In memory, per process (shared by the SvelteKit bundle and the WebSocket server through
 * {@link sharedThrottle}): with several instances each counts its own (see README).
 */
import { AppError } from './errors';

export interface ThrottleOptions {
	maxAttempts: number;
	windowMs: number;
}

/** The most keys a throttle remembers before it prunes every key's expired attempts. */
const PRUNE_ABOVE_KEYS = 100_000;

/** Remembers recent attempts per key and says how long a key must wait. */
export class AttemptThrottle {
	/**
	 * @param attempts where the attempts are kept: a map of its own unless given one to share
	 *   (see {@link sharedThrottle})
	 */
	constructor(
		readonly options: ThrottleOptions,
		private readonly attempts = new Map<string, number[]>()
	) {}

	private recent(key: string, now: number): number[] {
		const since = now - this.options.windowMs;
		const kept = (this.attempts.get(key) ?? []).filter((time) => time > since);
		if (kept.length === 0) this.attempts.delete(key);
		else this.attempts.set(key, kept);
		return kept;
	}

	/** Seconds `key` must wait before trying again, or 0 when it may try now. */
	retryAfterSeconds(key: string, now = Date.now()): number {
		const recent = this.recent(key, now);
		if (recent.length < this.options.maxAttempts) return 0;
		const oldestThatCounts = recent[recent.length - this.options.maxAttempts];
		return Math.max(1, Math.ceil((oldestThatCounts + this.options.windowMs - now) / 1000));
	}

	/** Records one attempt by `key`. */
	record(key: string, now = Date.now()): void {
		const recent = this.recent(key, now);
		recent.push(now);
		this.attempts.set(key, recent);
		if (this.attempts.size > PRUNE_ABOVE_KEYS) this.pruneAll(now);
	}

	/** Forgets `key`'s attempts (after a success, where successes wipe the slate). */
	reset(key: string): void {
		this.attempts.delete(key);
	}

	/** Throws {@link tooManyAttempts} when `key` must wait; does not record anything. */
	assertAllowed(key: string, now = Date.now()): void {
		const waitSeconds = this.retryAfterSeconds(key, now);
		if (waitSeconds > 0) throw tooManyAttempts(waitSeconds);
	}

	private pruneAll(now: number): void {
		for (const key of [...this.attempts.keys()]) this.recent(key, now);
	}
}

/** The 429 answer every throttle gives, with `Retry-After` in seconds. */
export function tooManyAttempts(waitSeconds: number): AppError {
	return new AppError(
		429,
		'too_many_attempts',
		`Too many attempts. Try again in ${Math.ceil(waitSeconds / 60)} minute(s).`,
		undefined,
		{ 'Retry-After': String(waitSeconds) }
	);
}

const REGISTRY_KEY = Symbol.for('investflow.throttles');
type RegistrySlot = { [REGISTRY_KEY]?: Map<string, Map<string, number[]>> };

/**
 * A throttle whose attempts are the process's one record named `name`. The record lives on
 * `globalThis` because the SvelteKit bundle and the WebSocket server load separate copies of
 * this module, and a guesser must not get two allowances by switching between HTTP and
 * WebSocket; each copy keeps its own throttle object, so its errors are its own AppErrors.
 */
export function sharedThrottle(name: string, options: ThrottleOptions): AttemptThrottle {
	const slot = globalThis as RegistrySlot;
	slot[REGISTRY_KEY] ??= new Map();
	let attempts = slot[REGISTRY_KEY].get(name);
	if (!attempts) {
		attempts = new Map();
		slot[REGISTRY_KEY].set(name, attempts);
	}
	return new AttemptThrottle(options, attempts);
}
