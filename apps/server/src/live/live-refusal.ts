import { DomainError, type LiveErrorCode } from "@bridgeway/domain";

/** An expected refusal: it reaches the client as `{ ok: false, error }`, never as a crash. */
export const refuse = (code: LiveErrorCode, message: string) => new DomainError(code, message);

/** Refusal for anyone who may not join; it says nothing about who is in the room. */
export const notYours = () =>
  refuse(
    "not_found",
    "We couldn't find that session, or it isn't one you can join. Check My week for your sessions.",
  );

export const notInSession = () => refuse("not_found", "That person is not in the session.");

export const notAdmitted = () => refuse("not_admitted", "Wait to be let in first.");
