/**
 * Control characters (NUL and the C0/C1 ranges) have no place in names, emails or search terms,
 * and some stores cannot even hold them (PostgreSQL refuses NUL in text): refused at parsing.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const hasControlCharacters = (text: string): boolean => CONTROL.test(text);

/**
 * What makes a text display as another or not be text at all: controls, format characters (the
 * bidirectional overrides and isolates, zero-width joiners and spaces, the BOM), lone surrogates
 * and private-use characters. Two addresses differing only by these would look the same.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u;

export const hasUnsafeCharacters = (text: string): boolean => UNSAFE.test(text);

/** The one canonical form of a text that people type: composed (NFC), as every database then compares it. */
export const canonicalText = (text: string): string => text.normalize('NFC');
