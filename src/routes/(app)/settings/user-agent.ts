/** A short "Chrome on Linux"-style description of a User-Agent header. */
export function describeUserAgent(userAgent: string | null): string {
	if (!userAgent) return 'Unknown device';
	const browser =
		[
			['Edg/', 'Edge'],
			['Firefox/', 'Firefox'],
			['Chrome/', 'Chrome'],
			['Safari/', 'Safari'],
			['node', 'API client'],
			['curl/', 'curl']
		].find(([marker]) => userAgent.includes(marker))?.[1] ?? 'Browser';
	const system =
		[
			['Windows', 'Windows'],
			['Mac OS', 'macOS'],
			['Android', 'Android'],
			['iPhone', 'iOS'],
			['Linux', 'Linux']
		].find(([marker]) => userAgent.includes(marker))?.[1] ?? '';
	return system ? `${browser} on ${system}` : browser;
}
