import type { AftercareDto, TreatmentPlanContent } from "@bridgeway/domain";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/use-format";

/** The catalogue's name for each level of care after discharge. */
const LEVEL_KEYS = {
  "Outpatient therapy": "outpatient",
  "Partial hospitalization": "partial",
  "Residential treatment": "residential",
  "Peer support only": "peerSupport",
  None: "none",
} as const satisfies Record<AftercareDto["aftercare"]["stepDownLevel"], string>;

/** Problems, each with its goals, measurable objectives (with target dates) and interventions. */
export function TreatmentPlanContentView({
  content,
  headingLevel = 3,
}: {
  content: TreatmentPlanContent;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation("treatmentPlan");
  const format = useFormat();
  const Problem = headingLevel === 3 ? "h3" : "h4";
  const Goal = headingLevel === 3 ? "h4" : "h5";
  return (
    <ol className="plan-problems">
      {content.problems.map((problem, p) => (
        <li key={p} className="plan-problem">
          <Problem className="plan-problem__title">
            <span className="plan-problem__label">{t("view.problem", { number: p + 1 })}</span>{" "}
            <span translate="no">{problem.problem}</span>
          </Problem>
          <ol className="plan-goals">
            {problem.goals.map((goal, g) => (
              <li key={g} className="plan-goal">
                <Goal className="plan-goal__title">
                  <span className="plan-problem__label">{t("view.goal", { number: g + 1 })}</span>{" "}
                  <span translate="no">{goal.goal}</span>
                </Goal>
                <p className="plan-list-title">{t("view.objectives")}</p>
                <ul className="plan-objectives">
                  {goal.objectives.map((objective, o) => (
                    <li key={o}>
                      <span className="plan-objective__text" translate="no">
                        {objective.text}
                      </span>
                      <span className="cell-note">
                        {t("view.measuredBy")} <span translate="no">{objective.measure}</span>.{" "}
                        {t("view.target", { date: format.calendarDate(objective.targetDate) })}
                      </span>
                    </li>
                  ))}
                </ul>
                <p className="plan-list-title">{t("view.interventions")}</p>
                <ul className="plan-interventions">
                  {goal.interventions.map((intervention, i) => (
                    <li key={i} translate="no">
                      {intervention}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}

/** The aftercare part of a discharge: level of care, follow-ups and resources. */
export function AftercareView({ aftercare }: { aftercare: AftercareDto["aftercare"] }) {
  const { t } = useTranslation("aftercare");
  const format = useFormat();
  return (
    <dl className="facts">
      <div className="facts__item">
        <dt>{t("view.careAfter")}</dt>
        <dd>{t(`levels.${LEVEL_KEYS[aftercare.stepDownLevel]}`)}</dd>
      </div>
      <div className="facts__item">
        <dt>{t("view.followUps")}</dt>
        <dd>
          {aftercare.followUps.length === 0 ? (
            t("view.noneBooked")
          ) : (
            <ul className="plain-list stack--list">
              {aftercare.followUps.map((f, index) => (
                <li key={index}>
                  <strong>{format.calendarDate(f.on)}</strong>: <span translate="no">{f.with}</span>
                  {f.details && (
                    <span className="cell-note" translate="no">
                      {f.details}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div className="facts__item">
        <dt>{t("view.resources")}</dt>
        <dd>
          {aftercare.resources.length === 0 ? (
            t("view.noneListed")
          ) : (
            <ul className="plan-interventions">
              {aftercare.resources.map((r, index) => (
                <li key={index} translate="no">
                  {r}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}
