// The widget's own words (buttons, labels, errors) in Dutch and English. What the assistant says
// comes from the server in the conversation's language; only these texts live in the widget.

/** The languages the widget and the dialogs speak, each named in its own language. */
export const languages = Object.freeze({ nl: 'Nederlands', en: 'English' });

const words = {
  nl: {
    launcher: 'Vragen over een second opinion?',
    title: 'Hulp bij een second opinion',
    close: 'Sluiten',
    conversation: 'Gesprek',
    you: 'Jij:',
    assistant: 'Assistent:',
    messageLabel: 'Je bericht',
    placeholder: 'Typ je vraag…',
    send: 'Versturen',
    back: 'Terug',
    human: 'Praat met een mens',
    restart: 'Opnieuw beginnen',
    choices: 'Kies een antwoord',
    yes: 'Ja',
    no: 'Nee',
    sources: 'Bronnen',
    plan: (count) => `Jouw plan (${count})`,
    languageSwitch: 'Taal',
    newTab: '(opent in een nieuw tabblad)',
    starting: 'Even geduld, het gesprek start…',
    resumed: 'Je gaat verder waar je was gebleven.',
    ended: 'Het gesprek is afgelopen. Je kunt opnieuw beginnen.',
    handoff: 'Een medewerker neemt het gesprek van je over.',
    unreachable: 'De assistent is nu niet bereikbaar. Controleer je internetverbinding en probeer het zo nog eens.',
    rateLimited: (seconds) => `Je stuurt veel berichten snel achter elkaar. Wacht ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} en probeer het dan opnieuw.`,
    expired: 'Je vorige gesprek is verlopen. We zijn een nieuw gesprek begonnen.',
    failed: 'Er ging iets mis bij de assistent. Probeer het zo nog eens.',
  },
  en: {
    launcher: 'Questions about a second opinion?',
    title: 'Help with a second opinion',
    close: 'Close',
    conversation: 'Conversation',
    you: 'You:',
    assistant: 'Assistant:',
    messageLabel: 'Your message',
    placeholder: 'Type your question…',
    send: 'Send',
    back: 'Back',
    human: 'Talk to a person',
    restart: 'Start again',
    choices: 'Choose an answer',
    yes: 'Yes',
    no: 'No',
    sources: 'Sources',
    plan: (count) => `Your plan (${count})`,
    languageSwitch: 'Language',
    newTab: '(opens in a new tab)',
    starting: 'One moment, the conversation is starting…',
    resumed: 'You are carrying on where you left off.',
    ended: 'The conversation has ended. You can start again.',
    handoff: 'A person will take over the conversation from here.',
    unreachable: 'The assistant cannot be reached right now. Check your internet connection and try again shortly.',
    rateLimited: (seconds) => `You are sending many messages in a short time. Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and try again.`,
    expired: 'Your earlier conversation has expired. We have started a new one.',
    failed: 'Something went wrong at the assistant. Try again shortly.',
  },
};

/** The words for `language`, falling back to English for a language the widget does not know. */
export function wordsFor(language) {
  return words[language] ?? words.en;
}

/** `language` when the widget speaks it, else null. Accepts region tags such as `nl-NL`. */
export function supportedLanguage(language) {
  const base = String(language ?? '').toLowerCase().split('-')[0];
  return Object.hasOwn(languages, base) ? base : null;
}
