import { randomInt } from "node:crypto";
import {
  formatRecoveryCode,
  mfaRequiredFor,
  parseMfaCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_COUNT,
  reauthenticationFresh,
  totpStepUsable,
  type MfaEnrolment,
  type MfaStatus,
  type ReauthenticateInput,
  type ReauthenticationState,
} from "@bridgeway/domain";
import QRCode from "qrcode";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import {
  badRequest,
  conflict,
  forbidden,
  notFound,
  reauthenticationRequired,
} from "../http/errors";
import type { MfaRepository } from "./mfa-repository";
import type { SecretBox } from "./mfa-secret-box";
import { verifyPassword } from "./password";
import type { MfaPendingStage } from "./sign-in-repository";
import { hashToken, type AuthContext, type SignInService } from "./sign-ins";
import { matchTotp, newTotpSecret, totpUri } from "./totp";

const wrongCode = () =>
  badRequest("That code is not right, or it was already used. Try the newest code in your app.", {
    code: "Not a valid code.",
  });

/** 10 characters from a 31-letter alphabet: about 50 random bits each. */
function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < 10; i += 1)
    code += RECOVERY_CODE_ALPHABET.charAt(randomInt(RECOVERY_CODE_ALPHABET.length));
  return code;
}

/**
 * Multi-factor authentication with an authenticator app (TOTP, RFC 6238): enrolment confirmed by
 * a first code, single-use recovery codes, the second step of sign-in, and re-authentication
 * before sensitive actions. Each time step is accepted once per person (no replay).
 */
export function createMfaService(deps: {
  repo: MfaRepository;
  secrets: SecretBox;
  signIns: SignInService;
  audit: AuditLog;
  clock: Clock;
}) {
  const { repo, secrets, signIns, audit, clock } = deps;

  async function account(userId: string) {
    const found = await repo.account(userId);
    if (!found) throw notFound("account");
    return found;
  }

  /** Whether a TOTP code is right for this person now, using its time step up if it is. */
  async function useTotp(userId: string, code: string): Promise<boolean> {
    const factor = await repo.factor(userId);
    if (!factor?.confirmedAt) return false;
    const secret = secrets.open(factor.secretEncrypted, userId);
    if (secret === null) return false;
    const step = matchTotp(secret, code, clock.now().getTime());
    if (step === null || !totpStepUsable(step, factor.lastUsedStep)) return false;
    return repo.useStep(userId, step);
  }

  /** A code typed at sign-in: from the app, or one of the recovery codes (used up). */
  async function useCode(userId: string, input: string): Promise<"totp" | "recovery" | null> {
    const parsed = parseMfaCode(input);
    if (!parsed) return null;
    if (parsed.kind === "totp") return (await useTotp(userId, parsed.code)) ? "totp" : null;
    const factor = await repo.factor(userId);
    if (!factor?.confirmedAt) return null;
    const used = await repo.useRecoveryCode(userId, hashToken(parsed.code), clock.now());
    return used ? "recovery" : null;
  }

  async function mfaRecord(
    context: AuditContext,
    auth: AuthContext,
    outcome: "success" | "failure",
    type = "mfa",
  ): Promise<void> {
    await audit.record(
      { ...context, actor: auth.actor },
      "update",
      { type, id: auth.user.id },
      outcome,
    );
  }

  return {
    /** What sign-in still needs after a right password: a code, enrolment, or nothing. */
    async signInStage(userId: string): Promise<MfaPendingStage | null> {
      const found = await account(userId);
      const factor = await repo.factor(userId);
      if (factor?.confirmedAt) return "code";
      return mfaRequiredFor(found.role, found.clinicRequiresMfaForStaff) ? "enrolment" : null;
    },

    async status(auth: AuthContext): Promise<MfaStatus> {
      const found = await account(auth.user.id);
      const factor = await repo.factor(auth.user.id);
      return {
        enabled: Boolean(factor?.confirmedAt),
        required: mfaRequiredFor(found.role, found.clinicRequiresMfaForStaff),
        recoveryCodesLeft: factor?.confirmedAt ? await repo.recoveryCodesLeft(auth.user.id) : 0,
      };
    },

    /** A new secret, not used until confirmed with a code; replaces an unconfirmed one. */
    async startEnrolment(auth: AuthContext): Promise<MfaEnrolment> {
      const secret = newTotpSecret();
      const started = await repo.startFactor(
        auth.user.id,
        secrets.seal(secret, auth.user.id),
        clock.now(),
      );
      if (!started) throw conflict("Your authenticator app is already set up.");
      const otpauthUri = totpUri(secret, auth.user.email);
      const svg = await QRCode.toString(otpauthUri, {
        type: "svg",
        errorCorrectionLevel: "M",
        margin: 2,
      });
      return {
        secret,
        otpauthUri,
        qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
      };
    },

    /** Confirms enrolment with a first code; answers the recovery codes, shown this once. */
    async confirmEnrolment(
      auth: AuthContext,
      input: string,
      context: AuditContext,
    ): Promise<string[]> {
      const parsed = parseMfaCode(input);
      const factor = await repo.factor(auth.user.id);
      if (!factor) throw conflict("Start setting up your authenticator app first.");
      if (factor.confirmedAt) throw conflict("Your authenticator app is already set up.");
      const secret = secrets.open(factor.secretEncrypted, auth.user.id);
      const step =
        parsed?.kind === "totp" && secret !== null
          ? matchTotp(secret, parsed.code, clock.now().getTime())
          : null;
      if (step === null) {
        await mfaRecord(context, auth, "failure");
        throw wrongCode();
      }
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      const confirmed = await repo.confirmFactor(
        auth.user.id,
        step,
        codes.map((code) => hashToken(code)),
        clock.now(),
      );
      if (!confirmed) throw conflict("Your authenticator app is already set up.");
      await mfaRecord(context, auth, "success");
      return codes.map(formatRecoveryCode);
    },

    /** The second step of sign-in; throws when the code is wrong or used. */
    async verifySignIn(
      auth: AuthContext,
      input: string,
      context: AuditContext,
    ): Promise<"totp" | "recovery"> {
      const used = await useCode(auth.user.id, input);
      if (!used) {
        await audit.record(
          { ...context, actor: auth.actor },
          "login_failed",
          { type: "mfa-code", id: auth.user.id },
          "failure",
        );
        throw wrongCode();
      }
      return used;
    },

    /** Confirms the person with their password or an app code, for sensitive actions. */
    async reauthenticate(
      auth: AuthContext,
      input: ReauthenticateInput,
      context: AuditContext,
    ): Promise<void> {
      if ("password" in input) {
        const found = await account(auth.user.id);
        if (!(await verifyPassword(found.passwordHash, input.password))) {
          await mfaRecord(context, auth, "failure", "reauthentication");
          throw badRequest("That is not your password.", { password: "Not your password." });
        }
      } else {
        const parsed = parseMfaCode(input.code);
        if (parsed?.kind !== "totp" || !(await useTotp(auth.user.id, parsed.code))) {
          await mfaRecord(context, auth, "failure", "reauthentication");
          throw wrongCode();
        }
      }
      await signIns.markReauthenticated(auth);
      await mfaRecord(context, auth, "success", "reauthentication");
    },

    async reauthenticationState(auth: AuthContext): Promise<ReauthenticationState> {
      const factor = await repo.factor(auth.user.id);
      return {
        fresh: reauthenticationFresh(await signIns.reauthenticatedAt(auth), clock.now()),
        canUseCode: Boolean(factor?.confirmedAt),
      };
    },

    /** Throws `reauthentication_required` unless a password or code was confirmed recently. */
    async requireFreshReauthentication(auth: AuthContext): Promise<void> {
      if (!reauthenticationFresh(await signIns.reauthenticatedAt(auth), clock.now())) {
        throw reauthenticationRequired();
      }
    },

    /** Turns MFA off, where the clinic does not require it; needs a fresh confirmation. */
    async disable(auth: AuthContext, context: AuditContext): Promise<void> {
      const found = await account(auth.user.id);
      if (mfaRequiredFor(found.role, found.clinicRequiresMfaForStaff)) {
        throw forbidden("Your clinic requires an authenticator app for your role.");
      }
      if (!reauthenticationFresh(await signIns.reauthenticatedAt(auth), clock.now())) {
        throw reauthenticationRequired();
      }
      await repo.removeFactor(auth.user.id);
      await mfaRecord(context, auth, "success");
    },
  };
}

export type MfaService = ReturnType<typeof createMfaService>;
