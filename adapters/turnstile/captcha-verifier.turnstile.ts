import type { CaptchaVerifier } from '../../ports/captcha-verifier.js';

export const TURNSTILE_VERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

/** Cloudflare Turnstile's siteverify (or a compatible endpoint). */
export class TurnstileCaptchaVerifier implements CaptchaVerifier {
  constructor(
    private readonly secretKey: string,
    private readonly verifyUrl = TURNSTILE_VERIFY_URL,
    private readonly timeoutMs = 5000,
  ) {}

  async verify(token: string, remoteAddress: string | null): Promise<'valid' | 'invalid' | 'unavailable'> {
    const form = new URLSearchParams({ secret: this.secretKey, response: token });
    if (remoteAddress) form.set('remoteip', remoteAddress);
    try {
      const response = await fetch(this.verifyUrl, { method: 'POST', body: form, signal: AbortSignal.timeout(this.timeoutMs) });
      if (!response.ok) return 'unavailable';
      const body = (await response.json()) as { success?: unknown };
      return body.success === true ? 'valid' : 'invalid';
    } catch {
      // Unreachable, timed out or not JSON: the contract's 'unavailable'.
      return 'unavailable';
    }
  }
}
