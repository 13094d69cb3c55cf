/**
 * ISO 4217 currency codes in use (the standard's list one, as amended to 2025), held in core so
 * that the browser and the server validate codes the same way and without the network. Left
 * out: `XXX` (no currency) and `XTS` (reserved for testing), which never price anything, and
 * withdrawn codes such as `HRK` (replaced by EUR in 2023).
 */
const CODES =
	'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN ' +
	'BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ' +
	'ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK ' +
	'JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK ' +
	'MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN ' +
	'PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB ' +
	'TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG ' +
	'XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL';

/** Every ISO 4217 code {@link isCurrencyCode} accepts, in alphabetical order. */
export const ISO_4217_CODES: readonly string[] = Object.freeze(CODES.split(' '));

const KNOWN = new Set(ISO_4217_CODES);

/** Whether `code` is an ISO 4217 code in use, exactly as written (three capital letters). */
export function isCurrencyCode(code: unknown): code is string {
	return typeof code === 'string' && KNOWN.has(code);
}
