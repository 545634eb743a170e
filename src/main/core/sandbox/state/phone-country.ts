/** Calling codes of the countries the sandbox's customers and likely test numbers come from. */
const CALLING_CODES: Readonly<Record<string, string>> = {
  '1': 'US',
  '7': 'RU',
  '20': 'EG',
  '27': 'ZA',
  '30': 'GR',
  '31': 'NL',
  '32': 'BE',
  '33': 'FR',
  '34': 'ES',
  '36': 'HU',
  '39': 'IT',
  '40': 'RO',
  '41': 'CH',
  '43': 'AT',
  '44': 'GB',
  '45': 'DK',
  '46': 'SE',
  '47': 'NO',
  '48': 'PL',
  '49': 'DE',
  '51': 'PE',
  '52': 'MX',
  '54': 'AR',
  '55': 'BR',
  '56': 'CL',
  '57': 'CO',
  '58': 'VE',
  '60': 'MY',
  '61': 'AU',
  '62': 'ID',
  '63': 'PH',
  '64': 'NZ',
  '65': 'SG',
  '66': 'TH',
  '81': 'JP',
  '82': 'KR',
  '84': 'VN',
  '86': 'CN',
  '90': 'TR',
  '91': 'IN',
  '92': 'PK',
  '212': 'MA',
  '233': 'GH',
  '234': 'NG',
  '254': 'KE',
  '351': 'PT',
  '353': 'IE',
  '880': 'BD',
  '966': 'SA',
  '971': 'AE',
  '972': 'IL',
}

/**
 * The ISO 3166 alpha-2 country of a phone number (digits with the calling code), by the longest
 * known calling code; `ZZ` ("unknown region") for codes outside the table. NANP numbers are `US`.
 */
export function phoneCountry(waId: string): string {
  for (let length = 3; length >= 1; length--) {
    const country = CALLING_CODES[waId.slice(0, length)]
    if (country) return country
  }
  return 'ZZ'
}
