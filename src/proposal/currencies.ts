// ISO 4217 active codes with their minor-unit digits. Kept as a table rather than
// read from Intl, whose digits differ from ISO for some codes and vary by ICU build.
const DIGITS_0 = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const DIGITS_3 = 'BHD IQD JOD KWD LYD OMR TND';
const DIGITS_4 = 'CLF UYW';
const DIGITS_2 =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
  'GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD ' +
  'LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN ' +
  'PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB ' +
  'TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';

const TABLE = new Map<string, number>();
for (const [codes, digits] of [[DIGITS_0, 0], [DIGITS_2, 2], [DIGITS_3, 3], [DIGITS_4, 4]] as const) {
  for (const code of codes.split(' ')) TABLE.set(code, digits);
}

/** Minor-unit digits of an ISO 4217 currency, or undefined for an unknown code. */
export function currencyDigits(code: string): number | undefined {
  return TABLE.get(code);
}

export const CURRENCY_CODES: readonly string[] = [...TABLE.keys()].sort();
