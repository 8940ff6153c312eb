import type { Translation } from '../i18n/localise';
import type { citizenEn } from './strings';

/** German text of the citizen page, in plain language (translation of citizenEn). */
export const citizenDe: Translation<typeof citizenEn> = {
  nav: 'Ihre Datenentscheidung',
  title: 'Ihre Entscheidung zur Sekundärnutzung Ihrer Gesundheitsdaten',
  intro:
    'Im europäischen Gesundheitsdatenraum dürfen Gesundheitsdaten, die über Sie gespeichert sind, unter Schutzvorkehrungen erneut genutzt werden: für Forschung, Innovation, öffentliche Gesundheit, Politikgestaltung und amtliche Statistik. Das nennt man Sekundärnutzung. Sie können ihr jederzeit und ohne Angabe von Gründen widersprechen und Ihre Meinung später ändern.',
  signInTitle: 'Melden Sie sich an, um Ihre Entscheidung einzusehen und zu ändern',
  signInIntro:
    'Melden Sie sich mit Ihrer nationalen eID an, damit nur Sie Ihre Entscheidung sehen und ändern können. Der Dienst speichert weder Ihren Namen noch Ihre nationale Identifikationsnummer, sondern nur einen geschützten Code, der aus Ihrer Nummer abgeleitet ist.',
  signInWith: 'Mit {label} anmelden',
  noProvider:
    'Die Anmeldung mit nationaler eID ist bei diesem Dienst nicht eingerichtet. Wenden Sie sich an die Zugangsstelle für Gesundheitsdaten, um Ihre Entscheidung erfassen zu lassen.',
  notCitizen:
    'Diese Seite ist für Privatpersonen, die mit einer nationalen eID angemeldet sind. Sie sind als {name} ({role}) angemeldet; melden Sie sich ab und mit Ihrer nationalen eID wieder an, um Ihre eigene Entscheidung zu verwalten.',
  statusTitle: 'Ihre aktuelle Entscheidung',
  optedOut: 'Sie haben am {date} widersprochen.',
  optedOutMore:
    'Ihre Daten werden bei Datengenehmigungen und Datenanfragen, die ab diesem Tag bewilligt werden, nicht verwendet. Sie können Ihren Widerspruch jederzeit zurücknehmen.',
  notOptedOut: 'Sie haben nicht widersprochen.',
  notOptedOutMore:
    'Ihre Daten dürfen im Rahmen einer Datengenehmigung oder Datenanfrage unter den gesetzlichen Schutzvorkehrungen für die Sekundärnutzung verwendet werden. Sie können jederzeit widersprechen.',
  optOutButton: 'Der Sekundärnutzung widersprechen',
  optInButton: 'Widerspruch zurücknehmen',
  confirmOptOutTitle: 'Bestätigen: Der Sekundärnutzung widersprechen',
  confirmOptOut:
    'Ab jetzt werden Ihre Daten bei Datengenehmigungen und Datenanfragen, die nach dem heutigen Tag bewilligt werden, nicht verwendet. Früher bewilligte Genehmigungen sind nicht betroffen, und Ihre Behandlung ist nicht betroffen.',
  confirmOptInTitle: 'Bestätigen: Widerspruch zurücknehmen',
  confirmOptIn:
    'Ab jetzt dürfen Ihre Daten in Datengenehmigungen und Datenanfragen einbezogen werden, die nach dem heutigen Tag bewilligt werden. Genehmigungen, die während Ihres Widerspruchs bewilligt wurden, bleiben ohne Ihre Daten.',
  confirmYesOut: 'Ja, widersprechen',
  confirmYesIn: 'Ja, Widerspruch zurücknehmen',
  cancel: 'Abbrechen',
  working: 'Ihre Entscheidung wird gespeichert…',
  doneOut: 'Ihr Widerspruch ist erfasst. Bestätigung {receipt}, {date}.',
  doneIn: 'Sie haben Ihren Widerspruch zurückgenommen. Bestätigung {receipt}, {date}.',
  unchanged: 'Ihre Entscheidung war bereits erfasst; es hat sich nichts geändert.',
  historyTitle: 'Verlauf und Bestätigungen',
  historyEmpty: 'Sie haben noch keine Entscheidung getroffen.',
  historyCaption: 'Jede Änderung Ihrer Entscheidung, neueste zuerst, mit Bestätigungsnummer.',
  colWhat: 'Was',
  colWhen: 'Wann',
  colReceipt: 'Bestätigung',
  actionOptOut: 'Widersprochen',
  actionReversal: 'Widerspruch zurückgenommen',
  failed: 'Ihre Entscheidung konnte nicht gespeichert werden',
  loadFailed: 'Ihre Entscheidung konnte nicht geladen werden',
  aboutTitle: 'Was Ihre Entscheidung bedeutet',
  coversTitle: 'Was der Widerspruch umfasst',
  covers: [
    'Die Sekundärnutzung Ihrer elektronischen Gesundheitsdaten nach der Verordnung (EU) 2025/327 über den europäischen Gesundheitsdatenraum, Artikel 71: Datengenehmigungen und Datenanfragen, die die Zugangsstelle für Gesundheitsdaten nach Ihrem Widerspruch bewilligt.',
    'Jeder an diese Zugangsstelle angeschlossene Gesundheitsdateninhaber lässt Ihre Daten weg, wenn er Daten für eine solche Genehmigung aufbereitet.',
  ],
  notCoversTitle: 'Was er nicht ändert',
  notCovers: [
    'Genehmigungen und Anfragen, die vor Ihrem Widerspruch bewilligt wurden (Artikel 71 Absatz 3): Bereits dafür aufbereitete Daten bleiben bis zu deren Ende in Verwendung.',
    'Ihre Behandlung: Ärztinnen, Ärzte und Krankenhäuser, die Sie behandeln, sehen und nutzen Ihre Gesundheitsdaten weiterhin wie bisher.',
    'Andere Gesetze, nach denen Daten gemeldet werden müssen, zum Beispiel an Krankheitsregister.',
    'Entscheidungen in anderen Ländern: Ein Widerspruch hier gilt nur für dieses Land.',
  ],
  exceptionsTitle: 'Ausnahmen',
  exceptions:
    'Das nationale Recht kann einer öffentlichen Stelle mit einem Auftrag im Bereich der öffentlichen Gesundheit erlauben, Daten trotz Widerspruchs zu nutzen – nur für öffentliche Gesundheit, Politikgestaltung oder amtliche Statistik oder für wichtige Forschung im öffentlichen Interesse, wenn die Daten nicht auf andere Weise beschafft werden können, und nur, wenn die Ausnahme begründet und in der Genehmigung festgehalten ist (Artikel 71 Absatz 4). Jede solche Genehmigung vermerkt, dass die Ausnahme gewährt wurde.',
  privacyTitle: 'Wie Ihre Entscheidung gespeichert wird',
  privacy:
    'Das Register enthält einen geschützten Code, der mit einem geheimen Schlüssel aus Ihrer nationalen Identifikationsnummer gebildet wird, sowie die Zeitpunkte Ihrer Entscheidungen und die Bestätigungen – keinen Namen, keine Nummer. Gesundheitsdateninhaber erkennen Sie am selben Code; die Zugangsstelle für Gesundheitsdaten sieht nur, wie viele Menschen widersprochen haben, nie wer.',
};
