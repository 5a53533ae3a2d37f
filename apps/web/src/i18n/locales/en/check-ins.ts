/** Check-ins and questionnaires (W2). English is the source: the Spanish file must have exactly these keys. */
export const checkIns = {
  list: {
    title: "Check-ins",
    intro:
      "Short questionnaires about how you have been feeling. Your care team uses them to see how things change over time.",
    loading: "Loading your check-ins…",
    loadError: "We couldn't load your check-ins",
    waitingTitle: "Waiting for you",
    dueToday: "Due today",
    waitingSince: "Waiting since {{date}}",
    nextOn: "Next one on {{date}}",
    questions_one: "{{count}} question",
    questions_other: "{{count}} questions",
    /** "Due today · 9 questions, about 2 minutes" */
    length: "{{due}} · {{questions}}, about 2 minutes",
    start: "Start",
    /** After "Start", for screen readers: "Start the PHQ-9". */
    startContext: "the {{name}}",
    nothingNow: "Nothing to fill in right now.",
    nextCheckIn: "Your next check-in is on {{date}}.",
    whenAsked: "When your care team asks for a check-in, it appears here.",
    goToMyWeek: "Go to My week",
    comingUp: "Coming up: {{list}}.",
    comingUpItem: "{{name}} on {{date}}",
    recentTitle: "Your recent check-ins",
    noneYet: "No check-ins yet.",
    noneYetText:
      "Your scores appear here after your first check-in, so you can see how things move.",
    caption: "Your recent check-ins, newest first",
    when: "When",
    checkIn: "Check-in",
    score: "Score",
    band: "Band",
  },
  page: {
    fallbackTitle: "Check-in",
    back: "Back to check-ins",
    loading: "Loading your check-in…",
    loadError: "We couldn't load your check-in",
    notWaiting: "This check-in is not waiting for you.",
    notWaitingText: "It may be done already, or your care team no longer needs it.",
    seeCheckIns: "See your check-ins",
  },
  form: {
    chooseAnswer: "Choose one of the four answers to go on.",
    /** "Question 3 of 9" */
    progress: "Question {{number}} of {{count}}",
    back: "Back",
    next: "Next",
    send: "Send my answers",
    sending: "Sending your answers…",
  },
  result: {
    thanks: "Thank you for checking in",
    /** Followed by the score in bold: "Your PHQ-9 score: 13 of 27". */
    scoreLabel: "Your {{name}} score:",
    notDiagnosis:
      "This is a check-in, not a diagnosis. Your care team sees your answers and will go over them with you.",
    back: "Back to check-ins",
    goToMyWeek: "Go to My week",
  },
  /** "13 of 27" */
  scoreOutOf: "{{total}} of {{max}}",
  severity: {
    minimal: "Minimal",
    mild: "Mild",
    moderate: "Moderate",
    "moderately-severe": "Moderately severe",
    severe: "Severe",
  },
  /** What a result means, in plain and kind words; `{{band}}` is the band in lower case. */
  plainResult: {
    PHQ9: {
      minimal: "Your answers suggest low mood has not been bothering you much lately ({{band}}).",
      mild: "Your answers suggest low mood has been bothering you on some days ({{band}}).",
      moderate: "Your answers suggest low mood has been weighing on you quite a bit ({{band}}).",
      "moderately-severe":
        "Your answers suggest low mood has been hard to carry lately ({{band}}).",
      severe:
        "Your answers suggest low mood has been very hard lately ({{band}}). You don't have to handle it alone.",
    },
    GAD7: {
      minimal:
        "Your answers suggest worry and anxiety has not been bothering you much lately ({{band}}).",
      mild: "Your answers suggest worry and anxiety has been bothering you on some days ({{band}}).",
      moderate:
        "Your answers suggest worry and anxiety has been weighing on you quite a bit ({{band}}).",
      "moderately-severe":
        "Your answers suggest worry and anxiety has been hard to carry lately ({{band}}).",
      severe:
        "Your answers suggest worry and anxiety has been very hard lately ({{band}}). You don't have to handle it alone.",
    },
  },
  helpNow: {
    title: "If you need help now",
    concernTitle: "Thank you for telling us",
    concernSaid:
      "You said you have had thoughts that you would be better off dead, or of hurting yourself. Many people have thoughts like these, and it took courage to say so.",
    concernTold:
      "Your care team has been told, so they can check in with you. You don't have to wait for them: you can call or text {{number}} at any time.",
    lineAnswers: "The {{name}} answers day and night. It is free and confidential.",
    openPlan: "Open my safety plan",
    emergency: "If you are in immediate danger, call 911.",
  },
  /**
   * The questionnaires' own words. Each language has the published, validated translation
   * (Spanish: the PHQ Screeners' Spanish for the USA), word for word: do not reword them.
   */
  instruments: {
    PHQ9: {
      title: "How have you been feeling?",
      stem: "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
      items: {
        q1: "Little interest or pleasure in doing things",
        q2: "Feeling down, depressed, or hopeless",
        q3: "Trouble falling or staying asleep, or sleeping too much",
        q4: "Feeling tired or having little energy",
        q5: "Poor appetite or overeating",
        q6: "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
        q7: "Trouble concentrating on things, such as reading the newspaper or watching television",
        q8: "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
        q9: "Thoughts that you would be better off dead or of hurting yourself in some way",
      },
      answers: {
        a0: "Not at all",
        a1: "Several days",
        a2: "More than half the days",
        a3: "Nearly every day",
      },
    },
    GAD7: {
      title: "How anxious have you been?",
      stem: "Over the last 2 weeks, how often have you been bothered by the following problems?",
      items: {
        q1: "Feeling nervous, anxious or on edge",
        q2: "Not being able to stop or control worrying",
        q3: "Worrying too much about different things",
        q4: "Trouble relaxing",
        q5: "Being so restless that it is hard to sit still",
        q6: "Becoming easily annoyed or irritable",
        q7: "Feeling afraid as if something awful might happen",
      },
      answers: {
        a0: "Not at all",
        a1: "Several days",
        a2: "More than half the days",
        a3: "Nearly every day",
      },
    },
  },
};
