import { Router } from "express";
import {
  BookMultiFamilyInputSchema,
  CreateCohortInputSchema,
  CreateProgramInputSchema,
  EnrollParticipantInputSchema,
  StepDownInputSchema,
  UpdateCohortInputSchema,
} from "@bridgeway/domain";
import { idParam } from "../http/params";
import { actorContext } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { CohortService } from "./cohort-service";

/** /api/programs, /api/cohorts, /api/enrollments */
export function cohortRoutes(cohorts: CohortService): Router {
  const router = Router();

  router.get("/programs", async (req, res) => {
    res.json({ programs: await cohorts.listPrograms(actorContext(req)) });
  });
  router.post("/programs", async (req, res) => {
    const context = actorContext(req);
    res
      .status(201)
      .json(await cohorts.createProgram(context, parseInput(CreateProgramInputSchema, req.body)));
  });

  router.get("/cohorts", async (req, res) => {
    res.json({ cohorts: await cohorts.listCohorts(actorContext(req)) });
  });
  router.post("/cohorts", async (req, res) => {
    const context = actorContext(req);
    res
      .status(201)
      .json(await cohorts.createCohort(context, parseInput(CreateCohortInputSchema, req.body)));
  });
  router.get("/cohorts/:id", async (req, res) => {
    const context = actorContext(req);
    res.json(await cohorts.getCohort(context, idParam(req.params)));
  });
  router.patch("/cohorts/:id", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    res.json(
      await cohorts.updateCohort(context, id, parseInput(UpdateCohortInputSchema, req.body)),
    );
  });
  router.post("/cohorts/:id/enrollments", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    res
      .status(201)
      .json(await cohorts.enroll(context, id, parseInput(EnrollParticipantInputSchema, req.body)));
  });
  router.post("/cohorts/:id/multi-family-sessions", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const sessionId = await cohorts.bookMultiFamily(
      context,
      id,
      parseInput(BookMultiFamilyInputSchema, req.body),
    );
    res.status(201).json({ id: sessionId });
  });
  router.post("/enrollments/:id/step-down", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    res.json(await cohorts.stepDown(context, id, parseInput(StepDownInputSchema, req.body)));
  });
  return router;
}
