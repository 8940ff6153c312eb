import type { Translation } from '../../i18n/localise';
import type { crossBorderEn } from './strings';

/** German text of the cross-border part of a case file (translation of crossBorderEn). */
export const crossBorderDe: Translation<typeof crossBorderEn> = {
  title: 'Zugangsstellen anderer Länder (Art. 67 Abs. 3, Art. 68 Abs. 5)',
  introApplicant:
    'Ihr Antrag betrifft Daten, die in anderen Mitgliedstaaten vorliegen. Er wurde an die Zugangsstelle für Gesundheitsdaten jedes dieser Länder weitergeleitet; jede entscheidet über die Daten in ihrem Land und teilt ihre Entscheidung hier mit.',
  introStaff:
    'Die Akte wurde für die Daten ihrer Länder an diese Zugangsstellen weitergeleitet; jede entscheidet über ihren Teil, und ihre signierte Entscheidung geht hier ein.',
  country: '{country}',
  peer: 'Zugangsstelle',
  peerUnknown: 'Nicht als Partnerstelle konfiguriert',
  datasets: 'Datensätze in diesem Land',
  remoteReference: 'Aktenzeichen dort',
  remoteStatus: 'Status dort',
  notYet: 'Noch nicht gemeldet',
  forwarded: 'Weitergeleitet',
  forwardedAt: 'Zugestellt am {at}',
  forwardPending: 'Noch nicht zugestellt (Versuche: {attempts})',
  forwardPendingNone: 'Wartet auf den Versand',
  lastError: 'Letzter Fehler: {error}',
  lastSync: 'Letzte Meldung',
  reason: 'Anmerkung der dortigen Zugangsstelle',
  information: 'Informationsersuchen',
  informationAsked: 'Angefragt am {at}:',
  informationOpen:
    'Antworten Sie innerhalb von 4 Wochen, sonst wird der Antrag für diesen Teil abgelehnt (Art. 68 Abs. 4).',
  informationAnswered: 'Sie haben am {at} geantwortet:',
  answer: 'Ihre Antwort an {peer}',
  answerMissing: 'Schreiben Sie Ihre Antwort.',
  sendAnswer: 'Antwort senden',
  sending: 'Wird gesendet…',
  delivery: 'Am {at} dort zugestellt.',
  deliveryPending: 'Dort noch nicht zugestellt.',
  fees: 'Gebührenschätzung für diesen Teil (Art. 62)',
  feesSent: 'Übermittelt am {at}.',
  feesAccepted: 'Sie haben sie am {at} angenommen.',
  feesStaffAccepted: 'Vom Antragsteller am {at} angenommen.',
  feesOpen:
    'Noch nicht angenommen. Die dortige Zugangsstelle kann den Zugang erst gewähren, wenn Sie die Schätzung angenommen haben.',
  acceptFees: 'Schätzung annehmen',
  accepting: 'Wird angenommen…',
  decision: 'Entscheidung der dortigen Zugangsstelle',
  outcome: 'Ergebnis',
  signedAt: 'Signiert',
  downloadDecision: 'Signierte Entscheidung herunterladen',
  verifyNote:
    'Die Entscheidung ist mit dem Schlüssel dieser Zugangsstelle signiert und wurde beim Eingang damit geprüft. Prüfen Sie die Datei offline mit {command}.',
  verifyCommand: 'ehds verify FILE',
  noDecision: 'Noch keine Entscheidung.',
};
