/**
 * What a change must satisfy, beyond decoding, before the pipeline stores it: the document
 * schema (see update-schema.ts), for a socket's update the formula limits typed input obeys
 * (update-formula-limits.ts; API changes met them where they were typed), the per-update size cap and the per-workbook size quota
 * (`workbookMaxBytes`, compared with the room's stored bytes). Socket updates are checked before
 * they are applied and refused with a {@link RejectedUpdateError}; API changes can only be
 * measured after they ran, so their refusal is an {@link AppError} for the caller and the
 * pipeline reloads the room. Every check costs in proportion to the change, not the document.
 */
import * as Y from 'yjs';
import { LimitExceededError } from '../../core/errors';
import { AppError } from '../errors';
import type { CollabConfig } from './collab-config';
import type { Room } from './room';
import { checkUpdateFormulaLimits } from './update-formula-limits';
import { checkUpdateSchema, SchemaViolationError } from './update-schema';
import { RejectedUpdateError } from './update-validation';

type Structs = ReturnType<typeof Y.decodeUpdate>['structs'];

/** True when storing `bytes` more would take the room's stored document past the quota. */
function overQuota(room: Room, bytes: number, config: CollabConfig): boolean {
	return room.storedBytes + bytes > config.workbookMaxBytes;
}

/**
 * Throws {@link RejectedUpdateError} (kind `schema` or `quota`) unless a socket's decoded update
 * fits the schema, its formulas the formula limits (kind `schema` too: the socket closes 4400),
 * and the quota. An update holding only deletions always fits the quota.
 */
export function admitSocketUpdate(
	room: Room,
	update: Uint8Array,
	structs: Structs,
	config: CollabConfig
): void {
	try {
		checkUpdateFormulaLimits(room.doc, checkUpdateSchema(room.doc, structs));
	} catch (error) {
		if (error instanceof SchemaViolationError) {
			throw new RejectedUpdateError(error.reason, 'schema');
		}
		if (error instanceof LimitExceededError) {
			throw new RejectedUpdateError(error.message, 'schema');
		}
		throw error;
	}
	if (structs.length > 0 && overQuota(room, update.length, config)) {
		throw new RejectedUpdateError('the workbook is at its size limit', 'quota');
	}
}

/** The API error for a workbook at its size limit (413 `workbook_too_large`). */
export function workbookTooLarge(config: CollabConfig): AppError {
	return new AppError(
		413,
		'workbook_too_large',
		`This workbook has reached its size limit of ${config.workbookMaxBytes} bytes; delete content to make room.`
	);
}

/**
 * The refusal of any API change to a room already at its quota (an API change's size is only
 * known once it ran, and refusing it then costs everyone a reload), or null.
 */
export function refusalOfFullWorkbook(room: Room, config: CollabConfig): AppError | null {
	return room.storedBytes >= config.workbookMaxBytes ? workbookTooLarge(config) : null;
}

/**
 * Why the update an API change produced may not be stored (as the API error), or null: the
 * same size cap, quota and schema as a socket's update.
 */
export function refusalOfApiChange(
	room: Room,
	update: Uint8Array,
	config: CollabConfig
): AppError | null {
	if (update.length > config.maxUpdateBytes) {
		return new AppError(
			413,
			'update_too_large',
			`One change may be at most ${config.maxUpdateBytes} bytes; this one is ${update.length}.`
		);
	}
	const { structs } = Y.decodeUpdate(update);
	if (structs.length > 0 && overQuota(room, update.length, config)) return workbookTooLarge(config);
	try {
		checkUpdateSchema(room.doc, structs);
	} catch (error) {
		if (!(error instanceof SchemaViolationError)) throw error;
		return new AppError(400, 'invalid_document', `The change was refused: ${error.reason}.`);
	}
	return null;
}
