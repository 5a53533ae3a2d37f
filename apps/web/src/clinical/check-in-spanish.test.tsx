import { INSTRUMENT_DEFINITIONS } from "@bridgeway/domain";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applyLocale, i18n } from "../i18n/i18n";
import { checkIns as english } from "../i18n/locales/en/check-ins";
import { checkIns as spanish } from "../i18n/locales/es/check-ins";
import { json, stubApi } from "../test/fake-api";
import { authStateFor } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { IDS } from "../test/schedule-fixtures";
import {
  ASSIGNMENT,
  assignment,
  GAD_ASSIGNMENT,
  history,
  result,
  resultId,
} from "./testing/clinical-fixtures";
import { plainResult, scoreOutOf } from "./severity";

const participante = {
  status: "signed-in",
  auth: authStateFor("PARTICIPANT", { locale: "es" }),
} as const;
const HISTORY = `GET /api/participants/${IDS.jordan}/assessments`;
const RESPOND = `POST /api/assessments/${ASSIGNMENT}/responses`;
const PHQ9_ES = Object.values(spanish.instruments.PHQ9.items);

afterEach(() => applyLocale("en"));

describe("the questionnaires' wording", () => {
  it("in English is exactly the published instrument the server scores", () => {
    for (const instrument of ["PHQ9", "GAD7"] as const) {
      const definition = INSTRUMENT_DEFINITIONS[instrument];
      const words = english.instruments[instrument];
      expect(words.title).toBe(definition.title);
      expect(words.stem).toBe(definition.stem);
      expect(Object.values(words.items)).toEqual(definition.items);
      expect(Object.values(spanish.instruments[instrument].items)).toHaveLength(
        definition.items.length,
      );
    }
  });

  it("in Spanish is the PHQ Screeners' Spanish for the USA, answers included", () => {
    expect(spanish.instruments.PHQ9.stem).toBe(
      "Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?",
    );
    expect(spanish.instruments.PHQ9.items.q9).toBe(
      "Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera",
    );
    expect(Object.values(spanish.instruments.PHQ9.answers)).toEqual([
      "Ningún día",
      "Varios días",
      "Más de la mitad de los días",
      "Casi todos los días",
    ]);
    expect(spanish.instruments.GAD7.answers.a0).toBe("Nunca");
  });
});

describe("results in Spanish", () => {
  it("say the score and band in Spanish, while staff screens' English stays as it was", () => {
    applyLocale("es");
    const t = i18n.getFixedT("es", "checkIns");
    expect(scoreOutOf("PHQ9", 13, t)).toBe("13 de 27");
    expect(plainResult("PHQ9", "moderately-severe", t, "es")).toBe(
      "Tus respuestas indican que últimamente el ánimo bajo ha sido difícil de sobrellevar (moderadamente grave).",
    );
    // Without the participant's words, the helpers speak the staff's English.
    expect(scoreOutOf("PHQ9", 13)).toBe("13 of 27");
    expect(plainResult("GAD7", "severe")).toBe(
      "Your answers suggest worry and anxiety has been very hard lately (severe). You don't have to handle it alone.",
    );
  });
});

describe("check-ins in Spanish", () => {
  it("lists what is waiting and recent scores in Spanish, with dates the Spanish way", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T15:00:00Z"));
    stubApi({
      [HISTORY]: json(
        200,
        history({
          due: [
            assignment(),
            assignment({ id: GAD_ASSIGNMENT, instrument: "GAD7", dueOn: "2026-11-30" }),
          ],
          results: [result({ id: resultId(1), total: 16, severity: "moderately-severe" })],
        }),
      ),
    });
    renderApp("/participant/check-ins", { auth: participante });

    const card = await screen.findByRole("article", { name: "¿Cómo te has sentido?" });
    expect(card.textContent).toContain("Para hoy · 9 preguntas, unos 2 minutos");
    expect(within(card).getByRole("link", { name: "Empezar el PHQ-9" })).toBeTruthy();
    expect(screen.getByText("Próximamente: GAD-7 el 30 de noviembre de 2026.")).toBeTruthy();
    const table = screen.getByRole("table", {
      name: "Tus chequeos recientes, del más nuevo al más antiguo",
    });
    expect(within(table).getByRole("columnheader", { name: "Puntuación" })).toBeTruthy();
    expect(within(table).getByText("16 de 27")).toBeTruthy();
    expect(within(table).getByText("Moderadamente grave")).toBeTruthy();

    const help = screen.getByRole("region", { name: "Si necesitas ayuda ahora" });
    expect(
      within(help).getByRole("link", { name: "Llama al 988 y marca 2" }).getAttribute("href"),
    ).toBe("tel:988");
    expect(
      within(help).getByRole("link", { name: "Envía AYUDA al 988" }).getAttribute("href"),
    ).toBe("sms:988?&body=AYUDA");
  });

  it("asks the PHQ-9 in its validated Spanish, then gives the result and 988 in Spanish", async () => {
    const answers = [1, 2, 1, 2, 1, 2, 1, 2, 1];
    const { requests } = stubApi({
      [HISTORY]: json(200, history({ due: [assignment()] })),
      [RESPOND]: json(
        201,
        result({ id: resultId(9), total: 13, severity: "moderate", safetyConcern: true, answers }),
      ),
    });
    const { user } = renderApp(`/participant/check-ins/${ASSIGNMENT}`, { auth: participante });
    await screen.findByRole("heading", { level: 2, name: "Pregunta 1 de 9" });
    expect(screen.getByText(spanish.instruments.PHQ9.stem)).toBeTruthy();

    // Going on without an answer is refused in Spanish.
    await user.click(screen.getByRole("button", { name: "Siguiente" }));
    expect(screen.getByText("Elige una de las cuatro respuestas para seguir.")).toBeTruthy();

    for (const [index, score] of answers.entries()) {
      const group = screen.getByRole("group", { name: PHQ9_ES[index] });
      const labels = spanish.instruments.PHQ9.answers;
      const label = [labels.a0, labels.a1, labels.a2, labels.a3][score] ?? "";
      await user.click(within(group).getByRole("radio", { name: label }));
      await user.click(
        screen.getByRole("button", { name: index === 8 ? "Enviar mis respuestas" : "Siguiente" }),
      );
    }

    const thanks = await screen.findByRole("heading", { name: "Gracias por hacer tu chequeo" });
    expect(requests.filter((r) => r.method === "POST").map((r) => r.body)).toEqual([{ answers }]);
    const card = thanks.closest("section");
    expect(card?.textContent).toContain("Tu puntuación en el PHQ-9: 13 de 27");
    expect(card?.textContent).toContain(
      "Tus respuestas indican que el ánimo bajo te ha pesado bastante (moderada).",
    );
    const help = screen.getByRole("region", { name: "Gracias por contárnoslo" });
    expect(help.textContent).toContain("llama al 988 y marca 2 para hablar en español");
    expect(within(help).getByRole("link", { name: "Abrir mi plan de seguridad" })).toBeTruthy();
  });
});
