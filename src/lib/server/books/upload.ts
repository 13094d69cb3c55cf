/**
 * Reading the books features' uploads: the file as the request body (with its `Content-Type`)
 * or as the `file` field of a multipart form, with other form fields beside it. Bounded before
 * it is read: 413 past the limit, 400 when empty.
 */
import { AppError } from '../errors';

/** An upload: its bytes, declared type and name, and the form's other text fields. */
export interface Upload {
	bytes: Uint8Array;
	type: string | null;
	name: string | null;
	fields: Map<string, string>;
}

function tooLarge(maxBytes: number, what: string): AppError {
	return new AppError(
		413,
		'file_too_large',
		`${what} may be at most ${maxBytes / 1024 / 1024} MiB.`
	);
}

/**
 * Reads the upload of `request`. A multipart body may be up to 64 KiB larger than `maxBytes`
 * (its boundaries and fields); the file itself is held to `maxBytes`.
 */
export async function readUploadBody(
	request: Request,
	maxBytes: number,
	what = 'The file'
): Promise<Upload> {
	const declared = Number(request.headers.get('content-length') ?? '0');
	const type = request.headers.get('content-type');
	const multipart = /^multipart\/form-data/i.test(type ?? '');
	if (declared > maxBytes + (multipart ? 65_536 : 0)) throw tooLarge(maxBytes, what);
	const fail = (error: unknown): never => {
		// adapter-node's own cap (BODY_SIZE_LIMIT) fails the read with status 413.
		if ((error as { status?: number }).status === 413) throw tooLarge(maxBytes, what);
		if (multipart)
			throw new AppError(400, 'malformed_upload', 'The multipart form could not be read.');
		throw error;
	};
	if (multipart) {
		const form = await request.formData().catch(fail);
		const file = form.get('file');
		if (!(file instanceof Blob)) {
			throw new AppError(
				400,
				'missing_file',
				'Send the file in a form field named "file".',
				'file'
			);
		}
		if (file.size > maxBytes) throw tooLarge(maxBytes, what);
		const fields = new Map<string, string>();
		for (const [key, value] of form) if (typeof value === 'string') fields.set(key, value);
		const bytes = new Uint8Array(await file.arrayBuffer());
		if (bytes.byteLength === 0) throw new AppError(400, 'empty_file', 'The file is empty.');
		const name = 'name' in file && typeof file.name === 'string' ? file.name : null;
		return { bytes, type: file.type || null, name, fields };
	}
	const body = await request.arrayBuffer().catch(fail);
	if (body.byteLength > maxBytes) throw tooLarge(maxBytes, what);
	if (body.byteLength === 0) {
		throw new AppError(400, 'empty_file', 'Send the file as the request body.');
	}
	return { bytes: new Uint8Array(body), type, name: null, fields: new Map() };
}
