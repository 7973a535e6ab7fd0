/**
 * Checks a captcha answer (Cloudflare Turnstile's token or a compatible one). Never throws:
 * `unavailable` when the verifier cannot be asked.
 */
export interface CaptchaVerifier {
  verify(token: string, remoteAddress: string | null): Promise<'valid' | 'invalid' | 'unavailable'>;
}
