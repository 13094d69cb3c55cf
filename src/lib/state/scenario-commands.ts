/**
 * What people do to scenarios, as calls on the open {@link WorkbookSession}: each runs one core
 * operation with the session's local origin (so undo tracks it — applying a scenario is one
 * undo step), refuses politely for viewers, and reports failures through `handleError`.
 */
import { applyScenario, createScenario, deleteScenario, renameScenario } from '$lib/core/scenarios';
import { handleError } from './handle-error';
import { toasts } from './toasts.svelte';
import type { WorkbookSession } from './workbook-session.svelte';

function run<T>(session: WorkbookSession, failure: string, change: () => T): T | null {
	if (session.readOnly) {
		toasts.show('You can view this workbook but not change it.');
		return null;
	}
	try {
		return change();
	} catch (error) {
		handleError(error, failure);
		return null;
	}
}

/** Creates a scenario (a copy of scenario `from` when given); returns its id, or null. */
export function createNewScenario(
	session: WorkbookSession,
	name: string,
	from: string | null
): string | null {
	return run(session, 'The scenario could not be created.', () =>
		createScenario(session.doc, { name, from, createdBy: session.userId }, session.origin)
	);
}

/** Renames a scenario; false when refused (taken or empty name). */
export function renameScenarioTo(session: WorkbookSession, id: string, name: string): boolean {
	return (
		run(session, 'The scenario could not be renamed.', () => {
			renameScenario(session.doc, id, name, session.origin);
			return true;
		}) ?? false
	);
}

/** Deletes a scenario; false when refused. */
export function deleteScenarioNamed(session: WorkbookSession, id: string): boolean {
	return (
		run(session, 'The scenario could not be deleted.', () => {
			deleteScenario(session.doc, id, session.origin);
			return true;
		}) ?? false
	);
}

/** Writes a scenario's overrides into the base, as one change everyone sees (one undo step). */
export function applyScenarioToBase(session: WorkbookSession, id: string): void {
	const done = run(session, 'The scenario could not be applied.', () => {
		session.undoManager.stopCapturing();
		applyScenario(session.doc, id, session.origin);
		return true;
	});
	if (done) toasts.show('Scenario applied to the base case. Undo takes it back.');
}
