/**
 * One file upload at a time to an import endpoint, with its progress for a button's label.
 * Failures go to `handleError` with the server's sentence; the upload is then over.
 */
import { handleError } from '$lib/state/handle-error';
import { uploadFile } from './upload';

export class FileUpload {
	/** 0–1 while the file is sent, 1 while the server imports it, null when idle. */
	progress = $state<number | null>(null);

	/** What a button shows for the upload: `idle` when none runs. */
	label(idle: string): string {
		if (this.progress === null) return idle;
		return this.progress < 1 ? `Uploading ${Math.round(this.progress * 100)}%` : 'Importing…';
	}

	/**
	 * POSTs `file` to `url` and hands the JSON answer to `done`; ignored while another upload
	 * runs.
	 */
	async send<T>(url: string, file: File, done: (answer: T) => void | Promise<void>): Promise<void> {
		if (this.progress !== null) return;
		this.progress = 0;
		try {
			await done(await uploadFile<T>(url, file, (fraction) => (this.progress = fraction)));
		} catch (error) {
			handleError(
				error,
				error instanceof Error ? error.message : 'The file could not be imported.'
			);
		} finally {
			this.progress = null;
		}
	}
}
