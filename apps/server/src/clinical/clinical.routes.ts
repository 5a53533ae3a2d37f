import { Router } from "express";
import {
  AddendumInputSchema,
  AssignAssessmentInputSchema,
  CompleteAssessmentInputSchema,
  DischargeInputSchema,
  SafetyPlanContentSchema,
  SessionNoteInputSchema,
  TreatmentPlanInputSchema,
} from "@bridgeway/domain";
import { z } from "zod";
import { idParam } from "../http/params";
import { actorContext } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { AssessmentService } from "./assessment-service";
import type { NoteService } from "./note-service";
import type { SafetyPlanService } from "./safety-plan-service";
import type { TreatmentPlanService } from "./treatment-plan-service";

/** The version a change starts from; null for the first one. */
const BasedOnSchema = z
  .int({ error: "Say which version you changed (null for the first)." })
  .min(1)
  .nullable();

const SaveSafetyPlanSchema = z.strictObject({
  content: SafetyPlanContentSchema,
  basedOn: BasedOnSchema,
});
const SaveTreatmentPlanSchema = TreatmentPlanInputSchema.extend({ basedOn: BasedOnSchema });
const AcknowledgeSchema = z.strictObject({
  version: z.int({ error: "Say which version you read." }).min(1),
});

/**
 * The clinical record over HTTP. Every route checks who may see the record (refusals answer not
 * found), and every read and change writes an audit event.
 */
export function clinicalRoutes(deps: {
  assessments: AssessmentService;
  safetyPlans: SafetyPlanService;
  notes: NoteService;
  treatmentPlans: TreatmentPlanService;
}): Router {
  const router = Router();
  const { assessments, safetyPlans, notes, treatmentPlans } = deps;

  // Measurement-based care.
  router.get("/participants/:id/assessments", async (req, res) => {
    res.json(await assessments.history(actorContext(req), idParam(req.params)));
  });
  router.post("/participants/:id/assessments", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const input = parseInput(AssignAssessmentInputSchema, req.body);
    res.status(201).json(await assessments.assign(context, id, input));
  });
  router.post("/assessments/:id/cancel", async (req, res) => {
    await assessments.cancel(actorContext(req), idParam(req.params));
    res.status(204).end();
  });
  router.post("/assessments/:id/responses", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const input = parseInput(CompleteAssessmentInputSchema, req.body);
    res.status(201).json(await assessments.complete(context, id, input.answers));
  });
  router.get("/cohorts/:id/severities", async (req, res) => {
    res.json(await assessments.cohortSeverities(actorContext(req), idParam(req.params)));
  });

  // Safety plan.
  router.get("/participants/:id/safety-plan", async (req, res) => {
    res.json({ plan: await safetyPlans.current(actorContext(req), idParam(req.params)) });
  });
  router.get("/participants/:id/safety-plan/versions", async (req, res) => {
    res.json({ versions: await safetyPlans.versions(actorContext(req), idParam(req.params)) });
  });
  router.put("/participants/:id/safety-plan", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const input = parseInput(SaveSafetyPlanSchema, req.body);
    res.json(await safetyPlans.save(context, id, input.content, input.basedOn));
  });

  // Session notes.
  router.get("/sessions/:id/note", async (req, res) => {
    res.json(await notes.get(actorContext(req), idParam(req.params)));
  });
  router.put("/sessions/:id/note", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const input = parseInput(SessionNoteInputSchema, req.body);
    res.json(await notes.save(context, id, input));
  });
  router.post("/sessions/:id/note/sign", async (req, res) => {
    res.json(await notes.sign(actorContext(req), idParam(req.params)));
  });
  router.post("/sessions/:id/note/addenda", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const input = parseInput(AddendumInputSchema, req.body);
    res.status(201).json(await notes.addAddendum(context, id, input));
  });

  // Treatment plans and discharge.
  router.get("/treatment-plans/reviews-due", async (req, res) => {
    res.json({ reviews: await treatmentPlans.reviewsDue(actorContext(req)) });
  });
  router.get("/participants/:id/treatment-plan", async (req, res) => {
    res.json({
      plan: await treatmentPlans.currentOfParticipant(actorContext(req), idParam(req.params)),
    });
  });
  router.get("/enrollments/:id/treatment-plan", async (req, res) => {
    res.json({ plan: await treatmentPlans.current(actorContext(req), idParam(req.params)) });
  });
  router.put("/enrollments/:id/treatment-plan", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const { basedOn, ...input } = parseInput(SaveTreatmentPlanSchema, req.body);
    res.json(await treatmentPlans.save(context, id, input, basedOn));
  });
  router.post("/enrollments/:id/treatment-plan/acknowledge", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const input = parseInput(AcknowledgeSchema, req.body);
    await treatmentPlans.acknowledge(context, id, input.version);
    res.status(204).end();
  });
  router.post("/enrollments/:id/discharge", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const input = parseInput(DischargeInputSchema, req.body);
    res.status(201).json(await treatmentPlans.discharge(context, id, input));
  });
  router.get("/enrollments/:id/discharge", async (req, res) => {
    res.json(await treatmentPlans.dischargeOf(actorContext(req), idParam(req.params)));
  });
  router.get("/participants/:id/aftercare", async (req, res) => {
    res.json({ aftercare: await treatmentPlans.aftercare(actorContext(req), idParam(req.params)) });
  });

  return router;
}
