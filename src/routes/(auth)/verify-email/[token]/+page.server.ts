import { verifyEmail } from '$lib/server/email-verification';
import { clientAddress } from '$lib/server/http/client-address';
import { pageError } from '$lib/server/http/page-error';
import type { PageServerLoad } from './$types';

/**
 * The link in the verification email. Opening it is the proof (it only reached whoever reads
 * that inbox), so the page verifies on load and says which workbooks opened up.
 */
export const load: PageServerLoad = async (event) => {
	// The token in the URL never leaves for another site; `no-referrer` would also blank the
	// Origin of this page's own form posts, which SvelteKit's CSRF check then refuses.
	event.setHeaders({ 'referrer-policy': 'same-origin', 'cache-control': 'no-store' });
	try {
		const { grantedWorkbooks } = await verifyEmail(event.params.token, clientAddress(event));
		return { grantedWorkbooks };
	} catch (cause) {
		pageError(cause);
	}
};
