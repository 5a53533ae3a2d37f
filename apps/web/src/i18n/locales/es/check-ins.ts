import type { Translation } from "../../catalogue";
import type { checkIns as en } from "../en/check-ins";

export const checkIns: Translation<typeof en> = {
  list: {
    title: "Chequeos",
    intro:
      "Cuestionarios cortos sobre cómo te has sentido. Tu equipo de atención los usa para ver cómo cambian las cosas con el tiempo.",
    loading: "Cargando tus chequeos…",
    loadError: "No pudimos cargar tus chequeos",
    waitingTitle: "Te están esperando",
    dueToday: "Para hoy",
    waitingSince: "Pendiente desde el {{date}}",
    nextOn: "El próximo, el {{date}}",
    questions_one: "{{count}} pregunta",
    questions_other: "{{count}} preguntas",
    length: "{{due}} · {{questions}}, unos 2 minutos",
    start: "Empezar",
    startContext: "el {{name}}",
    nothingNow: "Por ahora no tienes nada que llenar.",
    nextCheckIn: "Tu próximo chequeo es el {{date}}.",
    whenAsked: "Cuando tu equipo de atención te pida un chequeo, aparecerá aquí.",
    goToMyWeek: "Ir a Mi semana",
    comingUp: "Próximamente: {{list}}.",
    comingUpItem: "{{name}} el {{date}}",
    recentTitle: "Tus chequeos recientes",
    noneYet: "Todavía no tienes chequeos.",
    noneYetText:
      "Tus puntuaciones aparecerán aquí después de tu primer chequeo, para que veas cómo van cambiando.",
    caption: "Tus chequeos recientes, del más nuevo al más antiguo",
    when: "Fecha",
    checkIn: "Chequeo",
    score: "Puntuación",
    band: "Nivel",
  },
  page: {
    fallbackTitle: "Chequeo",
    back: "Volver a los chequeos",
    loading: "Cargando tu chequeo…",
    loadError: "No pudimos cargar tu chequeo",
    notWaiting: "Este chequeo ya no está pendiente.",
    notWaitingText: "Puede que ya lo hayas hecho o que tu equipo de atención ya no lo necesite.",
    seeCheckIns: "Ver tus chequeos",
  },
  form: {
    chooseAnswer: "Elige una de las cuatro respuestas para seguir.",
    progress: "Pregunta {{number}} de {{count}}",
    back: "Atrás",
    next: "Siguiente",
    send: "Enviar mis respuestas",
    sending: "Enviando tus respuestas…",
  },
  result: {
    thanks: "Gracias por hacer tu chequeo",
    scoreLabel: "Tu puntuación en el {{name}}:",
    notDiagnosis:
      "Esto es un chequeo, no un diagnóstico. Tu equipo de atención ve tus respuestas y las revisará contigo.",
    back: "Volver a los chequeos",
    goToMyWeek: "Ir a Mi semana",
  },
  scoreOutOf: "{{total}} de {{max}}",
  severity: {
    minimal: "Mínima",
    mild: "Leve",
    moderate: "Moderada",
    "moderately-severe": "Moderadamente grave",
    severe: "Grave",
  },
  plainResult: {
    PHQ9: {
      minimal:
        "Tus respuestas indican que el ánimo bajo no te ha afectado mucho últimamente ({{band}}).",
      mild: "Tus respuestas indican que el ánimo bajo te ha afectado algunos días ({{band}}).",
      moderate: "Tus respuestas indican que el ánimo bajo te ha pesado bastante ({{band}}).",
      "moderately-severe":
        "Tus respuestas indican que últimamente el ánimo bajo ha sido difícil de sobrellevar ({{band}}).",
      severe:
        "Tus respuestas indican que últimamente el ánimo bajo ha sido muy difícil ({{band}}). No tienes que enfrentarlo sin ayuda.",
    },
    GAD7: {
      minimal:
        "Tus respuestas indican que la preocupación y la ansiedad no te han afectado mucho últimamente ({{band}}).",
      mild: "Tus respuestas indican que la preocupación y la ansiedad te han afectado algunos días ({{band}}).",
      moderate:
        "Tus respuestas indican que la preocupación y la ansiedad te han pesado bastante ({{band}}).",
      "moderately-severe":
        "Tus respuestas indican que últimamente la preocupación y la ansiedad han sido difíciles de sobrellevar ({{band}}).",
      severe:
        "Tus respuestas indican que últimamente la preocupación y la ansiedad han sido muy difíciles ({{band}}). No tienes que enfrentarlo sin ayuda.",
    },
  },
  helpNow: {
    title: "Si necesitas ayuda ahora",
    concernTitle: "Gracias por contárnoslo",
    concernSaid:
      "Dijiste que has tenido pensamientos de que estarías mejor muerto o muerta, o de hacerte daño. Muchas personas tienen pensamientos así, y hace falta valor para decirlo.",
    concernTold:
      "Ya le avisamos a tu equipo de atención para que se comunique contigo. No tienes que esperar: llama al 988 y marca 2 para hablar en español, o envía AYUDA por mensaje de texto al 988, a cualquier hora.",
    lineAnswers:
      "La {{name}} atiende de día y de noche, también en español. Es gratis y confidencial.",
    openPlan: "Abrir mi plan de seguridad",
    emergency: "Si estás en peligro inmediato, llama al 911.",
  },
  instruments: {
    // PHQ-9, Spanish for the USA (Pfizer / PHQ Screeners), as published.
    PHQ9: {
      title: "¿Cómo te has sentido?",
      stem: "Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?",
      items: {
        q1: "Poco interés o placer en hacer cosas",
        q2: "Se ha sentido decaído(a), deprimido(a) o sin esperanzas",
        q3: "Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado",
        q4: "Se ha sentido cansado(a) o con poca energía",
        q5: "Sin apetito o ha comido en exceso",
        q6: "Se ha sentido mal con usted mismo(a) – o que es un fracaso o que ha quedado mal con usted mismo(a) o con su familia",
        q7: "Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico o ver la televisión",
        q8: "¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? o lo contrario – muy inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal",
        q9: "Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera",
      },
      answers: {
        a0: "Ningún día",
        a1: "Varios días",
        a2: "Más de la mitad de los días",
        a3: "Casi todos los días",
      },
    },
    // GAD-7, Spanish for the USA (Pfizer / PHQ Screeners), as published.
    GAD7: {
      title: "¿Cuánta ansiedad has sentido?",
      stem: "Durante las últimas 2 semanas, ¿con qué frecuencia le han molestado los siguientes problemas?",
      items: {
        q1: "Sentirse nervioso(a), ansioso(a) o con los nervios de punta",
        q2: "No poder dejar de preocuparse o no poder controlar la preocupación",
        q3: "Preocuparse demasiado por diferentes cosas",
        q4: "Dificultad para relajarse",
        q5: "Estar tan inquieto(a) que es difícil permanecer sentado(a) tranquilamente",
        q6: "Molestarse o ponerse irritable fácilmente",
        q7: "Sentir miedo como si algo terrible pudiera pasar",
      },
      answers: {
        a0: "Nunca",
        a1: "Varios días",
        a2: "Más de la mitad de los días",
        a3: "Casi todos los días",
      },
    },
  },
};
