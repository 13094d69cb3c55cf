/**
 * Receipts and documents attached to a workbook or one of its ledger rows. Bytes live in
 * PostgreSQL (bytea; PGlite alike), stored once per workbook and SHA-256 (attachment_blob), and
 * count once against the workbook's quota (ATTACHMENT_QUOTA_BYTES, 413 past it). Types are
 * decided by magic bytes (file-types.ts). Editors attach and delete; viewers and view-only links
 * list and read. Deleting the workbook deletes them (foreign keys cascade).
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { axisOf } from '../../core/document-view';
import { requireLedger } from '../../core/books/ledger-doc';
import { getRoomRegistry } from '../collab/room-registry';
import { getConfig } from '../config';
import { getDb } from '../db';
import { attachment, attachmentBlob, workbook } from '../db/schema';
import { AppError, invalidInput, notFound } from '../errors';
import type { Requester } from '../workbook-access';
import { generateWorkbookId, requireRole } from '../workbooks';
import { inBooksRoom } from './books-errors';
import { sniffAttachmentType, type AttachmentType } from './file-types';

/** Largest attachment accepted. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Longest file name kept. */
const MAX_NAME_LENGTH = 200;

/** An attachment as the API lists it. */
export interface AttachmentInfo {
	id: string;
	name: string;
	size: number;
	type: AttachmentType;
	sha256: string;
	/** The ledger row's stable id, or null when attached to the workbook. */
	row: string | null;
	createdAt: string;
}

const EXTENSIONS: Record<AttachmentType, string> = {
	'application/pdf': 'pdf',
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/heic': 'heic'
};

/** A file name safe to store and to put in a header: no path, no control characters. */
export function cleanFileName(name: string | null, type: AttachmentType): string {
	const base = (name ?? '').split(/[\\/]/).pop() ?? '';
	const cleaned = [...base.normalize('NFC')]
		.filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f && char !== '"')
		.join('')
		.trim()
		.slice(0, MAX_NAME_LENGTH);
	return cleaned || `attachment.${EXTENSIONS[type]}`;
}

/**
 * The ledger row `row` names (a 1-based row number from 2, or a row id) as its stable id; 404
 * when the Ledger has no such row.
 */
async function resolveLedgerRow(workbookId: string, row: string): Promise<string> {
	return inBooksRoom(() =>
		getRoomRegistry().read(workbookId, (doc) => {
			const ids = axisOf(doc, requireLedger(doc), 'rows').ids;
			const index = /^\d+$/.test(row) ? Number(row) - 1 : ids.indexOf(row);
			if (index < 1 || index >= ids.length) {
				throw new AppError(404, 'unknown_row', `The Ledger has no row ${row}.`);
			}
			return ids[index];
		})
	);
}

function toInfo(row: typeof attachment.$inferSelect): AttachmentInfo {
	return {
		id: row.id,
		name: row.name,
		size: row.size,
		type: row.type as AttachmentType,
		sha256: row.sha256,
		row: row.rowId,
		createdAt: row.createdAt.toISOString()
	};
}

/**
 * Stores `bytes` as an attachment of `workbookId` (tied to ledger `row` when given). 422
 * `unsupported_type` unless its bytes are PDF, JPEG, PNG or HEIC (or when a declared type of
 * those contradicts them); 413 past the size limit or the quota.
 */
export async function addAttachment(
	userId: string,
	workbookId: string,
	file: { bytes: Uint8Array; declaredType: string | null; name: string | null; row: string | null }
): Promise<AttachmentInfo> {
	await requireRole(userId, workbookId, 'editor');
	const { bytes } = file;
	if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
		throw new AppError(413, 'file_too_large', 'An attachment may be at most 10 MiB.');
	}
	const type = sniffAttachmentType(bytes);
	if (!type) {
		throw new AppError(
			422,
			'unsupported_type',
			'Only PDF, JPEG, PNG and HEIC files can be attached; this file is none of them.'
		);
	}
	const declared = (file.declaredType ?? '').split(';')[0].trim().toLowerCase();
	const known = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif'];
	if (
		known.includes(declared) &&
		declared !== type &&
		!(declared === 'image/heif' && type === 'image/heic')
	) {
		throw new AppError(
			422,
			'type_mismatch',
			`The file was sent as ${declared}, but its contents are ${type}.`
		);
	}
	const rowId = file.row ? await resolveLedgerRow(workbookId, file.row) : null;
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const quota = getConfig().attachmentQuotaBytes;
	const id = generateWorkbookId();
	const db = await getDb();
	const stored = await db.transaction(async (tx) => {
		// One upload at a time per workbook past this point, so two cannot both fit the quota.
		const [locked] = await tx
			.select({ id: workbook.id })
			.from(workbook)
			.where(eq(workbook.id, workbookId))
			.for('update');
		if (!locked) throw notFound('This workbook');
		const [existing] = await tx
			.select({ sha256: attachmentBlob.sha256 })
			.from(attachmentBlob)
			.where(and(eq(attachmentBlob.workbookId, workbookId), eq(attachmentBlob.sha256, sha256)));
		if (!existing) {
			const [{ used }] = await tx
				.select({ used: sql<string>`coalesce(sum(${attachmentBlob.size}), 0)` })
				.from(attachmentBlob)
				.where(eq(attachmentBlob.workbookId, workbookId));
			if (Number(used) + bytes.byteLength > quota) {
				throw new AppError(
					413,
					'quota_exceeded',
					`This workbook's attachments would exceed its ${formatBytes(quota)} quota ` +
						`(${formatBytes(Number(used))} used); delete some first.`
				);
			}
			await tx.insert(attachmentBlob).values({ workbookId, sha256, size: bytes.byteLength, bytes });
		}
		const [row] = await tx
			.insert(attachment)
			.values({
				id,
				workbookId,
				sha256,
				name: cleanFileName(file.name, type),
				type,
				size: bytes.byteLength,
				rowId,
				createdBy: userId
			})
			.returning();
		return row;
	});
	return toInfo(stored);
}

function formatBytes(bytes: number): string {
	if (bytes >= 1024 ** 3) return `${Math.round((bytes / 1024 ** 3) * 10) / 10} GiB`;
	if (bytes >= 1024 ** 2) return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MiB`;
	return `${Math.round(bytes / 1024)} KiB`;
}

/** The workbook's attachments, newest first; `row` limits them to one ledger row's. */
export async function listAttachments(
	who: Requester,
	workbookId: string,
	row: string | null
): Promise<AttachmentInfo[]> {
	await requireRole(who, workbookId, 'viewer');
	const rowId = row ? await resolveLedgerRow(workbookId, row) : null;
	const db = await getDb();
	const rows = await db
		.select()
		.from(attachment)
		.where(
			rowId
				? and(eq(attachment.workbookId, workbookId), eq(attachment.rowId, rowId))
				: eq(attachment.workbookId, workbookId)
		);
	rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : 1));
	return rows.map(toInfo);
}

/** One attachment with its bytes; 404 unless it belongs to the workbook. */
export async function readAttachment(
	who: Requester,
	workbookId: string,
	attachmentId: string
): Promise<AttachmentInfo & { bytes: Uint8Array }> {
	await requireRole(who, workbookId, 'viewer');
	const db = await getDb();
	const [row] = await db
		.select({ info: attachment, bytes: attachmentBlob.bytes })
		.from(attachment)
		.innerJoin(
			attachmentBlob,
			and(
				eq(attachmentBlob.workbookId, attachment.workbookId),
				eq(attachmentBlob.sha256, attachment.sha256)
			)
		)
		.where(and(eq(attachment.id, attachmentId), eq(attachment.workbookId, workbookId)));
	if (!row) throw notFound('This attachment');
	return { ...toInfo(row.info), bytes: row.bytes };
}

/** Deletes an attachment (editors), and its bytes when no other attachment shares them. */
export async function deleteAttachment(
	userId: string,
	workbookId: string,
	attachmentId: string
): Promise<void> {
	await requireRole(userId, workbookId, 'editor');
	if (!attachmentId) throw invalidInput('Name the attachment.', 'aid');
	const db = await getDb();
	await db.transaction(async (tx) => {
		const [removed] = await tx
			.delete(attachment)
			.where(and(eq(attachment.id, attachmentId), eq(attachment.workbookId, workbookId)))
			.returning({ sha256: attachment.sha256 });
		if (!removed) throw notFound('This attachment');
		const [shared] = await tx
			.select({ id: attachment.id })
			.from(attachment)
			.where(and(eq(attachment.workbookId, workbookId), eq(attachment.sha256, removed.sha256)))
			.limit(1);
		if (!shared) {
			await tx
				.delete(attachmentBlob)
				.where(
					and(eq(attachmentBlob.workbookId, workbookId), eq(attachmentBlob.sha256, removed.sha256))
				);
		}
	});
}
