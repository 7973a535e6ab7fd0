import type { CaptchaVerifier } from '../../ports/captcha-verifier.js';

/** For development and tests: every answer is accepted. */
export class PassThroughCaptchaVerifier implements CaptchaVerifier {
  async verify(): Promise<'valid'> {
    return 'valid';
  }
}
