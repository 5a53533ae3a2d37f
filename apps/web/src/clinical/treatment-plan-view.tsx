import type { AftercareDto, TreatmentPlanContent } from "@bridgeway/domain";
import { formatCalendarDate } from "../format/format";

/** Problems, each with its goals, measurable objectives (with target dates) and interventions. */
export function TreatmentPlanContentView({
  content,
  headingLevel = 3,
}: {
  content: TreatmentPlanContent;
  headingLevel?: 3 | 4;
}) {
  const Problem = headingLevel === 3 ? "h3" : "h4";
  const Goal = headingLevel === 3 ? "h4" : "h5";
  return (
    <ol className="plan-problems">
      {content.problems.map((problem, p) => (
        <li key={p} className="plan-problem">
          <Problem className="plan-problem__title">
            <span className="plan-problem__label">Problem {p + 1}:</span> {problem.problem}
          </Problem>
          <ol className="plan-goals">
            {problem.goals.map((goal, g) => (
              <li key={g} className="plan-goal">
                <Goal className="plan-goal__title">
                  <span className="plan-problem__label">Goal {g + 1}:</span> {goal.goal}
                </Goal>
                <p className="plan-list-title">Objectives</p>
                <ul className="plan-objectives">
                  {goal.objectives.map((objective, o) => (
                    <li key={o}>
                      <span className="plan-objective__text">{objective.text}</span>
                      <span className="cell-note">
                        Measured by: {objective.measure}. Target:{" "}
                        {formatCalendarDate(objective.targetDate)}.
                      </span>
                    </li>
                  ))}
                </ul>
                <p className="plan-list-title">Interventions</p>
                <ul className="plan-interventions">
                  {goal.interventions.map((intervention, i) => (
                    <li key={i}>{intervention}</li>
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
  return (
    <dl className="facts">
      <div className="facts__item">
        <dt>Care after the program</dt>
        <dd>{aftercare.stepDownLevel}</dd>
      </div>
      <div className="facts__item">
        <dt>Follow-up appointments</dt>
        <dd>
          {aftercare.followUps.length === 0 ? (
            "None booked"
          ) : (
            <ul className="plain-list stack--list">
              {aftercare.followUps.map((f, index) => (
                <li key={index}>
                  <strong>{formatCalendarDate(f.on)}</strong>: {f.with}
                  {f.details && <span className="cell-note">{f.details}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div className="facts__item">
        <dt>Resources</dt>
        <dd>
          {aftercare.resources.length === 0 ? (
            "None listed"
          ) : (
            <ul className="plan-interventions">
              {aftercare.resources.map((r, index) => (
                <li key={index}>{r}</li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}
