/**
 * The database schema. Tables are singular snake_case, TypeScript keys camelCase. Migrations are
 * generated from this file with `npm run db:generate` and committed in `drizzle/`.
 */
import {
	bigserial,
	bigint,
	customType,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';

/** Binary column; postgres.js returns a Buffer, PGlite a Uint8Array — both are Uint8Arrays. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const user = pgTable(
	'user',
	{
		id: text('id').primaryKey(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		/** When the owner of `email` proved it by opening a link sent there; null until then. */
		emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(table) => [uniqueIndex('user_email_unique').on(table.email)]
);

/**
 * Single-use secrets emailed to a user: `verify_email` (proves they own `email`) and
 * `password_reset`. Only the token's SHA-256 is stored; `usedAt` is set when it is spent.
 */
export const authToken = pgTable(
	'auth_token',
	{
		tokenHash: text('token_hash').primaryKey(),
		/** 'verify_email' | 'password_reset' */
		purpose: text('purpose').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** The address the link was sent to (verification proves exactly this one). */
		email: text('email').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(table) => [index('auth_token_user_idx').on(table.userId, table.purpose)]
);

export const session = pgTable(
	'session',
	{
		/** SHA-256 of the token, hex: the token itself is never stored. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
		userAgent: text('user_agent'),
		ipAddress: text('ip_address')
	},
	(table) => [index('session_user_idx').on(table.userId)]
);

export const workbook = pgTable(
	'workbook',
	{
		id: text('id').primaryKey(),
		title: text('title').notNull(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		template: text('template'),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		lastEditedBy: text('last_edited_by').references(() => user.id, { onDelete: 'set null' })
	},
	(table) => [index('workbook_owner_idx').on(table.ownerId)]
);

export const workbookMember = pgTable(
	'workbook_member',
	{
		workbookId: text('workbook_id')
			.notNull()
			.references(() => workbook.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** 'owner' | 'editor' | 'viewer' */
		role: text('role').notNull(),
		createdAt: createdAt()
	},
	(table) => [
		primaryKey({ columns: [table.workbookId, table.userId] }),
		index('workbook_member_user_idx').on(table.userId)
	]
);

/**
 * The Yjs update log: every accepted update, with its author, committed before it is relayed.
 * It has no foreign keys: each would cost a row-locking lookup per appended update on the group
 * commit's hot path (a third of PGlite's time per commit). The commit pipeline only appends for
 * loaded workbooks, deleting a workbook deletes its log (deleteWorkbook), and users are never
 * deleted, so an author id always names the person who wrote the update.
 */
export const documentUpdate = pgTable(
	'document_update',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		workbookId: text('workbook_id').notNull(),
		update: bytea('update').notNull(),
		userId: text('user_id'),
		createdAt: createdAt()
	},
	(table) => [index('document_update_workbook_idx').on(table.workbookId, table.id)]
);

/**
 * A compacted document state covering every update with id ≤ `throughUpdateId`. A state larger
 * than one part (see persistence.ts) is split: `state` holds its first part and
 * document_snapshot_part the other `partCount - 1`, written under this row's `writeId`. `state`
 * is stored uncompressed (migration 0003): compressing it cost most of a snapshot write.
 */
export const documentSnapshot = pgTable('document_snapshot', {
	workbookId: text('workbook_id')
		.primaryKey()
		.references(() => workbook.id, { onDelete: 'cascade' }),
	state: bytea('state').notNull(),
	throughUpdateId: bigint('through_update_id', { mode: 'number' }).notNull(),
	updateCount: integer('update_count').notNull().default(0),
	partCount: integer('part_count').notNull().default(1),
	writeId: text('write_id').notNull().default(''),
	createdAt: createdAt()
});

/**
 * Part `seq` (1, 2, …) of a large snapshot, one statement each, so that on PGlite's one database
 * thread no commit waits behind a whole multi-megabyte write. Parts belong to the snapshot whose
 * row has their `throughUpdateId` and `writeId`; those of a write that never committed its row
 * are deleted by a later compaction. Stored uncompressed, like `state` (migration 0004).
 */
export const documentSnapshotPart = pgTable(
	'document_snapshot_part',
	{
		workbookId: text('workbook_id')
			.notNull()
			.references(() => workbook.id, { onDelete: 'cascade' }),
		throughUpdateId: bigint('through_update_id', { mode: 'number' }).notNull(),
		writeId: text('write_id').notNull(),
		seq: integer('seq').notNull(),
		bytes: bytea('bytes').notNull()
	},
	(table) => [
		primaryKey({ columns: [table.workbookId, table.throughUpdateId, table.writeId, table.seq] })
	]
);

export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;
export type Workbook = typeof workbook.$inferSelect;
export type WorkbookMember = typeof workbookMember.$inferSelect;

/**
 * A pending invitation by email. It becomes a membership only when a signed-in person opens its
 * link (`tokenHash`: SHA-256 of a single-use token emailed to the address) and accepts, or when
 * the owner of the address verifies it. Invitations made before links existed have no token.
 */
export const workbookInvite = pgTable(
	'workbook_invite',
	{
		workbookId: text('workbook_id')
			.notNull()
			.references(() => workbook.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		/** 'editor' | 'viewer' */
		role: text('role').notNull(),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		tokenHash: text('token_hash'),
		createdAt: createdAt()
	},
	(table) => [
		primaryKey({ columns: [table.workbookId, table.email] }),
		index('workbook_invite_email_idx').on(table.email),
		uniqueIndex('workbook_invite_token_hash_unique').on(table.tokenHash)
	]
);

/** A view-only link for people without an account; only the token's SHA-256 is stored. */
export const shareLink = pgTable(
	'share_link',
	{
		id: text('id').primaryKey(),
		workbookId: text('workbook_id')
			.notNull()
			.references(() => workbook.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull(),
		label: text('label').notNull(),
		role: text('role').notNull().default('viewer'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		/** A link pinned to a named version shows only that version, never the live workbook. */
		versionId: text('version_id').references(() => workbookVersion.id, { onDelete: 'cascade' })
	},
	(table) => [
		uniqueIndex('share_link_token_hash_unique').on(table.tokenHash),
		index('share_link_workbook_idx').on(table.workbookId)
	]
);

/** The sharing audit trail: who invited, changed, removed, created, used or revoked what. */
export const shareEvent = pgTable(
	'share_event',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		workbookId: text('workbook_id')
			.notNull()
			.references(() => workbook.id, { onDelete: 'cascade' }),
		actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
		/** invite | role_change | removal | leave | ownership_transfer | link_created | link_used | link_revoked */
		kind: text('kind').notNull(),
		/** Whom or what it concerned: an email, a user id, a link id. */
		subject: text('subject'),
		detail: text('detail'),
		createdAt: createdAt()
	},
	(table) => [index('share_event_workbook_idx').on(table.workbookId, table.id)]
);

export type ShareLink = typeof shareLink.$inferSelect;
export type ShareEvent = typeof shareEvent.$inferSelect;

/**
 * Bank statement column mappings remembered per workbook and file layout (the header
 * signature, core/books/statement-table.ts), so the next statement imports in one click.
 */
export const ledgerMapping = pgTable(
	'ledger_mapping',
	{
		workbookId: text('workbook_id')
			.notNull()
			.references(() => workbook.id, { onDelete: 'cascade' }),
		signature: text('signature').notNull(),
		/** The mapping as JSON (core/books/statement-mapping.ts' StatementMapping). */
		mapping: text('mapping').notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.workbookId, table.signature] })]
);

/**
 * Attachment bytes, stored once per workbook and content (SHA-256): the same receipt attached
 * twice costs its size once, in storage and in the workbook's quota.
 */
export const attachmentBlob = pgTable(
	'attachment_blob',
	{
		workbookId: text('workbook_id')
			.notNull()
			.references(() => workbook.id, { onDelete: 'cascade' }),
		sha256: text('sha256').notNull(),
		size: bigint('size', { mode: 'number' }).notNull(),
		bytes: bytea('bytes').notNull(),
		createdAt: createdAt()
	},
	(table) => [primaryKey({ columns: [table.workbookId, table.sha256] })]
);

/** A file attached to a workbook, and to one of its ledger rows when `rowId` is set. */
export const attachment = pgTable(
	'attachment',
	{
		id: text('id').primaryKey(),
		workbookId: text('workbook_id')
			.notNull()
			.references(() => workbook.id, { onDelete: 'cascade' }),
		sha256: text('sha256').notNull(),
		name: text('name').notNull(),
		/** The type its magic bytes proved: application/pdf, image/jpeg, image/png or image/heic. */
		type: text('type').notNull(),
		size: bigint('size', { mode: 'number' }).notNull(),
		/** The ledger row's stable id (the document's row id), or null for the workbook. */
		rowId: text('row_id'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(table) => [index('attachment_workbook_idx').on(table.workbookId, table.rowId)]
);

export type Attachment = typeof attachment.$inferSelect;

/**
 * A workbook's published outputs (portfolio dashboard, `WORKBOOK()`): one row per workbook,
 * written by the debounced recompute on the evaluation workers (portfolio/output-recompute.ts),
 * so a portfolio read is one row per workbook and never an evaluation.
 *
 * - `chosenNames`: the defined names a person marked as outputs; null = the template's defaults.
 * - `values`: name → value as computed (a number, text, boolean, null, `{error}` or, for a range,
 *   a list of values), for the document state through update `throughUpdateId`.
 * - `scheduleE`: tax year → Schedule E line → amount, from the workbook's ledger (null without).
 * - `references`: what its `WORKBOOK()` calls name (normalised) and the workbook each resolved to
 *   (cycle checks, and recomputing it when a source's outputs change).
 * - `error`: why the last recompute failed (the previous values stay, marked stale).
 */
export const workbookOutput = pgTable('workbook_output', {
	workbookId: text('workbook_id')
		.primaryKey()
		.references(() => workbook.id, { onDelete: 'cascade' }),
	chosenNames: jsonb('chosen_names').$type<string[] | null>(),
	values: jsonb('values').$type<Record<string, unknown>>().notNull().default({}),
	scheduleE: jsonb('schedule_e').$type<Record<string, Record<string, number>> | null>(),
	references: jsonb('references')
		.$type<{ ref: string; id: string | null }[]>()
		.notNull()
		.default([]),
	throughUpdateId: bigint('through_update_id', { mode: 'number' }).notNull().default(-1),
	computedAt: timestamp('computed_at', { withTimezone: true }),
	chosenAt: timestamp('chosen_at', { withTimezone: true }),
	error: text('error')
});

/**
 * A version of a workbook's document: automatic (one per editing session, thinned with age) or
 * named (kept forever). `state` is a Yjs update: the whole document when `baseVersionId` is null
 * (a keyframe), otherwise the change from the base version to this one (the committed updates
 * between them, merged), so a version costs about what was edited in it. `depth` counts the
 * deltas back to the keyframe, which bounds what reading a version applies (history/).
 */
export const workbookVersion = pgTable(
	'workbook_version',
	{
		id: text('id').primaryKey(),
		workbookId: text('workbook_id')
			.notNull()
			.references(() => workbook.id, { onDelete: 'cascade' }),
		/** Order within the workbook (1, 2, …). */
		seq: integer('seq').notNull(),
		/** 'auto' | 'named' */
		kind: text('kind').notNull(),
		name: text('name'),
		/** The newest committed update the version holds. */
		throughUpdateId: bigint('through_update_id', { mode: 'number' }).notNull(),
		/** Who edited in the version's session (user ids). */
		editors: text('editors').array().notNull().default([]),
		baseVersionId: text('base_version_id'),
		depth: integer('depth').notNull().default(0),
		state: bytea('state').notNull(),
		/** When the document was in this state: the session's last edit, or when it was named. */
		createdAt: createdAt()
	},
	(table) => [uniqueIndex('workbook_version_seq_unique').on(table.workbookId, table.seq)]
);

/**
 * One change of one cell's input, derived from a committed update (so its author and time are
 * the server's). Keyed by identity (sheet, `rowId:colId`), so it follows the cell through row
 * and column moves, and kept after compaction deletes the update itself.
 */
export const cellHistory = pgTable(
	'cell_history',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		workbookId: text('workbook_id')
			.notNull()
			.references(() => workbook.id, { onDelete: 'cascade' }),
		sheetId: text('sheet_id').notNull(),
		cellKey: text('cell_key').notNull(),
		updateId: bigint('update_id', { mode: 'number' }).notNull(),
		userId: text('user_id'),
		at: timestamp('at', { withTimezone: true }).notNull(),
		before: text('before').notNull(),
		after: text('after').notNull()
	},
	(table) => [
		index('cell_history_cell_idx').on(table.workbookId, table.sheetId, table.cellKey, table.id),
		index('cell_history_update_idx').on(table.workbookId, table.updateId)
	]
);

/**
 * How far a workbook's history has read its update log: every update with id ≤
 * `throughUpdateId` has its cell history, and those after the latest version are merged in
 * `pending` (the open session: when it began, its last edit and its editors).
 */
export const historyCursor = pgTable('history_cursor', {
	workbookId: text('workbook_id')
		.primaryKey()
		.references(() => workbook.id, { onDelete: 'cascade' }),
	throughUpdateId: bigint('through_update_id', { mode: 'number' }).notNull(),
	latestVersionId: text('latest_version_id').notNull(),
	pending: bytea('pending').notNull(),
	sessionStartedAt: timestamp('session_started_at', { withTimezone: true }),
	lastEditAt: timestamp('last_edit_at', { withTimezone: true }),
	sessionEditors: text('session_editors').array().notNull().default([])
});

export type WorkbookVersion = typeof workbookVersion.$inferSelect;
export type HistoryCursor = typeof historyCursor.$inferSelect;
