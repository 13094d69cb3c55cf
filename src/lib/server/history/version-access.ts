/**
 * Who may read or change a workbook's history. Members by their role; a share link pinned to
 * a named version may read that version (its cells, names and charts) and nothing else — a
 * live link reads versions like any viewer.
 */
import { AppError, notFound } from '../errors';
import { resolveShareLinkToken } from '../sharing/links';
import {
	resolveAccess,
	roleAllows,
	toIdentity,
	type Requester,
	type WorkbookRole
} from '../workbook-access';

/**
 * Requires `needed` on the workbook, or (for reads of `versionId`) a link pinned to that
 * version: 404 when the caller may not see it, 403 when their role is too weak.
 */
export async function requireHistoryRole(
	who: Requester,
	workbookId: string,
	needed: WorkbookRole,
	versionId?: string
): Promise<void> {
	const identity = toIdentity(who);
	const role = await resolveAccess(identity, workbookId);
	if (role) {
		if (roleAllows(role, needed)) return;
		throw new AppError(403, 'forbidden', 'You can view this workbook but not change it.');
	}
	if (needed === 'viewer' && versionId && identity.linkToken) {
		const link = await resolveShareLinkToken(identity.linkToken, identity.clientAddress);
		if (link?.workbookId === workbookId && link.versionId === versionId) return;
	}
	throw notFound('This workbook');
}
