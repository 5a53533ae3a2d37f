/** Reminder and push notification settings (W3). English is the source: the Spanish file must have exactly these keys. */
export const reminders = {
  preferences: {
    title: "Session reminders",
    intro:
      "Reminders say only when a session starts, with a link to Bridgeway: never what it is about.",
    loading: "Loading your reminder choices…",
    error: "We couldn't load your reminder choices",
    enabled: "Remind me of my sessions, a day before and an hour before",
    sendBy: "Send reminders by",
    email: "Email",
    sms: "Text message",
    phone: "Mobile number",
    phoneHint: "With its country code, such as +1 555 123 4567.",
    phoneHintNotSent:
      "With its country code, such as +1 555 123 4567. Your clinic has not set up text messages yet, so for now they are kept on the server, not sent.",
    quiet: "Keep quiet hours, when no reminders are sent",
    quietFrom: "Quiet from",
    quietUntil: "Quiet until",
    zoneHint: "{{zone}}.",
    saving: "Saving your reminders…",
    save: "Save reminders",
    saved: "Your reminder choices are saved.",
    checkFields: "Check the fields marked below.",
    invalid: {
      channel: "Choose email, text message or both.",
      phone: "Enter a mobile number with its country code, such as +1 555 123 4567.",
      time: "Enter a time, such as 9:00 PM.",
    },
  },
  device: {
    title: "Notifications on this device",
    checking: "Checking this device…",
    working: "Working…",
    on: "On",
    off: "Off",
    caption: {
      unsupported:
        "This browser cannot show notifications from Bridgeway. On an iPhone or iPad, add Bridgeway to your home screen first (Share, then Add to Home Screen) and open it from there.",
      blocked:
        "Notifications are blocked for Bridgeway in this browser. Allow them in the browser's site settings, then reload this page.",
      off: "Off. Turn them on to hear when a session starts, when you are let in, and when someone mentions you.",
      on: "On for this device. Notifications never show what was said or who said it.",
    },
    notAllowed: "Bridgeway was not allowed to show notifications. Try again when you are ready.",
    browserFailed: "This browser could not set up notifications. Reload the page and try again.",
  },
};
