import {
  DEFAULT_LOCALE,
  type AssessmentAssignmentDto,
  type AssessmentResultDto,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, describeError } from "../api/api-client";
import { FormAlert, SubmitButton } from "../forms/fields";
import type { FormProblem } from "../forms/form-problem";
import { useLocale } from "../i18n/use-locale";
import {
  emptyAnswers,
  firstItemWithError,
  firstUnanswered,
  itemErrors,
  progressLabel,
  withAnswer,
  type Answers,
} from "./questionnaire";
import { instrumentText } from "./severity";
import { useClinicalApi } from "./use-clinical";

/**
 * A PHQ-9 or GAD-7, one question at a time: big answers to tap, "Question 3 of 9", Back and
 * Next. Each step moves focus to the question's number, so a screen reader says where it is.
 * The server's field errors ("answers.8") take the person to that question and show there.
 */
export function QuestionnaireForm({
  assignment,
  onDone,
}: {
  assignment: AssessmentAssignmentDto;
  onDone: (result: AssessmentResultDto) => void;
}) {
  const { t } = useTranslation("checkIns");
  const locale = useLocale();
  const clinicalApi = useClinicalApi();
  // The validated wording in the person's language; the scores are the same in every language.
  const text = instrumentText(assignment.instrument, t);
  const count = text.items.length;
  const chooseAnAnswer = t("form.chooseAnswer");
  const [answers, setAnswers] = useState<Answers>(() => emptyAnswers(assignment.instrument));
  const [index, setIndex] = useState(0);
  const [errors, setErrors] = useState<ReadonlyMap<number, string>>(new Map());
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [closed, setClosed] = useState(false);
  const stepRef = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  const name = useId();
  const stemId = useId();
  const errorId = useId();
  const countId = useId();

  // Each new question takes focus (not the first, which the page heading introduces).
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    stepRef.current?.focus();
  }, [index]);

  const send = useMutation({
    mutationFn: (final: Answers) => clinicalApi.complete(assignment.id, final),
    onSuccess: (result) => onDone(result),
    onError: (error) => {
      if (error instanceof ApiError && error.code === "invalid_input") {
        const byItem = itemErrors(error.fields);
        const first = firstItemWithError(byItem);
        // The server words its messages in English: in another language, say it our way.
        const english = locale === DEFAULT_LOCALE;
        setErrors(english ? byItem : new Map([...byItem.keys()].map((i) => [i, chooseAnAnswer])));
        if (first !== null) setIndex(first);
        const general = Object.entries(error.fields)
          .filter(([field]) => !/^answers\.\d+$/.test(field))
          .map(([, message]) => message);
        setProblem({
          message: !english
            ? describeError(error)
            : general.length > 0
              ? general.join(" ")
              : error.message,
          fields: error.fields,
        });
        return;
      }
      // Already answered, or withdrawn by the clinician: nothing to do here any more.
      if (error instanceof ApiError && error.status === 409) setClosed(true);
      setProblem({ message: describeError(error), fields: {} });
    },
  });

  const last = index === count - 1;
  const answer = answers[index] ?? null;
  const error = errors.get(index);

  function choose(score: number) {
    setAnswers((current) => withAnswer(current, index, score));
    if (errors.has(index)) {
      const next = new Map(errors);
      next.delete(index);
      setErrors(next);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (send.isPending || closed) return;
    if (answer === null) {
      setErrors(new Map(errors).set(index, chooseAnAnswer));
      return;
    }
    if (!last) {
      setIndex(index + 1);
      return;
    }
    const missing = firstUnanswered(answers);
    if (missing !== null) {
      setErrors(new Map(errors).set(missing, chooseAnAnswer));
      setIndex(missing);
      return;
    }
    setProblem(null);
    send.mutate(answers);
  }

  return (
    <form className="questionnaire" noValidate onSubmit={onSubmit} aria-describedby={stemId}>
      <FormAlert problem={problem} />
      {closed && (
        <p>
          <Link to="/participant/check-ins">{t("page.back")}</Link>
        </p>
      )}
      <p id={stemId} className="questionnaire__stem">
        {text.stem}
      </p>
      <div className="questionnaire__progress">
        <h2 ref={stepRef} id={countId} tabIndex={-1} className="questionnaire__count">
          {progressLabel(index, count, t)}
        </h2>
        <progress
          className="questionnaire__bar"
          max={count}
          value={index + 1}
          aria-labelledby={countId}
        />
      </div>
      <fieldset
        key={index}
        className="question"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        <legend className="question__text">{text.items[index]}</legend>
        {error && (
          <p id={errorId} className="field__error question__error">
            {error}
          </p>
        )}
        <div className="answers">
          {text.answers.map((choice) => (
            <label key={choice.score} className="answer">
              <input
                type="radio"
                className="answer__input"
                name={`${name}-${index}`}
                value={choice.score}
                checked={answer === choice.score}
                onChange={() => choose(choice.score)}
              />
              <span>{choice.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="questionnaire__actions">
        {index > 0 && (
          <button
            type="button"
            className="button button--secondary"
            disabled={send.isPending}
            onClick={() => setIndex(index - 1)}
          >
            {t("form.back")}
          </button>
        )}
        <SubmitButton pending={send.isPending} pendingLabel={t("form.sending")}>
          {last ? t("form.send") : t("form.next")}
        </SubmitButton>
      </div>
    </form>
  );
}
