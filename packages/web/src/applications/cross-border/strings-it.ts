import type { Translation } from '../../i18n/localise';
import type { crossBorderEn } from './strings';

/** Italian text of the cross-border part of a case file (translation of crossBorderEn). */
export const crossBorderIt: Translation<typeof crossBorderEn> = {
  title: 'HDAB degli altri paesi (art. 67, paragrafo 3, e art. 68, paragrafo 5)',
  introApplicant:
    'La Sua domanda riguarda dati detenuti in altri Stati membri. È stata trasmessa all’organismo responsabile dell’accesso ai dati sanitari di ciascun paese; ognuno decide per i dati del proprio paese e comunica qui la propria decisione.',
  introStaff:
    'Il fascicolo è stato trasmesso a questi HDAB per i dati dei rispettivi paesi; ognuno decide per la propria parte e la sua decisione firmata arriva qui.',
  country: '{country}',
  peer: 'HDAB',
  peerUnknown: 'Non configurato come HDAB partner',
  datasets: 'Set di dati in questo paese',
  remoteReference: 'Riferimento dell’HDAB',
  remoteStatus: 'Stato presso l’HDAB',
  notYet: 'Non ancora comunicato',
  forwarded: 'Trasmissione',
  forwardedAt: 'Consegnato il {at}',
  forwardPending: 'Non ancora consegnato (tentativi: {attempts})',
  forwardPendingNone: 'In attesa di invio',
  lastError: 'Ultimo errore: {error}',
  lastSync: 'Ultimo aggiornamento',
  reason: 'Nota dell’HDAB',
  information: 'Richiesta di informazioni',
  informationAsked: 'Il {at} l’HDAB ha chiesto:',
  informationOpen:
    'Risponda entro 4 settimane, altrimenti la domanda è respinta per la sua parte (art. 68, paragrafo 4).',
  informationAnswered: 'Ha risposto il {at}:',
  answer: 'La Sua risposta a {peer}',
  answerMissing: 'Scriva la Sua risposta.',
  sendAnswer: 'Invia la risposta',
  sending: 'Invio…',
  delivery: 'Consegnata all’HDAB il {at}.',
  deliveryPending: 'Non ancora consegnata all’HDAB.',
  fees: 'Stima dei diritti per la sua parte (art. 62)',
  feesSent: 'Inviata il {at}.',
  feesAccepted: 'L’ha accettata il {at}.',
  feesStaffAccepted: 'Accettata dal richiedente il {at}.',
  feesOpen: 'Non ancora accettata. L’HDAB può concedere l’accesso solo dopo che Lei l’avrà accettata.',
  acceptFees: 'Accetta la stima',
  accepting: 'Accettazione…',
  decision: 'Decisione dell’HDAB',
  outcome: 'Esito',
  signedAt: 'Firmata il',
  downloadDecision: 'Scarica la decisione firmata',
  verifyNote:
    'La decisione è firmata con la chiave di quell’HDAB ed è stata verificata al suo arrivo. Verifichi il file offline con {command}.',
  verifyCommand: 'ehds verify FILE',
  noDecision: 'Ancora nessuna decisione.',
};
