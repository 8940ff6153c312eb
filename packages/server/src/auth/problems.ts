import { AppError, type Problem } from '@openehds/core';

/**
 * Problems of the sign-in that carry more than a message. The hub's problem handler renders any
 * AppError through `toProblem`, so these subclasses add their RFC 9457 extension members there.
 */

/**
 * A role that must use a second factor has none yet: the password was right, so the problem carries a
 * short-lived enrolment challenge for `POST /api/auth/sign-in/enrol` (and nothing else).
 */
export class TotpEnrolmentRequired extends AppError {
  constructor(
    readonly enrolmentChallenge: string,
    role: string,
  ) {
    super(
      'forbidden',
      `the role ${role} must sign in with an authenticator app code (TOTP), and this account has none yet: ` +
        'enrol one with POST /api/auth/sign-in/enrol {challenge} and confirm it with a code ' +
        '(the sign-in page walks you through it), or ask an administrator to reset your enrolment',
    );
  }

  override toProblem(instance?: string): Problem & { code: string; enrolmentChallenge: string } {
    return {
      ...super.toProblem(instance),
      code: 'totp-enrolment-required',
      enrolmentChallenge: this.enrolmentChallenge,
    };
  }
}

/**
 * 429 Too Many Requests (RFC 6585 §4). The platform's AppError kinds have no 429 yet, so this one
 * overrides the status; `Retry-After` is set on the reply by the rate limiter.
 */
export class TooManyRequests extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'unavailable',
      `too many sign-in attempts; wait ${retryAfterSeconds} s and try again (the limit protects accounts against password guessing)`,
    );
  }

  override get status(): number {
    return 429;
  }

  override toProblem(instance?: string): Problem {
    return {
      ...super.toProblem(instance),
      type: 'https://openehds.eu/problems/too-many-requests',
      title: 'too-many-requests',
      status: 429,
    };
  }
}
