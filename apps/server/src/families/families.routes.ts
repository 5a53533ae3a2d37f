import { Router, type Request, type Response } from "express";
import {
  AcceptInvitationSchema,
  InvitationTokenSchema,
  InviteFamilyInputSchema,
  UpdateConsentSchema,
} from "@bridgeway/domain";
import { z } from "zod";
import { authState, type SignInService } from "../auth/sign-ins";
import { idParam } from "../http/params";
import { actorContext, auditContext } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { FamilyService } from "./family-service";

const ForParticipantSchema = z.strictObject({
  participantId: z.uuid({ error: "Not a valid participant id." }).optional(),
});
const PreviewQuerySchema = z.strictObject({ token: InvitationTokenSchema });

/** /api/families: invitations, consent, and the invitation link a family member follows. */
export function familyRoutes(deps: {
  families: FamilyService;
  signIns: SignInService;
  /** The configured origin links are built from; never a request's Host header. */
  origin: () => string;
}): Router {
  const router = Router();
  const { families, signIns } = deps;

  router.get("/", async (req, res) => {
    const context = actorContext(req);
    const query = parseInput(ForParticipantSchema, req.query, "query");
    res.json({ members: await families.list(context, query.participantId) });
  });

  router.get("/supporting", async (req, res) => {
    const context = actorContext(req);
    res.json({
      supporting:
        context.actor.role === "FAMILY" ? await families.supportedBy(context.actor.userId) : [],
    });
  });

  router.post("/invitations", async (req, res) => {
    const context = actorContext(req);
    const input = parseInput(InviteFamilyInputSchema, req.body);
    res.status(201).json(await families.invite(context, input, deps.origin()));
  });

  router.get("/invitations/preview", async (req, res) => {
    const query = parseInput(PreviewQuerySchema, req.query, "query");
    res.json(await families.preview(query.token));
  });

  router.post("/invitations/accept", async (req: Request, res: Response) => {
    const input = parseInput(AcceptInvitationSchema, req.body);
    const state = await families.accept(
      input.token,
      input.password,
      auditContext(req),
      async (userId) => {
        const { token, signIn } = await signIns.start(userId);
        const check = await signIns.check(token, { touch: false });
        if (check.status !== "active") throw new Error("a session just started is not active");
        res.setHeader("Set-Cookie", signIns.setCookieHeader(token, signIn));
        return authState(check.auth);
      },
    );
    res.status(201).json(state);
  });

  router.post("/invitations/:id/revoke", async (req, res) => {
    const context = actorContext(req);
    await families.revokeInvitation(context, idParam(req.params));
    res.status(204).end();
  });

  router.put("/:id/consent", async (req, res) => {
    const context = actorContext(req);
    const familyUserId = idParam(req.params);
    const query = parseInput(ForParticipantSchema, req.query, "query");
    const input = parseInput(UpdateConsentSchema, req.body);
    await families.updateConsent(context, query.participantId, familyUserId, input);
    res.status(204).end();
  });

  router.post("/:id/withdraw-consent", async (req, res) => {
    const context = actorContext(req);
    const familyUserId = idParam(req.params);
    const query = parseInput(ForParticipantSchema, req.query, "query");
    await families.withdrawConsent(context, query.participantId, familyUserId);
    res.status(204).end();
  });

  return router;
}
