/**
 * Sends a file to an import endpoint with upload progress (fetch cannot report it, so this uses
 * XMLHttpRequest) and reads the API's JSON answer: the created resource, or an Error carrying the
 * server's sentence for `handleError` to show.
 */

/** The content type an import endpoint expects for `file`, from its name when the browser gives none. */
export function importContentType(file: { name: string; type: string }): string {
	if (/\.xlsx$/i.test(file.name)) {
		return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
	}
	if (/\.(csv|txt)$/i.test(file.name)) return 'text/csv';
	return file.type || 'application/octet-stream';
}

/** A title for a workbook imported from `fileName`: the name without its extension. */
export function titleFromFileName(fileName: string): string {
	return (
		fileName
			.replace(/\.[^.]+$/, '')
			.trim()
			.slice(0, 200) || 'Imported workbook'
	);
}

/** POSTs `file` to `url`, calling `onprogress` with 0–1 while it uploads; resolves with the JSON body. */
export function uploadFile<T>(
	url: string,
	file: File,
	onprogress: (fraction: number) => void
): Promise<T> {
	return new Promise((resolve, reject) => {
		const request = new XMLHttpRequest();
		request.open('POST', url);
		request.setRequestHeader('content-type', importContentType(file));
		request.upload.onprogress = (event) => {
			if (event.lengthComputable) onprogress(event.loaded / event.total);
		};
		request.onerror = () =>
			reject(new Error('The upload failed. Check your connection and try again.'));
		request.onload = () => {
			let body: { error?: { message?: string } } | undefined;
			try {
				body = JSON.parse(request.responseText);
			} catch {
				body = undefined;
			}
			if (request.status >= 200 && request.status < 300) resolve(body as T);
			else reject(new Error(body?.error?.message ?? 'The file could not be imported.'));
		};
		request.send(file);
	});
}
