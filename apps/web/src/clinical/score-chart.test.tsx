import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ScoreChart } from "./score-chart";
import { result, resultId } from "./testing/clinical-fixtures";

const ZONE = "America/New_York";

describe("score chart", () => {
  it("says nothing about question 9 under a GAD-7 chart, which has no such item", () => {
    render(
      <ScoreChart
        instrument="GAD7"
        timeZone={ZONE}
        results={[result({ id: resultId(1), instrument: "GAD7", total: 12, severity: "moderate" })]}
      />,
    );
    const caption = screen.getByText(/Shaded bands are the published severity ranges/);
    expect(caption.textContent).toBe("Shaded bands are the published severity ranges.");
    expect(screen.getByRole("img").textContent).not.toContain("question 9");
  });

  it("explains the diamond under a PHQ-9 chart", () => {
    render(
      <ScoreChart
        instrument="PHQ9"
        timeZone={ZONE}
        results={[result({ id: resultId(1), safetyConcern: true })]}
      />,
    );
    expect(screen.getByText(/Shaded bands/).textContent).toBe(
      "Shaded bands are the published severity ranges. A diamond marks a result with question 9 above 0.",
    );
  });

  it("draws 'Moderately severe' on two lines so it fits beside its band", () => {
    const { container } = render(
      <ScoreChart instrument="PHQ9" timeZone={ZONE} results={[result()]} />,
    );
    const label = [...container.querySelectorAll(".score-chart__band-label")].find((t) =>
      t.textContent.startsWith("Moderately"),
    );
    expect([...(label?.querySelectorAll("tspan") ?? [])].map((t) => t.textContent)).toEqual([
      "Moderately",
      "severe",
    ]);
  });
});
