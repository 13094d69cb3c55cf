import { apiEndpoint, requireReader, requireUser } from '$lib/server/http/api';
import { deleteAttachment, readAttachment } from '$lib/server/books/attachments';
import { INLINE_TYPES } from '$lib/server/books/file-types';
import type { RequestHandler } from './$types';

/**
 * An image or PDF may be shown inline, for previews, only under a policy that runs no script and
 * loads nothing else; everything else is a download.
 */
const INLINE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
/** Chromium's PDF viewer does not run in a sandboxed document; no script-src still runs none. */
const INLINE_PDF_CSP = "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'";

/** The bytes (viewers, links); `?inline=1` shows images and PDFs in the browser. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	const file = await readAttachment(reader, event.params.id, event.params.aid);
	const inline = event.url.searchParams.get('inline') === '1' && INLINE_TYPES.includes(file.type);
	const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/\\/g, '_');
	const disposition = `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`;
	return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': file.type,
			'content-length': String(file.bytes.byteLength),
			'content-disposition': disposition,
			'x-content-type-options': 'nosniff',
			'content-security-policy': !inline
				? "default-src 'none'; sandbox"
				: file.type === 'application/pdf'
					? INLINE_PDF_CSP
					: INLINE_CSP,
			'cache-control': 'private, no-store'
		}
	});
});

/** Deletes it → 204 (editors). */
export const DELETE: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await deleteAttachment(user.id, event.params.id, event.params.aid);
	return new Response(null, { status: 204 });
});
