/**
 * Where automatic versions are cut: pure arithmetic over the committed updates' server times.
 * A session is a run of edits with gaps shorter than the idle time; it is cut when the next
 * edit comes after the idle time, when it has lasted the longest a session may, or when the
 * idle time has passed since its last edit.
 */
import type { HistoryCursor } from '../db/schema';

/** The open session, as the history cursor keeps it. */
export interface SessionState {
	startedAt: number | null;
	lastEditAt: number | null;
	editors: string[];
}

/** A committed update as the planner sees it. */
export interface TimedEdit {
	at: number;
	userId: string | null;
}

/** One version to cut: it holds the open session up to (not including) edit `before`. */
export interface PlannedCut {
	before: number;
	/** Its time: the session's last edit. */
	at: number;
	editors: string[];
}

/**
 * Plans the cuts for `edits` (in commit order) following `session`; returns them and the
 * session left open after the last edit. Cuts only where the log proves a session ended (the
 * tail is {@link isIdle}'s question).
 */
export function planCuts(
	session: SessionState,
	edits: readonly TimedEdit[],
	limits: { idleMs: number; maxSessionMs: number }
): { cuts: PlannedCut[]; session: SessionState } {
	const cuts: PlannedCut[] = [];
	let { startedAt, lastEditAt } = session;
	let editors = new Set(session.editors);
	edits.forEach((edit, index) => {
		if (startedAt !== null && lastEditAt !== null) {
			const idle = edit.at - lastEditAt >= limits.idleMs;
			const long = edit.at - startedAt >= limits.maxSessionMs;
			if (idle || long) {
				cuts.push({ before: index, at: lastEditAt, editors: [...editors] });
				startedAt = null;
				editors = new Set();
			}
		}
		startedAt ??= edit.at;
		lastEditAt = edit.at;
		if (edit.userId) editors.add(edit.userId);
	});
	return { cuts, session: { startedAt, lastEditAt, editors: [...editors] } };
}

/** True when the open session has had no edit for the idle time at `now`. */
export function isIdle(session: SessionState, now: number, idleMs: number): boolean {
	return session.lastEditAt !== null && now - session.lastEditAt >= idleMs;
}

/** The open session a history cursor records. */
export function sessionOf(cursor: HistoryCursor): SessionState {
	return {
		startedAt: cursor.sessionStartedAt?.getTime() ?? null,
		lastEditAt: cursor.lastEditAt?.getTime() ?? null,
		editors: cursor.sessionEditors
	};
}

/** A session time as the cursor stores it. */
export function dateOf(ms: number | null): Date | null {
	return ms === null ? null : new Date(ms);
}
