import {
  accountStatus,
  ACCOUNT_INVITATION_TTL_MS,
  decide,
  DEFAULT_LOCALE,
  DomainError,
  parseLocale,
  PASSWORD_RESET_TTL_MS,
  type AccountState,
  type Actor,
  type SignInAnswer,
  type ChangePasswordInput,
  type Locale,
  type PasswordLinkPreview,
  type SignInSummary,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import { badRequest, conflict, forbidden, notFound } from "../http/errors";
import { messagesFor } from "../i18n/messages";
import type { Mailer } from "../mail/mailer";
import type { AccountForPassword, AccountRepository } from "./account-repository";
import { approximatePlace, describeUserAgent } from "./device";
import { hashPassword, verifyPassword } from "./password";
import { requireAcceptablePassword } from "./password-policy";
import type { AuthContext, SignInService } from "./sign-ins";
import { hashToken, newSingleUseToken } from "./single-use-token";

type Context = AuditContext & { actor: Actor };

const gone = (message: string) => new DomainError("not_found", message);

/** The path of the web page a password link opens. */
export const PASSWORD_LINK_PATH = "/account/password";

/**
 * Accounts choose and keep their own passwords: an invitation link for a new account, a
 * "forgot password" link, a change that ends every other sign-in, and deactivation by an
 * admin, which ends every sign-in and socket of that person at once.
 */
export function createAccountService(deps: {
  accounts: AccountRepository;
  signIns: SignInService;
  mailer: Mailer;
  audit: AuditLog;
  clock: Clock;
  /** The configured public origin (never a request's Host header), for links in emails. */
  origin: () => string;
  /** Ends every socket of this sign-in, on every server process. */
  endSignInSockets: (signInId: string) => Promise<void>;
  /** Ends every socket of this person, on every server process. */
  endUserSockets: (userId: string) => Promise<void>;
}) {
  const { accounts, signIns, mailer, audit, clock } = deps;

  function linkTo(token: string): string {
    return `${deps.origin()}${PASSWORD_LINK_PATH}?token=${token}`;
  }

  async function issueLink(
    account: AccountForPassword,
    purpose: "INVITATION" | "PASSWORD_RESET",
  ): Promise<string> {
    const now = clock.now();
    const { token, tokenHash } = newSingleUseToken();
    await accounts.createToken({
      userId: account.id,
      purpose,
      tokenHash,
      createdAt: now,
      expiresAt: new Date(
        now.getTime() +
          (purpose === "INVITATION" ? ACCOUNT_INVITATION_TTL_MS : PASSWORD_RESET_TTL_MS),
      ),
    });
    return linkTo(token);
  }

  /** In the account's stored language: English unless whoever made the account chose another. */
  async function sendInvitation(account: AccountForPassword): Promise<void> {
    const link = await issueLink(account, "INVITATION");
    const clinic = await accounts.organizationName(account.organizationId);
    const email = messagesFor(parseLocale(account.locale)).accountInvitation({
      name: account.preferredName ?? account.firstName,
      clinic,
      link,
    });
    await mailer.send({ to: account.email, ...email });
  }

  /** The account an admin acts on, if the admin may change it. */
  async function manageable(context: Context, userId: string): Promise<AccountForPassword> {
    const account = await accounts.account(userId);
    if (!account) throw notFound("account");
    const decision = decide(context.actor, "update", {
      type: "user-account",
      organizationId: account.organizationId,
      userId,
    });
    if (decision !== "allow" || context.actor.role !== "ADMIN") {
      await audit.denied(context, "update", { type: "user-account", id: userId });
      if (decision === "not-found") throw notFound("account");
      throw forbidden("Only a clinic admin can do that.");
    }
    return account;
  }

  async function validLink(token: string) {
    const stored = await accounts.tokenByHash(hashToken(token));
    if (!stored) throw gone("This link is not valid. Ask for a new one.");
    if (stored.usedAt) {
      throw gone(
        stored.purpose === "INVITATION" && stored.user.passwordSetAt
          ? "This link was already used. Sign in with your email and password."
          : "This link was already used or replaced by a newer one. Ask for a new one.",
      );
    }
    if (!stored.user.active) throw gone("This account is deactivated. Ask your clinic.");
    if (stored.expiresAt <= clock.now()) {
      throw gone(
        stored.purpose === "INVITATION"
          ? "This invitation has expired. Ask your clinic for a new one: links work for 7 days."
          : "This link has expired: reset links work for 30 minutes. Ask for a new one.",
      );
    }
    return stored;
  }

  return {
    /** Mails a new account its link to choose a first password. */
    async inviteNewAccount(userId: string): Promise<void> {
      const account = await accounts.account(userId);
      if (!account) throw notFound("account");
      await sendInvitation(account);
    },

    /** Sends a fresh invitation (the earlier link stops working). */
    async resendInvitation(context: Context, userId: string): Promise<AccountState> {
      const account = await manageable(context, userId);
      if (!account.active) throw conflict("This account is deactivated. Reactivate it first.");
      if (account.passwordSetAt) {
        throw conflict("This person already chose a password; they can use “Forgot password”.");
      }
      await sendInvitation(account);
      await audit.record(context, "update", { type: "account-invitation", id: userId }, "success");
      return { userId, status: accountStatus(account) };
    },

    /** What a password link is for, before it is used. Public: the token is the secret. */
    async preview(token: string): Promise<PasswordLinkPreview> {
      const stored = await validLink(token);
      return {
        purpose: stored.purpose === "INVITATION" ? "invitation" : "reset",
        firstName: stored.user.preferredName ?? stored.user.firstName,
        email: stored.user.email,
        clinicName: await accounts.organizationName(stored.user.organizationId),
        expiresAt: stored.expiresAt.toISOString(),
      };
    },

    /** Uses a password link: the person's own password is set, the link used up, they sign in. */
    async setPassword(
      token: string,
      password: string,
      context: AuditContext,
      signIn: (userId: string) => Promise<SignInAnswer>,
    ): Promise<SignInAnswer> {
      const stored = await validLink(token);
      requireAcceptablePassword(password, "password", stored.user.email);
      const used = await accounts.usePasswordLink(
        stored.id,
        await hashPassword(password),
        clock.now(),
      );
      if (!used) throw gone("This link was already used. Ask for a new one.");
      const { user } = stored;
      // A reset proves control of the mailbox, not of the sign-ins: end them all.
      await signIns.endAllForUser(user.id);
      await deps.endUserSockets(user.id);
      await audit.record(
        {
          ...context,
          actor: { userId: user.id, role: user.role, organizationId: user.organizationId },
        },
        "update",
        { type: "password", id: user.id },
        "success",
      );
      return signIn(user.id);
    },

    /**
     * "Forgot password": mails a 30-minute link when the email belongs to an active account.
     * The caller answers the same either way. The email is in the account's language; an
     * account still on the default follows the language of the page that asked (`requested`),
     * since English may be only what it was given, never what its owner chose.
     */
    async forgotPassword(email: string, requested?: Locale): Promise<void> {
      const account = await accounts.accountByEmail(email);
      if (!account?.active) return;
      const link = await issueLink(account, "PASSWORD_RESET");
      const stored = parseLocale(account.locale);
      const locale = stored !== DEFAULT_LOCALE ? stored : (requested ?? DEFAULT_LOCALE);
      const words = messagesFor(locale).passwordReset({
        name: account.preferredName ?? account.firstName,
        link,
      });
      await mailer.send({ to: account.email, ...words });
    },

    /** Changes one's own password, and ends every other sign-in (and its sockets). */
    async changePassword(
      auth: AuthContext,
      input: ChangePasswordInput,
      context: AuditContext,
    ): Promise<void> {
      const stored = await accounts.passwordHash(auth.user.id);
      if (!stored || !(await verifyPassword(stored, input.currentPassword))) {
        await audit.record(context, "update", { type: "password", id: auth.user.id }, "failure");
        throw badRequest("Your current password is not right.", {
          currentPassword: "Not your current password.",
        });
      }
      if (input.newPassword === input.currentPassword) {
        throw badRequest("Choose a password different from your current one.", {
          newPassword: "Same as your current password.",
        });
      }
      requireAcceptablePassword(input.newPassword, "newPassword", auth.user.email);
      await accounts.setPassword(auth.user.id, await hashPassword(input.newPassword), clock.now());
      for (const signInId of await accounts.otherSignInIds(auth.user.id, auth.signIn.id)) {
        await signIns.end(signInId);
        await deps.endSignInSockets(signInId);
      }
      await audit.record(context, "update", { type: "password", id: auth.user.id }, "success");
    },

    /** One's own sign-ins (devices), the current one marked. */
    async mySignIns(auth: AuthContext): Promise<SignInSummary[]> {
      return (await accounts.signInsOf(auth.user.id)).map((s) => ({
        id: s.id,
        signedInAt: s.createdAt.toISOString(),
        lastActiveAt: s.lastSeenAt.toISOString(),
        current: s.id === auth.signIn.id,
        ...describeUserAgent(s.userAgent),
        place: approximatePlace(s.ipAddress),
      }));
    },

    /** Ends one of one's own sign-ins (and its sockets); someone else's reads as not found. */
    async endMySignIn(auth: AuthContext, signInId: string, context: AuditContext): Promise<void> {
      const mine = (await accounts.signInsOf(auth.user.id)).some((s) => s.id === signInId);
      if (!mine) throw notFound("session");
      await signIns.end(signInId);
      await deps.endSignInSockets(signInId);
      await audit.record(context, "logout", { type: "auth-session" }, "success");
    },

    /** An admin ends every sign-in (and socket) of a person, who may sign in again. */
    async endAllSignInsOf(context: Context, userId: string): Promise<{ ended: number }> {
      await manageable(context, userId);
      const ended = await signIns.endAllForUser(userId);
      await deps.endUserSockets(userId);
      await audit.record(context, "update", { type: "auth-session", id: userId }, "success");
      return { ended };
    },

    /** Switches an account off: every sign-in and socket of that person ends at once. */
    async deactivate(context: Context, userId: string): Promise<AccountState> {
      const account = await manageable(context, userId);
      if (userId === context.actor.userId) {
        throw conflict("You cannot deactivate your own account; ask another admin.");
      }
      if (!(await accounts.setActive(userId, false, clock.now()))) {
        throw conflict("This account is already deactivated.");
      }
      await signIns.endAllForUser(userId);
      await deps.endUserSockets(userId);
      await audit.record(context, "update", { type: "user-account", id: userId }, "success");
      return { userId, status: accountStatus({ ...account, active: false }) };
    },

    /** Switches an account on again; the person signs in with their own password. */
    async reactivate(context: Context, userId: string): Promise<AccountState> {
      const account = await manageable(context, userId);
      if (!(await accounts.setActive(userId, true, clock.now()))) {
        throw conflict("This account is already active.");
      }
      await audit.record(context, "update", { type: "user-account", id: userId }, "success");
      return { userId, status: accountStatus({ ...account, active: true }) };
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
