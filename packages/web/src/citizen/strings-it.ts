import type { Translation } from '../i18n/localise';
import type { citizenEn } from './strings';

/** Italian text of the citizen page (translation of citizenEn), in plain language. */
export const citizenIt: Translation<typeof citizenEn> = {
  nav: 'La Sua scelta sui dati',
  title: 'La Sua scelta sull’uso secondario dei Suoi dati sanitari',
  intro:
    'Nell’ambito dello spazio europeo dei dati sanitari, i dati sanitari che La riguardano possono essere riutilizzati, con adeguate garanzie, per la ricerca, l’innovazione, la sanità pubblica, le politiche e le statistiche ufficiali. Questo si chiama uso secondario. Può opporsi in qualsiasi momento, senza dover indicare un motivo, e cambiare idea in seguito.',
  signInTitle: 'Acceda per vedere e modificare la Sua scelta',
  signInIntro:
    'Acceda con la Sua identità digitale nazionale (eID), in modo che solo Lei possa vedere e modificare la Sua scelta. Il servizio non conserva né il nome né il numero di identificazione nazionale, ma solo un codice protetto ricavato dal Suo numero.',
  signInWith: 'Accedi con {label}',
  noProvider:
    'L’accesso con identità digitale nazionale non è configurato in questo servizio. Si rivolga all’organismo responsabile dell’accesso ai dati sanitari per registrare la Sua scelta.',
  notCitizen:
    'Questa pagina è riservata alle persone che hanno effettuato l’accesso con un’identità digitale nazionale. Lei ha effettuato l’accesso come {name} ({role}); esca e acceda con la Sua identità digitale nazionale per gestire la Sua scelta.',
  statusTitle: 'La Sua scelta attuale',
  optedOut: 'Ha espresso opposizione all’uso secondario dal {date}.',
  optedOutMore:
    'I Suoi dati saranno esclusi dalle autorizzazioni ai dati e dalle richieste di dati approvate da quella data in poi. Può revocare l’opposizione in qualsiasi momento.',
  notOptedOut: 'Non ha espresso opposizione all’uso secondario.',
  notOptedOutMore:
    'I Suoi dati possono essere oggetto di uso secondario in base a un’autorizzazione ai dati o a una richiesta di dati, con le garanzie previste dalla legge. Può opporsi in qualsiasi momento.',
  optOutButton: 'Mi oppongo all’uso secondario',
  optInButton: 'Revoca l’opposizione',
  confirmOptOutTitle: 'Conferma: opposizione all’uso secondario',
  confirmOptOut:
    'Da ora in poi i Suoi dati saranno esclusi dalle autorizzazioni ai dati e dalle richieste di dati approvate dopo oggi. Le autorizzazioni approvate in precedenza non cambiano, e neppure le Sue cure.',
  confirmOptInTitle: 'Conferma: revoca dell’opposizione',
  confirmOptIn:
    'Da ora in poi i Suoi dati potranno essere inclusi nelle autorizzazioni ai dati e nelle richieste di dati approvate dopo oggi. Le autorizzazioni approvate mentre era valida la Sua opposizione restano senza i Suoi dati.',
  confirmYesOut: 'Sì, mi oppongo',
  confirmYesIn: 'Sì, revoco l’opposizione',
  cancel: 'Annulla',
  working: 'Salvataggio della Sua scelta…',
  doneOut: 'La Sua opposizione è stata registrata. Ricevuta {receipt}, {date}.',
  doneIn: 'La Sua opposizione è stata revocata. Ricevuta {receipt}, {date}.',
  unchanged: 'La Sua scelta era già registrata; non è cambiato nulla.',
  historyTitle: 'Cronologia e ricevute',
  historyEmpty: 'Non ha ancora espresso alcuna scelta.',
  historyCaption: 'Ogni modifica della Sua scelta, dalla più recente, con il numero di ricevuta.',
  colWhat: 'Cosa',
  colWhen: 'Quando',
  colReceipt: 'Ricevuta',
  actionOptOut: 'Opposizione',
  actionReversal: 'Revoca dell’opposizione',
  failed: 'Non è stato possibile salvare la Sua scelta',
  loadFailed: 'Non è stato possibile caricare la Sua scelta',
  aboutTitle: 'Che cosa significa la Sua scelta',
  coversTitle: 'Che cosa riguarda l’opposizione',
  covers: [
    'L’uso secondario dei Suoi dati sanitari elettronici ai sensi del regolamento (UE) 2025/327 sullo spazio europeo dei dati sanitari, articolo 71: le autorizzazioni ai dati e le richieste di dati approvate dall’organismo responsabile dell’accesso ai dati sanitari dopo la Sua opposizione.',
    'Ogni titolare dei dati collegato a questo organismo responsabile dell’accesso ai dati sanitari esclude i Suoi dati quando prepara i dati per tale autorizzazione.',
  ],
  notCoversTitle: 'Che cosa non cambia',
  notCovers: [
    'Le autorizzazioni e le richieste approvate prima della Sua opposizione (articolo 71, paragrafo 3): i dati già preparati per esse restano in uso fino alla loro conclusione.',
    'Le Sue cure: i medici e gli ospedali che La curano continuano a vedere e usare i Suoi dati sanitari come prima.',
    'Altre leggi che impongono la comunicazione di dati, ad esempio ai registri di patologia.',
    'Le scelte in altri paesi: un’opposizione espressa qui vale solo per questo paese.',
  ],
  exceptionsTitle: 'Eccezioni',
  exceptions:
    'Il diritto nazionale può consentire a un ente pubblico con un mandato di sanità pubblica di usare i dati nonostante le opposizioni, solo per finalità di sanità pubblica, di definizione delle politiche o di statistica ufficiale, oppure per ricerca di rilevante interesse pubblico, quando i dati non possono essere ottenuti in altro modo, e solo se la deroga è giustificata e riportata nell’autorizzazione (articolo 71, paragrafo 4). Ciascuna di queste autorizzazioni registra che la deroga è stata concessa.',
  privacyTitle: 'Come viene conservata la Sua scelta',
  privacy:
    'Il registro contiene un codice protetto ottenuto dal Suo numero di identificazione nazionale con una chiave segreta, le date delle Sue scelte e le relative ricevute: nessun nome, nessun numero. I titolari dei dati La riconoscono tramite lo stesso codice; l’organismo responsabile dell’accesso ai dati sanitari vede solo quante persone si sono opposte, mai chi.',
};
