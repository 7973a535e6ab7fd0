/**
 * Control characters (NUL and the C0/C1 ranges) have no place in names, emails or search terms,
 * and some stores cannot even hold them (PostgreSQL refuses NUL in text): refused at parsing.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const hasControlCharacters = (text: string): boolean => CONTROL.test(text);
