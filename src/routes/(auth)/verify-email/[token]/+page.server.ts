import { verifyEmail } from '$lib/server/email-verification';
import { clientAddress } from '$lib/server/http/client-address';
import { pageError } from '$lib/server/http/page-error';
import type { PageServerLoad } from './$types';

/**
 * The link in the verification email. Opening it is the proof (it only reached whoever reads
 * that inbox), so the page verifies on load and says which workbooks opened up.
 */
export const load: PageServerLoad = async (event) => {
	event.setHeaders({ 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
	try {
		const { grantedWorkbooks } = await verifyEmail(event.params.token, clientAddress(event));
		return { grantedWorkbooks };
	} catch (cause) {
		pageError(cause);
	}
};
