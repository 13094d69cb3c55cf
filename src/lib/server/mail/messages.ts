/**
 * The text of every email the app sends. Each carries one link built from the public ORIGIN;
 * the wording says what the link does and what to do when the mail was not expected.
 */
import type { MailMessage } from './outbox';

const SIGNATURE = '\n\n— InvestFlow';

/** An invitation to a workbook: the link adds whoever opens it while signed in. */
export function invitationMessage(input: {
	to: string;
	inviterName: string;
	workbookTitle: string;
	role: string;
	url: string;
}): MailMessage {
	return {
		to: input.to,
		subject: `${input.inviterName} shared “${input.workbookTitle}” with you`,
		text:
			`${input.inviterName} invited you to ${input.role === 'editor' ? 'edit' : 'view'} the ` +
			`workbook “${input.workbookTitle}” on InvestFlow.\n\n` +
			`Open this link, sign in or create an account, and accept:\n${input.url}\n\n` +
			`The link works once. If you did not expect this, ignore this email.` +
			SIGNATURE
	};
}

/** Confirms that the address belongs to the person who registered it. */
export function verificationMessage(input: { to: string; url: string }): MailMessage {
	return {
		to: input.to,
		subject: 'Confirm your email address',
		text:
			`Confirm that this address is yours by opening this link:\n${input.url}\n\n` +
			`Workbooks shared with this address open to you once it is confirmed. If you did not ` +
			`create an InvestFlow account, ignore this email.` +
			SIGNATURE
	};
}

/** Tells the owner of an address that someone tried to register it again. */
export function alreadyRegisteredMessage(input: { to: string; url: string }): MailMessage {
	return {
		to: input.to,
		subject: 'Someone tried to create an account with your email',
		text:
			`Someone (perhaps you) tried to create an InvestFlow account with this address, which ` +
			`already has one. If you forgot your password, reset it here:\n${input.url}\n\n` +
			`Otherwise you can ignore this email: nothing has changed.` +
			SIGNATURE
	};
}

/** A password reset link, valid for 30 minutes and once. */
export function passwordResetMessage(input: { to: string; url: string }): MailMessage {
	return {
		to: input.to,
		subject: 'Reset your InvestFlow password',
		text:
			`Open this link within 30 minutes to choose a new password:\n${input.url}\n\n` +
			`The link works once, and using it signs you out everywhere. If you did not ask for ` +
			`this, ignore this email: your password stays as it is.` +
			SIGNATURE
	};
}
