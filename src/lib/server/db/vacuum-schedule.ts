/**
 * When the embedded database vacuums itself. PGlite runs no autovacuum, so without a VACUUM the
 * space of every deleted and replaced row — the log compaction folds, old snapshots, ended
 * sessions — stayed on disk for good. But a VACUUM holds the database's thread, and every commit
 * waits behind it: 6 ms when little changed, 23–66 ms after 10 s of 1,000 edits/s. In the
 * 200 × 5 benchmark, vacuums every 10 s delayed 0.5 % of edits by up to 60 ms, and that alone set
 * the p99 (16.1 ms; the same run without the edits they delayed: 12.7 ms).
 *
 * So a vacuum waits for a quiet moment: the database has answered nothing for `quietMs`, at least
 * `intervalMs` after the last one began. Under load that never pauses it runs anyway once
 * `maxDelayMs` have passed, so the space stays bounded. With no request since the last one there
 * is nothing to reclaim, and it does not run at all.
 *
 * The server's defaults (config.ts) are 10 s, 1 s and 60 s: under non-stop load a vacuum then
 * covers a minute of changes, holds the commits of that moment longer than the 10-second one did
 * (its time grows with the rows changed), and no more than a minute's dead rows wait for it.
 */
import type { ChannelActivity } from '../threads/request-channel';

export interface VacuumPolicy {
	/** The shortest time between the starts of two vacuums. */
	intervalMs: number;
	/** How long the database must have been idle for a vacuum to start. */
	quietMs: number;
	/** The longest a due vacuum waits for a quiet moment. */
	maxDelayMs: number;
}

/** What the scheduler knows of the database at a moment (times are performance.now()). */
export interface VacuumState {
	now: number;
	/** When the last vacuum began (or the schedule started). */
	lastVacuumAt: number;
	/** Whether any request was answered since the last vacuum ended. */
	changedSince: boolean;
	/** Requests awaiting an answer. */
	waiting: number;
	/** When the database last answered a request. */
	lastAnsweredAt: number;
}

/** Whether a vacuum should start now (see the module comment). */
export function vacuumDue(state: VacuumState, policy: VacuumPolicy): boolean {
	if (!state.changedSince) return false;
	const sinceVacuum = state.now - state.lastVacuumAt;
	if (sinceVacuum < policy.intervalMs) return false;
	if (sinceVacuum >= policy.maxDelayMs) return true;
	return state.waiting === 0 && state.now - state.lastAnsweredAt >= policy.quietMs;
}

/** The database as the scheduler drives it. */
export interface Vacuumable {
	activity(): ChannelActivity;
	vacuum(): Promise<unknown>;
}

/**
 * Vacuums `database` by `policy`, never two at once, on a timer that does not keep the process
 * alive; `onError` hears of a vacuum that failed. Returns the function that stops it.
 */
export function scheduleVacuum(
	database: Vacuumable,
	policy: VacuumPolicy,
	onError: (error: unknown) => void
): () => void {
	let lastVacuumAt = performance.now();
	let answeredAfterVacuum = database.activity().answered;
	let running = false;
	const check = () => {
		if (running) return;
		const activity = database.activity();
		const state: VacuumState = {
			now: performance.now(),
			lastVacuumAt,
			changedSince: activity.answered !== answeredAfterVacuum,
			waiting: activity.waiting,
			lastAnsweredAt: activity.lastAnsweredAt
		};
		if (!vacuumDue(state, policy)) return;
		running = true;
		lastVacuumAt = state.now;
		database
			.vacuum()
			.catch(onError)
			.finally(() => {
				// The vacuum's own answer is no change.
				answeredAfterVacuum = database.activity().answered;
				running = false;
			});
	};
	const timer = setInterval(check, Math.max(10, Math.min(policy.intervalMs, policy.quietMs) / 2));
	timer.unref();
	return () => clearInterval(timer);
}
