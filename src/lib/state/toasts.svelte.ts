/** Short messages shown in the corner of the screen; every UI failure ends up here. */

/** One toast on screen. */
export interface Toast {
	id: number;
	message: string;
	kind: 'error' | 'info';
}

class ToastStore {
	/** Toasts on screen, oldest first. */
	items = $state.raw<Toast[]>([]);
	private next = 1;

	/** Shows `message` for a few seconds (errors stay a little longer). */
	show(message: string, kind: Toast['kind'] = 'info'): void {
		const id = this.next++;
		this.items = [
			...this.items.filter((toast) => toast.message !== message),
			{ id, message, kind }
		];
		setTimeout(() => this.dismiss(id), kind === 'error' ? 7000 : 4000);
	}

	/** Removes one toast. */
	dismiss(id: number): void {
		this.items = this.items.filter((toast) => toast.id !== id);
	}
}

/** The app's toasts. */
export const toasts = new ToastStore();
