/**
 * UTF-8 JSON text kept as bytes. Cached readings travel from the cache to the answer as bytes:
 * decrypted, sliced and joined without ever becoming JavaScript strings, which on a year of data is
 * most of the work a cached read would otherwise do.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
export const textOf = (bytes: Uint8Array): string => decoder.decode(bytes);

const OPEN = utf8('[');
const COMMA = utf8(',');
const CLOSE = utf8(']');

/** The bytes of one value after another, in one array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The pieces of one JSON array made of the elements of several: `inner` are the insides of arrays
 * (what lies between `[` and `]`), empty ones skipped. Concatenated, the pieces are the array's text.
 */
export function arrayPieces(inner: readonly Uint8Array[]): Uint8Array[] {
  const pieces: Uint8Array[] = [OPEN];
  for (const part of inner) {
    if (part.length === 0) continue;
    if (pieces.length > 1) pieces.push(COMMA);
    pieces.push(part);
  }
  pieces.push(CLOSE);
  return pieces;
}

/** What lies between the brackets of a JSON array's bytes (a view, not a copy). */
export const insideOf = (array: Uint8Array): Uint8Array => array.subarray(1, array.length - 1);

/** Where `needle` next occurs in `haystack` at or after `from`; -1 if nowhere. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0]!;
  const last = haystack.length - needle.length;
  for (let at = haystack.indexOf(first, from); at !== -1 && at <= last; at = haystack.indexOf(first, at + 1)) {
    let i = 1;
    while (i < needle.length && haystack[at + i] === needle[i]) i++;
    if (i === needle.length) return at;
  }
  return -1;
}

/** Where `needle` last starts in `haystack` at or before `from`; -1 if nowhere. */
export function lastIndexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = haystack.length - needle.length): number {
  const first = needle[0]!;
  for (
    let at = haystack.lastIndexOf(first, Math.min(from, haystack.length - needle.length));
    at !== -1;
    at = at === 0 ? -1 : haystack.lastIndexOf(first, at - 1)
  ) {
    let i = 1;
    while (i < needle.length && haystack[at + i] === needle[i]) i++;
    if (i === needle.length) return at;
  }
  return -1;
}

/** How many times `needle` occurs in `haystack`. */
export function countBytes(haystack: Uint8Array, needle: Uint8Array): number {
  let count = 0;
  for (let at = indexOfBytes(haystack, needle); at !== -1; at = indexOfBytes(haystack, needle, at + needle.length)) count++;
  return count;
}

/** The ASCII text of `length` bytes at `at` (dates, keys: never anything multi-byte). */
export function asciiAt(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}
