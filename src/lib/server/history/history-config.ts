/**
 * How versions are cut and kept (see the README's configuration table): `HISTORY_*` variables
 * over defaults, validated like the rest of the server's configuration. `now` is the clock the
 * idle cut and retention compare against, injectable so tests need not wait ten minutes.
 */
import { readPositiveInteger } from '../config';

/** See the README's configuration table. */
export interface HistoryConfig {
	/** A session ends (and its automatic version is cut) after this long without edits. */
	idleMs: number;
	/** A long session is cut at least this often. */
	maxSessionMs: number;
	/** How often the server looks for log rows to digest and sessions gone idle. */
	sweepIntervalMs: number;
	/** Every automatic version younger than this is kept. */
	keepAllMs: number;
	/** Then one a day until this age; then one a month. */
	keepDailyMs: number;
	/** A version is stored whole after this many deltas in a row. */
	keyframeEvery: number;
	/** The clock, in ms since the epoch. */
	now: () => number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The defaults: 10 minutes idle, hourly, all for 48 h, daily for 60 days. */
export const HISTORY_DEFAULTS: HistoryConfig = {
	idleMs: 10 * 60_000,
	maxSessionMs: HOUR,
	sweepIntervalMs: 60_000,
	keepAllMs: 48 * HOUR,
	keepDailyMs: 60 * DAY,
	keyframeEvery: 32,
	now: () => Date.now()
};

/** Reads the history settings from `env`; throws a ConfigError naming a bad variable. */
export function readHistoryConfig(env: NodeJS.ProcessEnv = process.env): HistoryConfig {
	const d = HISTORY_DEFAULTS;
	return {
		idleMs: readPositiveInteger('HISTORY_IDLE_MS', env.HISTORY_IDLE_MS, d.idleMs),
		maxSessionMs: readPositiveInteger(
			'HISTORY_MAX_SESSION_MS',
			env.HISTORY_MAX_SESSION_MS,
			d.maxSessionMs
		),
		sweepIntervalMs: readPositiveInteger(
			'HISTORY_SWEEP_INTERVAL_MS',
			env.HISTORY_SWEEP_INTERVAL_MS,
			d.sweepIntervalMs
		),
		keepAllMs: readPositiveInteger('HISTORY_KEEP_ALL_MS', env.HISTORY_KEEP_ALL_MS, d.keepAllMs),
		keepDailyMs: readPositiveInteger(
			'HISTORY_KEEP_DAILY_MS',
			env.HISTORY_KEEP_DAILY_MS,
			d.keepDailyMs
		),
		keyframeEvery: readPositiveInteger(
			'HISTORY_KEYFRAME_EVERY',
			env.HISTORY_KEYFRAME_EVERY,
			d.keyframeEvery
		),
		now: d.now
	};
}
