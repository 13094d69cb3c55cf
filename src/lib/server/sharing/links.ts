/**
 * View-only share links for people without an account (the CPA case). The owner creates a link
 * with a label and an optional expiry; only the token's hash is stored, so the URL is shown once.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '../db';
import { shareLink, workbookVersion, type ShareLink } from '../db/schema';
import { invalidInput, notFound } from '../errors';
import { tokenGuessThrottle } from '../login-throttle';
import { generateToken, hashToken, TOKEN_PATTERN } from '../tokens';
import { announceAccessChange } from './access-events';
import { recordShareEvent } from './audit';

export const MAX_LABEL_LENGTH = 120;
/** How often a link's use is written (last use and the audit trail), per link. */
const USE_RECORD_INTERVAL_MS = 10 * 60 * 1000;

export interface ShareLinkView {
	id: string;
	label: string;
	role: 'viewer';
	createdAt: string;
	expiresAt: string | null;
	lastUsedAt: string | null;
	expired: boolean;
	/** The named version the link is pinned to (it shows only that), or null for the live workbook. */
	versionId: string | null;
}

export interface CreatedShareLink extends ShareLinkView {
	token: string;
	url: string;
}

/** A link that a token opens right now. */
export interface ResolvedLink {
	linkId: string;
	workbookId: string;
	role: 'viewer';
	/** When the link stops working, or null when it does not expire. */
	expiresAt: Date | null;
	/** The named version it is pinned to: it may read only that, never the live workbook. */
	versionId: string | null;
}

function toView(link: ShareLink, now = Date.now()): ShareLinkView {
	return {
		id: link.id,
		label: link.label,
		role: 'viewer',
		createdAt: link.createdAt.toISOString(),
		expiresAt: link.expiresAt?.toISOString() ?? null,
		lastUsedAt: link.lastUsedAt?.toISOString() ?? null,
		expired: link.expiresAt !== null && link.expiresAt.getTime() <= now,
		versionId: link.versionId
	};
}

function readLabel(value: unknown): string {
	const label = typeof value === 'string' ? value.trim() : '';
	if (!label) return 'View-only link';
	if (label.length > MAX_LABEL_LENGTH) {
		throw invalidInput(`A label can be at most ${MAX_LABEL_LENGTH} characters.`, 'label');
	}
	return label;
}

function readExpiry(value: unknown, now: Date): Date | null {
	if (value === undefined || value === null || value === '') return null;
	const expiresAt = typeof value === 'string' ? new Date(value) : new Date(NaN);
	if (Number.isNaN(expiresAt.getTime())) {
		throw invalidInput(
			'The expiry must be a date and time such as 2027-04-15T00:00:00Z.',
			'expiresAt'
		);
	}
	if (expiresAt.getTime() <= now.getTime()) {
		throw invalidInput('The expiry must be in the future.', 'expiresAt');
	}
	return expiresAt;
}

/** The public URL of a share link token. */
export function shareLinkUrl(origin: string, token: string): string {
	return `${origin}/s/${token}`;
}

/** The named version of `workbookId` that `value` names (400 on `versionId` otherwise). */
async function readPinnedVersion(workbookId: string, value: unknown): Promise<string | null> {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string' || value === '') {
		throw invalidInput('versionId must be the id of a named version.', 'versionId');
	}
	const db = await getDb();
	const [version] = await db
		.select({ kind: workbookVersion.kind })
		.from(workbookVersion)
		.where(and(eq(workbookVersion.workbookId, workbookId), eq(workbookVersion.id, value)));
	if (version?.kind !== 'named') {
		throw invalidInput(
			'A link can be pinned only to a named version of this workbook: name the version first.',
			'versionId'
		);
	}
	return value;
}

/**
 * Creates a view-only link; the token is returned once and never stored. With `versionId` (a
 * named version) the link is pinned: it shows that version only.
 */
export async function createShareLink(
	workbookId: string,
	actorUserId: string,
	input: { label?: unknown; expiresAt?: unknown; role?: unknown; versionId?: unknown },
	origin: string,
	now = new Date()
): Promise<CreatedShareLink> {
	if (input.role !== undefined && input.role !== 'viewer') {
		throw invalidInput('Share links are view-only: role must be "viewer".', 'role');
	}
	const label = readLabel(input.label);
	const expiresAt = readExpiry(input.expiresAt, now);
	const versionId = await readPinnedVersion(workbookId, input.versionId);
	const token = generateToken();
	const db = await getDb();
	const [link] = await db
		.insert(shareLink)
		.values({
			id: crypto.randomUUID(),
			workbookId,
			tokenHash: hashToken(token),
			label,
			role: 'viewer',
			createdBy: actorUserId,
			createdAt: now,
			expiresAt,
			versionId
		})
		.returning();
	await recordShareEvent({
		workbookId,
		actorUserId,
		kind: 'link_created',
		subject: link.id,
		detail: label
	});
	return { ...toView(link, now.getTime()), token, url: shareLinkUrl(origin, token) };
}

/** The workbook's links that are not revoked, newest first. */
export async function listShareLinks(workbookId: string): Promise<ShareLinkView[]> {
	const db = await getDb();
	const rows = await db
		.select()
		.from(shareLink)
		.where(and(eq(shareLink.workbookId, workbookId), isNull(shareLink.revokedAt)))
		.orderBy(desc(shareLink.createdAt));
	return rows.map((row) => toView(row));
}

/** Revokes a link at once: live connections through it are closed. 404 when there is none. */
export async function revokeShareLink(
	workbookId: string,
	linkId: string,
	actorUserId: string
): Promise<void> {
	const db = await getDb();
	const revoked = await db
		.update(shareLink)
		.set({ revokedAt: new Date() })
		.where(
			and(
				eq(shareLink.id, linkId),
				eq(shareLink.workbookId, workbookId),
				isNull(shareLink.revokedAt)
			)
		)
		.returning({ label: shareLink.label });
	if (revoked.length === 0) throw notFound('This link');
	await recordShareEvent({
		workbookId,
		actorUserId,
		kind: 'link_revoked',
		subject: linkId,
		detail: revoked[0].label
	});
	announceAccessChange(workbookId);
}

/**
 * The link a token opens, or null when the token is malformed, unknown, revoked or expired.
 * Records the use (last use and a `link_used` event) at most every ten minutes per link. With
 * the client's `address`, a token that opens nothing counts as a guess, and an address that has
 * guessed too often gets 429 (`tooManyAttempts`) before its token is even looked up.
 */
export async function resolveShareLinkToken(
	token: string,
	address?: string,
	now = new Date()
): Promise<ResolvedLink | null> {
	if (address !== undefined) tokenGuessThrottle.assertAllowed(address);
	const link = await findUsableLink(token, now);
	if (!link) {
		if (address !== undefined) tokenGuessThrottle.record(address);
		return null;
	}
	const db = await getDb();
	if (!link.lastUsedAt || now.getTime() - link.lastUsedAt.getTime() >= USE_RECORD_INTERVAL_MS) {
		await db.update(shareLink).set({ lastUsedAt: now }).where(eq(shareLink.id, link.id));
		await recordShareEvent({
			workbookId: link.workbookId,
			actorUserId: null,
			kind: 'link_used',
			subject: link.id,
			detail: link.label
		});
	}
	return {
		linkId: link.id,
		workbookId: link.workbookId,
		role: 'viewer',
		expiresAt: link.expiresAt,
		versionId: link.versionId
	};
}

async function findUsableLink(token: string, now: Date): Promise<ShareLink | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const db = await getDb();
	const [link] = await db
		.select()
		.from(shareLink)
		.where(eq(shareLink.tokenHash, hashToken(token)));
	if (!link || link.revokedAt) return null;
	if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return null;
	return link;
}

/** Whether the link is still usable (not revoked, not expired): for live connections. */
export async function isShareLinkActive(linkId: string, now = new Date()): Promise<boolean> {
	const db = await getDb();
	const [link] = await db.select().from(shareLink).where(eq(shareLink.id, linkId));
	return !!link && !link.revokedAt && (!link.expiresAt || link.expiresAt.getTime() > now.getTime());
}
