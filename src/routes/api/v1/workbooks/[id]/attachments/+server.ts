import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader, requireUser } from '$lib/server/http/api';
import {
	addAttachment,
	listAttachments,
	MAX_ATTACHMENT_BYTES
} from '$lib/server/books/attachments';
import { readUploadBody } from '$lib/server/books/upload';
import type { RequestHandler } from './$types';

/** `?row=` → `{ attachments: [{ id, name, size, type, sha256, row, createdAt }] }` (viewers, links). */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	const row = event.url.searchParams.get('row');
	return json({ attachments: await listAttachments(reader, event.params.id, row) });
});

/** Body: the file (or multipart `file`); `?name=&row=` → 201 `{ id, name, size, type, sha256 }`. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const upload = await readUploadBody(event.request, MAX_ATTACHMENT_BYTES, 'An attachment');
	const query = event.url.searchParams;
	const info = await addAttachment(user.id, event.params.id, {
		bytes: upload.bytes,
		declaredType: upload.type,
		name: query.get('name') ?? upload.fields.get('name') ?? upload.name,
		row: query.get('row') ?? upload.fields.get('row') ?? null
	});
	return json(info, { status: 201 });
});
