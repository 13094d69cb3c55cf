import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleVacuum, vacuumDue, type VacuumState } from './vacuum-schedule';

const policy = { intervalMs: 10_000, quietMs: 1_000, maxDelayMs: 300_000 };

/** A state 20 s after the last vacuum, with a change, idle for 5 s: due. */
function state(overrides: Partial<VacuumState> = {}): VacuumState {
	return {
		now: 100_000,
		lastVacuumAt: 80_000,
		changedSince: true,
		waiting: 0,
		lastAnsweredAt: 95_000,
		...overrides
	};
}

describe('vacuumDue', () => {
	it('is due when something changed, the interval passed and the database is quiet', () => {
		expect(vacuumDue(state(), policy)).toBe(true);
	});

	it('is not due when nothing was answered since the last vacuum', () => {
		expect(vacuumDue(state({ changedSince: false }), policy)).toBe(false);
		expect(vacuumDue(state({ changedSince: false, lastVacuumAt: -1e9 }), policy)).toBe(false);
	});

	it('is not due sooner than the interval, however quiet', () => {
		expect(vacuumDue(state({ lastVacuumAt: 91_000, lastAnsweredAt: 0 }), policy)).toBe(false);
	});

	it('waits while requests are in flight or were answered within the quiet time', () => {
		expect(vacuumDue(state({ waiting: 1 }), policy)).toBe(false);
		expect(vacuumDue(state({ lastAnsweredAt: 99_500 }), policy)).toBe(false);
		expect(vacuumDue(state({ lastAnsweredAt: 99_000 }), policy)).toBe(true);
	});

	it('runs under load that never pauses once the longest delay has passed', () => {
		const busy = { waiting: 3, lastAnsweredAt: 100_000 };
		expect(vacuumDue(state({ ...busy, lastVacuumAt: 100_000 - 299_999 }), policy)).toBe(false);
		expect(vacuumDue(state({ ...busy, lastVacuumAt: 100_000 - 300_000 }), policy)).toBe(true);
	});
});

describe('scheduleVacuum', () => {
	beforeEach(() => {
		vi.useFakeTimers({
			toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance']
		});
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	/** A database whose requests are answered at once; `vacuums` counts the vacuums begun. */
	function fakeDatabase(vacuumMs = 0) {
		const database = {
			answered: 0,
			lastAnsweredAt: performance.now(),
			waiting: 0,
			vacuums: 0,
			answer() {
				database.answered++;
				database.lastAnsweredAt = performance.now();
			},
			activity: () => ({
				waiting: database.waiting,
				answered: database.answered,
				lastAnsweredAt: database.lastAnsweredAt
			}),
			vacuum: () => {
				database.vacuums++;
				database.waiting++;
				return new Promise<void>((resolve) =>
					setTimeout(() => {
						database.waiting--;
						database.answer();
						resolve();
					}, vacuumMs)
				);
			}
		};
		return database;
	}

	it('vacuums once after a change and a quiet second, and not again while nothing changes', async () => {
		const database = fakeDatabase();
		const stop = scheduleVacuum(database, policy, () => {});
		database.answer();
		await vi.advanceTimersByTimeAsync(9_000);
		expect(database.vacuums).toBe(0);
		await vi.advanceTimersByTimeAsync(1_500);
		expect(database.vacuums).toBe(1);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(database.vacuums).toBe(1);
		stop();
	});

	it('defers to sustained load until the longest delay, then vacuums anyway', async () => {
		const database = fakeDatabase();
		const stop = scheduleVacuum(database, policy, () => {});
		for (let elapsed = 0; elapsed < 299_000; elapsed += 100) {
			database.answer();
			await vi.advanceTimersByTimeAsync(100);
		}
		expect(database.vacuums).toBe(0);
		for (let elapsed = 0; elapsed < 2_000; elapsed += 100) {
			database.answer();
			await vi.advanceTimersByTimeAsync(100);
		}
		expect(database.vacuums).toBe(1);
		stop();
	});

	it('never starts a vacuum while the last one runs, and reports a failed one', async () => {
		const database = fakeDatabase(30_000);
		const errors: unknown[] = [];
		const stop = scheduleVacuum(
			{
				activity: database.activity,
				vacuum: () => database.vacuum().then(() => Promise.reject(new Error('disk full')))
			},
			{ ...policy, maxDelayMs: 10_000 },
			(error) => errors.push(error)
		);
		database.answer();
		await vi.advanceTimersByTimeAsync(25_000);
		expect(database.vacuums).toBe(1);
		await vi.advanceTimersByTimeAsync(20_000);
		expect(errors).toEqual([new Error('disk full')]);
		stop();
	});
});
