/** A same-site path to go to after logging in; anything else becomes `/`. */
export function safeRedirectTarget(value: string | null): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return '/';
	}
	return value;
}
