import { describe, expect, it } from "vitest";
import {
  emptyAnswers,
  firstItemWithError,
  firstUnanswered,
  itemErrors,
  progressLabel,
  withAnswer,
} from "./questionnaire";

describe("questionnaire answers", () => {
  it("starts with one unanswered slot per item: nine for the PHQ-9, seven for the GAD-7", () => {
    expect(emptyAnswers("PHQ9")).toEqual(Array(9).fill(null));
    expect(emptyAnswers("GAD7")).toEqual(Array(7).fill(null));
  });

  it("counts questions from 1 for people, though items are indexed from 0", () => {
    expect(progressLabel(0, 9)).toBe("Question 1 of 9");
    expect(progressLabel(8, 9)).toBe("Question 9 of 9");
  });

  it("records an answer at its item only, without changing the answers it was given", () => {
    const before = emptyAnswers("GAD7");
    const after = withAnswer(before, 2, 3);
    expect(after).toEqual([null, null, 3, null, null, null, null]);
    expect(before).toEqual(Array(7).fill(null));
    expect(withAnswer(after, 2, 0)).toEqual([null, null, 0, null, null, null, null]);
  });

  it("finds the first question still to answer, and treats 0 as an answer", () => {
    expect(firstUnanswered([0, 1, null, 2, null])).toBe(2);
    expect(firstUnanswered([null, 1])).toBe(0);
    expect(firstUnanswered([0, 0, 0])).toBeNull();
  });
});

describe("the server's errors about answers", () => {
  it("keys each item's error by its index and leaves errors about all answers for the top", () => {
    const errors = itemErrors({
      "answers.8": "Answer question 9.",
      "answers.3": "Question 4: choose one of the four answers.",
      answers: "There are only 9 questions.",
      "answers.x": "not an item",
    });
    expect([...errors.entries()]).toEqual([
      [8, "Answer question 9."],
      [3, "Question 4: choose one of the four answers."],
    ]);
  });

  it("shows the lowest-numbered item with an error first, whatever order they came in", () => {
    expect(
      firstItemWithError(
        new Map([
          [8, "a"],
          [3, "b"],
          [10, "c"],
        ]),
      ),
    ).toBe(3);
    // Numerically, not as text ("10" sorts before "3" as a string).
    expect(
      firstItemWithError(
        new Map([
          [10, "c"],
          [9, "b"],
        ]),
      ),
    ).toBe(9);
    expect(firstItemWithError(new Map())).toBeNull();
  });
});
