<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>AgeWords</name>
        <message>
            <source>just now</source>
            <translation>gerade eben</translation>
        </message>
        <message numerus="yes">
            <source>%n min ago</source>
            <translation>
                <numerusform>vor %n min</numerusform>
                <numerusform>vor %n min</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h ago</source>
            <translation>
                <numerusform>vor %n h</numerusform>
                <numerusform>vor %n h</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>vor %n Tag</numerusform>
                <numerusform>vor %n Tagen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AlarmsTab</name>
        <message>
            <source>Logger alarms</source>
            <translation>Logger-Alarme</translation>
        </message>
        <message>
            <source>Sensor whose alarms are shown</source>
            <translation>Fühler, dessen Alarme angezeigt werden</translation>
        </message>
        <message>
            <source>Sensor alarms</source>
            <translation>Fühler-Alarme</translation>
        </message>
        <message>
            <source>Sensor</source>
            <translation>Fühler</translation>
        </message>
        <message>
            <source>Alarms of the logger and of its sensors</source>
            <translation>Alarme des Loggers und seiner Fühler</translation>
        </message>
    </context>
    <context>
        <name>AuditLogDialog</name>
        <message>
            <source>Audit log</source>
            <translation>Änderungsprotokoll</translation>
        </message>
        <message>
            <source>Audit log — changes sent to the cloud</source>
            <translation>Änderungsprotokoll — an die Cloud gesendete Änderungen</translation>
        </message>
        <message>
            <source>Show changes of site</source>
            <translation>Änderungen dieses Standorts zeigen</translation>
        </message>
        <message>
            <source>All sites</source>
            <translation>Alle Standorte</translation>
        </message>
        <message>
            <source>Changes sent to the cloud</source>
            <translation>An die Cloud gesendete Änderungen</translation>
        </message>
        <message>
            <source>Settings before and after</source>
            <translation>Einstellungen vorher und nachher</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Vorher</translation>
        </message>
        <message>
            <source>After</source>
            <translation>Nachher</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>Einstellung</translation>
        </message>
        <message>
            <source>&amp;Export as CSV…</source>
            <translation>Als CSV &amp;exportieren …</translation>
        </message>
        <message>
            <source>Export the shown entries as CSV</source>
            <translation>Die angezeigten Einträge als CSV exportieren</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Site:</source>
            <translation>Standort:</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n Änderung</numerusform>
                <numerusform>%n Änderungen</numerusform>
            </translation>
        </message>
        <message>
            <source>Export the audit log</source>
            <translation>Änderungsprotokoll exportieren</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) exported to %1</source>
            <translation>
                <numerusform>%n Änderung nach %1 exportiert</numerusform>
                <numerusform>%n Änderungen nach %1 exportiert</numerusform>
            </translation>
        </message>
        <message>
            <source>Export failed: %1</source>
            <translation>Export fehlgeschlagen: %1</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <source>When</source>
            <extracomment>the column of the change in words, which takes the room the others leave</extracomment>
            <translation>Wann</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Benutzer</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Standort</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Änderung</translation>
        </message>
        <message>
            <source>Object</source>
            <translation>Objekt</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Sent, not yet confirmed</source>
            <translation>Gesendet, noch nicht bestätigt</translation>
        </message>
        <message>
            <source>Accepted by the cloud</source>
            <translation>Von der Cloud übernommen</translation>
        </message>
        <message>
            <source>Already in the cloud</source>
            <translation>Schon in der Cloud</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Abgelehnt</translation>
        </message>
    </context>
    <context>
        <name>BoardTableModel</name>
        <message>
            <source>waiting</source>
            <translation>wartet</translation>
        </message>
        <message>
            <source>joined</source>
            <translation>beigetreten</translation>
        </message>
        <message>
            <source>configuring</source>
            <translation>wird eingerichtet</translation>
        </message>
        <message>
            <source>configured</source>
            <translation>eingerichtet</translation>
        </message>
        <message>
            <source>needs attention</source>
            <translation>braucht Aufmerksamkeit</translation>
        </message>
        <message>
            <source>Name and cycles</source>
            <translation>Name und Takte</translation>
        </message>
        <message>
            <source>Measuring object</source>
            <translation>Messobjekt</translation>
        </message>
        <message>
            <source>Alarm limits</source>
            <translation>Alarmgrenzwerte</translation>
        </message>
        <message>
            <source>waiting to be sent</source>
            <translation>wartet auf das Senden</translation>
        </message>
        <message>
            <source>being sent</source>
            <translation>wird gesendet</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>gesendet</translation>
        </message>
        <message>
            <source>changed in the cloud as well</source>
            <translation>auch in der Cloud geändert</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>abgelehnt</translation>
        </message>
        <message>
            <source>Serial number</source>
            <translation>Seriennummer</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Einzelheiten</translation>
        </message>
    </context>
    <context>
        <name>BulkApplyDialog</name>
        <message numerus="yes">
            <source>%n item(s) selected.</source>
            <extracomment>Reads the caller's form: the change to run for each item, or a message why it cannot start yet.</extracomment>
            <translation>
                <numerusform>%n Element ausgewählt.</numerusform>
                <numerusform>%n Elemente ausgewählt.</numerusform>
            </translation>
        </message>
        <message>
            <source>Result per item</source>
            <translation>Ergebnis je Element</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Element</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>wartet</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <source>Apply to all</source>
            <translation>Auf alle anwenden</translation>
        </message>
        <message>
            <source>Apply to all selected items</source>
            <translation>Auf alle ausgewählten Elemente anwenden</translation>
        </message>
        <message>
            <source>Retry failed</source>
            <translation>Fehlgeschlagene wiederholen</translation>
        </message>
        <message>
            <source>Retry the failed items</source>
            <translation>Die fehlgeschlagenen Elemente erneut senden</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>sending…</source>
            <translation>wird gesendet …</translation>
        </message>
        <message>
            <source>OK — %1</source>
            <translation>OK — %1</translation>
        </message>
        <message>
            <source>Failed — %1</source>
            <translation>Fehlgeschlagen — %1</translation>
        </message>
        <message>
            <source>%1 succeeded, %2 failed.</source>
            <translation>%1 erfolgreich, %2 fehlgeschlagen.</translation>
        </message>
        <message>
            <source>Stopped: %1</source>
            <translation>Angehalten: %1</translation>
        </message>
        <message>
            <source>Retry failed (%1)</source>
            <translation>Fehlgeschlagene wiederholen (%1)</translation>
        </message>
    </context>
    <context>
        <name>BulkSettingsForm</name>
        <message>
            <source>Measuring cycle</source>
            <translation>Messtakt</translation>
        </message>
        <message>
            <source>Set the measuring cycle</source>
            <translation>Messtakt einstellen</translation>
        </message>
        <message>
            <source>Measuring cycle for all</source>
            <translation>Messtakt für alle</translation>
        </message>
        <message>
            <source>Communication cycle</source>
            <translation>Kommunikationstakt</translation>
        </message>
        <message>
            <source>Set the communication cycle</source>
            <translation>Kommunikationstakt einstellen</translation>
        </message>
        <message>
            <source>Communication cycle for all</source>
            <translation>Kommunikationstakt für alle</translation>
        </message>
        <message>
            <source>The allowed range is what every selected logger accepts.</source>
            <translation>Erlaubt ist, was jeder ausgewählte Logger annimmt.</translation>
        </message>
        <message>
            <source>Enter the %1.</source>
            <translation>Geben Sie den Wert ein: %1.</translation>
        </message>
        <message>
            <source>Tick at least one setting to apply.</source>
            <translation>Kreuzen Sie mindestens eine Einstellung an, die übernommen werden soll.</translation>
        </message>
        <message>
            <source>measuring cycle %1</source>
            <translation>Messtakt %1</translation>
        </message>
        <message>
            <source>communication cycle %1</source>
            <translation>Kommunikationstakt %1</translation>
        </message>
    </context>
    <context>
        <name>ChangesView</name>
        <message>
            <source>Changes in plain words</source>
            <translation>Änderungen in Worten</translation>
        </message>
        <message>
            <source>Technical details</source>
            <translation>Technische Details</translation>
        </message>
        <message>
            <source>The request and its body exactly as sent to the cloud, e.g. for support</source>
            <translation>Die Anfrage und ihr Inhalt genau so, wie sie an die Cloud gehen, z. B. für den Support</translation>
        </message>
        <message>
            <source>Changed fields</source>
            <translation>Geänderte Felder</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Feld</translation>
        </message>
        <message>
            <source>On the server</source>
            <translation>Auf dem Server</translation>
        </message>
        <message>
            <source>Will be sent</source>
            <translation>Wird gesendet</translation>
        </message>
        <message>
            <source>Complete request body</source>
            <translation>Vollständiger Anfrageinhalt</translation>
        </message>
        <message>
            <source>Complete request body (fields this screen does not show go back unchanged):</source>
            <translation>Vollständiger Anfrageinhalt (Felder, die diese Ansicht nicht zeigt, gehen unverändert zurück):</translation>
        </message>
        <message>
            <source>(removed)</source>
            <translation>(entfernt)</translation>
        </message>
        <message>
            <source>(not set)</source>
            <translation>(nicht gesetzt)</translation>
        </message>
        <message>
            <source>(new, see below)</source>
            <translation>(neu, siehe unten)</translation>
        </message>
        <message>
            <source>(see below)</source>
            <translation>(siehe unten)</translation>
        </message>
        <message>
            <source>No changes</source>
            <translation>Keine Änderungen</translation>
        </message>
    </context>
    <context>
        <name>Cli</name>
        <message>
            <source>The demo's saved state %1 cannot be read (%2); delete it to start afresh.</source>
            <extracomment>The file the demo's simulated cloud lives in between commands (in the data folder). Where the demo's virtual loggers are told to connect (any Wi-Fi name does in the simulator). Failures while waiting that will not go away by waiting longer. The CLI's own log file, next to the app's in the log folder. the demo's in-process simulator; None against a real server</extracomment>
            <translation>Der gespeicherte Zustand der Demo %1 kann nicht gelesen werden (%2); löschen Sie ihn, um neu zu beginnen.</translation>
        </message>
        <message>
            <source>Give the API account's user name with --user (or $%1).</source>
            <translation>Geben Sie den Benutzernamen des API-Kontos mit --user an (oder $%1).</translation>
        </message>
        <message>
            <source>No password: set SAVERIS_PASSWORD, let the app remember it, or run this in a terminal.</source>
            <translation>Kein Passwort: Setzen Sie SAVERIS_PASSWORD, lassen Sie es die App speichern, oder starten Sie den Befehl in einem Terminal.</translation>
        </message>
        <message>
            <source>Password for %1 (%2): </source>
            <translation>Passwort für %1 (%2): </translation>
        </message>
        <message>
            <source>No password was entered.</source>
            <translation>Es wurde kein Passwort eingegeben.</translation>
        </message>
        <message>
            <source>Something unforeseen went wrong; the details are in %1.</source>
            <translation>Etwas Unvorhergesehenes ist schiefgegangen; die Einzelheiten stehen in %1.</translation>
        </message>
        <message>
            <source>The demo's state could not be saved: %1.</source>
            <translation>Der Zustand der Demo konnte nicht gespeichert werden: %1.</translation>
        </message>
        <message>
            <source>Enter a name for the site, for example the name of the shop or building.</source>
            <translation>Geben Sie einen Namen für den Standort ein, zum Beispiel den Namen des Geschäfts oder Gebäudes.</translation>
        </message>
        <message>
            <source>The site name is too long: at most %1 characters.</source>
            <translation>Der Name des Standorts ist zu lang: höchstens %1 Zeichen.</translation>
        </message>
        <message>
            <source>The site name contains invisible control characters.</source>
            <translation>Der Name des Standorts enthält unsichtbare Steuerzeichen.</translation>
        </message>
        <message>
            <source>works</source>
            <extracomment>A probe's outcome as the app's first-contact dialog words it.</extracomment>
            <translation>funktioniert</translation>
        </message>
        <message>
            <source>not offered</source>
            <translation>nicht angeboten</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>abgelehnt</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>fehlgeschlagen</translation>
        </message>
        <message>
            <source>not tried</source>
            <translation>nicht versucht</translation>
        </message>
        <message>
            <source>The report could not be written to %1: %2.</source>
            <translation>Der Bericht konnte nicht nach %1 geschrieben werden: %2.</translation>
        </message>
        <message>
            <source>First contact with %1, site “%2”:</source>
            <translation>Erster Kontakt mit %1, Standort „%2“:</translation>
        </message>
        <message>
            <source>First contact with %1:</source>
            <translation>Erster Kontakt mit %1:</translation>
        </message>
        <message>
            <source>needed</source>
            <translation>nötig</translation>
        </message>
        <message>
            <source>assumed</source>
            <translation>vermutet</translation>
        </message>
        <message>
            <source>Report for support: %1</source>
            <translation>Bericht für den Support: %1</translation>
        </message>
        <message>
            <source>“%1” is not a time zone; use an IANA name such as Europe/Berlin.</source>
            <translation>„%1“ ist keine Zeitzone; verwenden Sie einen IANA-Namen wie Europe/Berlin.</translation>
        </message>
        <message>
            <source>Site: %1</source>
            <translation>Standort: %1</translation>
        </message>
        <message>
            <source>Connect key: %1</source>
            <translation>Verbindungsschlüssel: %1</translation>
        </message>
        <message>
            <source>Time zone: %1</source>
            <translation>Zeitzone: %1</translation>
        </message>
        <message>
            <source>The site exists, but its time zone failed: %1</source>
            <translation>Der Standort existiert, aber seine Zeitzone ist fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>The site exists, but its list of devices failed: %1</source>
            <translation>Der Standort existiert, aber die Liste seiner Geräte ist fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>firmware %1</source>
            <translation>Firmware %1</translation>
        </message>
        <message>
            <source>sensors %1</source>
            <translation>Fühler %1</translation>
        </message>
        <message>
            <source>“%1”</source>
            <translation>„%1“</translation>
        </message>
        <message>
            <source>%1 · not readable (%2)</source>
            <translation>%1 · nicht lesbar (%2)</translation>
        </message>
        <message>
            <source>No loggers in “%1” yet.</source>
            <translation>Noch keine Logger in „%1“.</translation>
        </message>
        <message>
            <source>No connection to the cloud (normal while on a logger's hotspot); checking again by itself.</source>
            <translation>Keine Verbindung zur Cloud (normal, solange der Laptop im Hotspot eines Loggers ist); es wird von selbst erneut geprüft.</translation>
        </message>
        <message>
            <source>The last check failed: %1 Trying again by itself.</source>
            <translation>Die letzte Prüfung ist fehlgeschlagen: %1 Es wird von selbst erneut versucht.</translation>
        </message>
        <message>
            <source>%1 logger(s) on the site; %2 of %3 new.</source>
            <translation>Logger am Standort: %1; davon neu: %2 von %3.</translation>
        </message>
        <message>
            <source>Asking the cloud for the site's loggers …</source>
            <translation>Die Cloud wird nach den Loggern des Standorts gefragt …</translation>
        </message>
        <message>
            <source>--new must be 1 or more.</source>
            <translation>--new muss 1 oder größer sein.</translation>
        </message>
        <message>
            <source>--timeout must be more than 0 seconds.</source>
            <translation>--timeout muss mehr als 0 Sekunden sein.</translation>
        </message>
        <message>
            <source>New: %1</source>
            <translation>Neu: %1</translation>
        </message>
        <message>
            <source>Waiting for %1 new logger(s) to join “%2” (at most %3) …</source>
            <translation>Warten auf neue Logger in „%2“: %1 (höchstens %3) …</translation>
        </message>
        <message>
            <source>%1 of %2 new logger(s) appeared in “%3” within %4.</source>
            <translation>In „%3“ sind innerhalb von %4 nur %1 von %2 neuen Loggern erschienen.</translation>
        </message>
        <message>
            <source>There is no logger with serial number %1 in “%2”.</source>
            <translation>In „%2“ gibt es keinen Logger mit der Seriennummer %1.</translation>
        </message>
        <message>
            <source>Say what to change: --name, --measuring-cycle or --communication-cycle.</source>
            <translation>Geben Sie an, was geändert werden soll: --name, --measuring-cycle oder --communication-cycle.</translation>
        </message>
        <message>
            <source>Give the logger a name, e.g. the fridge it guards.</source>
            <translation>Geben Sie dem Logger einen Namen, z. B. den des Kühlschranks, den er überwacht.</translation>
        </message>
        <message>
            <source>The name is too long: use at most %1 characters.</source>
            <translation>Der Name ist zu lang: Verwenden Sie höchstens %1 Zeichen.</translation>
        </message>
        <message>
            <source>Measuring cycle</source>
            <translation>Messtakt</translation>
        </message>
        <message>
            <source>Communication cycle</source>
            <translation>Kommunikationstakt</translation>
        </message>
        <message>
            <source>The measuring cycle of logger %1: %2</source>
            <translation>Der Messtakt des Loggers %1: %2</translation>
        </message>
        <message>
            <source>The communication cycle of logger %1: %2</source>
            <translation>Der Kommunikationstakt des Loggers %1: %2</translation>
        </message>
        <message>
            <source>The communication cycle cannot be shorter than the measuring cycle (%1).</source>
            <translation>Der Kommunikationstakt kann nicht kürzer sein als der Messtakt (%1).</translation>
        </message>
        <message>
            <source>Logger %1 in “%2”:</source>
            <translation>Logger %1 in „%2“:</translation>
        </message>
        <message>
            <source>nothing to change: it has these settings already.</source>
            <translation>nichts zu ändern: Er hat diese Einstellungen schon.</translation>
        </message>
        <message>
            <source>--channel “%1” is not LOGICAL=SERIAL:SLOT:CHANNEL[:MEASURES], e.g. Inside=61100042:1:1.</source>
            <extracomment>what the channel measures (PV_* code), given as LOGICAL=SERIAL:SLOT:CHANNEL:MEASURES; needed where the cloud does not let us read the sensor's channels, checked against them otherwise</extracomment>
            <translation>--channel „%1“ hat nicht die Form LOGICAL=SERIAL:SLOT:CHANNEL[:MEASURES], z. B. Innen=61100042:1:1.</translation>
        </message>
        <message>
            <source>--channel “%1”: the slot is a number from 1, as the app shows it.</source>
            <translation>--channel „%1“: Der Steckplatz ist eine Zahl ab 1, wie die App ihn zeigt.</translation>
        </message>
        <message>
            <source>--channel “%1”: the channel is a number from 1 or a name.</source>
            <translation>--channel „%1“: Der Kanal ist eine Zahl ab 1 oder ein Name.</translation>
        </message>
        <message>
            <source>--channel “%1”: “%2” is not something a channel measures (choose %3).</source>
            <translation>--channel „%1“: „%2“ ist nichts, was ein Kanal misst (wählen Sie %3).</translation>
        </message>
        <message>
            <source>Several channels of the sensor in slot %1 of logger %2 match “%3”; give the channel's number instead.</source>
            <translation>Mehrere Kanäle des Fühlers in Steckplatz %1 des Loggers %2 passen zu „%3“; geben Sie stattdessen die Nummer des Kanals an.</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>The sensor in slot %1 of logger %2 has no channel “%3” (it has: %4).</source>
            <translation>Der Fühler in Steckplatz %1 des Loggers %2 hat keinen Kanal „%3“ (er hat: %4).</translation>
        </message>
        <message>
            <source>The cloud does not let us read the channels of the sensor in slot %1 of logger %2: give the channel's number and what it measures, e.g. “%3”.</source>
            <translation>Die Cloud lässt uns die Kanäle des Fühlers in Steckplatz %1 des Loggers %2 nicht lesen: Geben Sie die Nummer des Kanals an und was er misst, z. B. „%3“.</translation>
        </message>
        <message>
            <source>Channel %1 of the sensor in slot %2 of logger %3 measures %4, not %5.</source>
            <translation>Kanal %1 des Fühlers in Steckplatz %2 des Loggers %3 misst %4, nicht %5.</translation>
        </message>
        <message>
            <source>“%1” of “%2”</source>
            <translation>„%1“ von „%2“</translation>
        </message>
        <message>
            <source>Give the measuring object a name.</source>
            <translation>Geben Sie dem Messobjekt einen Namen.</translation>
        </message>
        <message>
            <source>Slot %1 of logger %2 holds no sensor.</source>
            <translation>In Steckplatz %1 des Loggers %2 steckt kein Fühler.</translation>
        </message>
        <message>
            <source>--channel for logger %1, slot %2: name the logical channel.</source>
            <translation>--channel für Logger %1, Steckplatz %2: Geben Sie dem logischen Kanal einen Namen.</translation>
        </message>
        <message>
            <source>Each logical channel needs its own name (“%1” twice).</source>
            <translation>Jeder logische Kanal braucht seinen eigenen Namen („%1“ zweimal).</translation>
        </message>
        <message>
            <source>“%1”: this sensor channel already feeds %2.</source>
            <translation>„%1“: Dieser Fühlerkanal speist schon %2.</translation>
        </message>
        <message>
            <source>“%1”: this sensor channel is already used by another --channel.</source>
            <translation>„%1“: Dieser Fühlerkanal wird schon von einem anderen --channel verwendet.</translation>
        </message>
        <message>
            <source>The preset %1 fits none of the channels (it is for %2); nothing was created.</source>
            <translation>Die Voreinstellung %1 passt zu keinem der Kanäle (sie ist für %2); es wurde nichts angelegt.</translation>
        </message>
        <message>
            <source>Created measuring object “%1” in “%2” (%3):</source>
            <translation>Messobjekt „%1“ in „%2“ angelegt (%3):</translation>
        </message>
        <message>
            <source>%1 ← logger %2 · slot %3 · channel %4</source>
            <translation>%1 ← Logger %2 · Steckplatz %3 · Kanal %4</translation>
        </message>
        <message>
            <source>Alarm limits %1 on: %2</source>
            <translation>Alarmgrenzwerte %1 auf: %2</translation>
        </message>
        <message>
            <source>The measuring object was created, but its alarm limits were not set: %1</source>
            <translation>Das Messobjekt wurde angelegt, aber seine Alarmgrenzwerte wurden nicht gesetzt: %1</translation>
        </message>
        <message>
            <source>%1 Or apply the plan in the app (Site → Commission …).</source>
            <extracomment>How long a command waits for the app to let go of the data folder before it says so.</extracomment>
            <translation>%1 Oder wenden Sie den Plan in der App an (Standort → Mehrere Logger in Betrieb nehmen …).</translation>
        </message>
        <message>
            <source>The plan %1 cannot be read: %2.</source>
            <translation>Der Plan %1 kann nicht gelesen werden: %2.</translation>
        </message>
        <message>
            <source>The plan has %1 problem(s); nothing was imported.</source>
            <translation>Probleme im Plan: %1; es wurde nichts importiert.</translation>
        </message>
        <message>
            <source>The plan is valid: %1 logger(s).</source>
            <translation>Der Plan ist gültig: %1 Logger.</translation>
        </message>
        <message>
            <source>The plan has %1 problem(s); nothing was applied.</source>
            <translation>Probleme im Plan: %1; es wurde nichts angewendet.</translation>
        </message>
        <message>
            <source>Applying the plan of %1 logger(s) to “%2” …</source>
            <translation>Der Plan mit %1 Loggern wird auf „%2“ angewendet …</translation>
        </message>
        <message>
            <source>No connection to the cloud; the plan was saved, nothing was applied.</source>
            <translation>Keine Verbindung zur Cloud; der Plan wurde gespeichert, nichts wurde angewendet.</translation>
        </message>
        <message>
            <source>nothing configured</source>
            <translation>nichts eingerichtet</translation>
        </message>
        <message>
            <source>Not finished within %1: %2.</source>
            <translation>Nicht innerhalb von %1 fertig geworden: %2.</translation>
        </message>
        <message>
            <source>Not in the plan: logger %1 (%2).</source>
            <translation>Nicht im Plan: Logger %1 (%2).</translation>
        </message>
        <message>
            <source>%1 in “%2”.</source>
            <translation>%1 in „%2“.</translation>
        </message>
        <message>
            <source>%1 logger(s) need attention.</source>
            <translation>Logger, die Aufmerksamkeit brauchen: %1.</translation>
        </message>
        <message>
            <source>The PDF needs the app's Qt part, which this installation cannot load; write .csv or .json.</source>
            <translation>Das PDF braucht den Qt-Teil der App, den diese Installation nicht laden kann; schreiben Sie .csv oder .json.</translation>
        </message>
        <message>
            <source>--out “%1”: end the file name in .pdf, .csv or .json.</source>
            <translation>--out „%1“: Der Dateiname muss auf .pdf, .csv oder .json enden.</translation>
        </message>
        <message>
            <source>Reading “%1” for its commissioning report …</source>
            <translation>„%1“ wird für das Inbetriebnahmeprotokoll gelesen …</translation>
        </message>
        <message>
            <source>Drawing the PDF …</source>
            <translation>Das PDF wird gezeichnet …</translation>
        </message>
        <message>
            <source>Commissioning report of “%1” with %2 logger(s): %3</source>
            <translation>Inbetriebnahmeprotokoll von „%1“ mit %2 Loggern: %3</translation>
        </message>
        <message>
            <source>Some parts could not be read from this cloud; the report marks them.</source>
            <translation>Einige Teile konnten aus dieser Cloud nicht gelesen werden; das Protokoll kennzeichnet sie.</translation>
        </message>
        <message>
            <source>--join-after must be 0 seconds or more.</source>
            <translation>--join-after muss 0 Sekunden oder mehr sein.</translation>
        </message>
        <message>
            <source>The demo commands need --demo.</source>
            <translation>Die Demo-Befehle brauchen --demo.</translation>
        </message>
        <message>
            <source>The virtual logger refused its configuration: %1</source>
            <translation>Der virtuelle Logger hat seine Konfiguration abgelehnt: %1</translation>
        </message>
        <message>
            <source>Virtual %1 %2 is set up for “%3”; it joins in %4 s.</source>
            <translation>Virtueller %1 %2 ist für „%3“ eingerichtet; er tritt in %4 s bei.</translation>
        </message>
        <message>
            <source>exit codes:
  0  done (check-api: everything the app needs works)
  1  anything unforeseen: the cloud failed (5xx), an answer that cannot be read, a bug
     (details in the log file)
  2  usage: an unknown option, or a value that cannot be read (a duration, a --channel, a site name,
     a plan file with problems)
  3  sign-in refused: wrong user name or password, or the account may not use this API
  4  no connection to the cloud (offline, DNS, TLS, timeout)
  5  refused: the cloud refused the request or its values (unknown site, no permission, not offered),
     or a value outside what the logger accepts; nothing was changed by the refused step;
     plan apply: a planned logger needs attention
  6  devices wait, plan apply --wait: the loggers did not appear (or were not configured)
     within --timeout
  7  plan apply: the app is running on the same data folder (it holds its drafts and queued
     changes; the command waited 10 s for it); close the app, or apply the plan in the app
  130 stopped with Ctrl+C

password: from the environment variable SAVERIS_PASSWORD, else the password the app remembered
  for this user and server (OS keyring), else a hidden prompt. Never on the command line.
user: --user, else the environment variable SAVERIS_USER (--demo: the demo account).
--demo keeps its simulated cloud in the data folder (demo-cli-simulator.json), so commands build on
  each other; `demo add-logger` plays a logger joining a site, as the app's Virtual logger panel does.
language: --lang, else the system's (LC_ALL, LC_MESSAGES, LANG); English where the app has no
  translation. --json keeps its keys and values in English for scripts.
</source>
            <translation>Exit-Codes:
  0  erledigt (check-api: alles, was die App braucht, funktioniert)
  1  etwas Unvorhergesehenes: Fehler der Cloud (5xx), eine Antwort, die nicht gelesen werden kann,
     ein Programmfehler (Einzelheiten in der Protokolldatei)
  2  Aufruf: eine unbekannte Option oder ein Wert, der nicht gelesen werden kann (eine Dauer, ein
     --channel, ein Standortname, eine Plandatei mit Problemen)
  3  Anmeldung abgelehnt: falscher Benutzername oder falsches Passwort, oder das Konto darf diese
     API nicht nutzen
  4  keine Verbindung zur Cloud (offline, DNS, TLS, Zeitüberschreitung)
  5  abgelehnt: die Cloud hat die Anfrage oder ihre Werte abgelehnt (unbekannter Standort, keine
     Berechtigung, nicht angeboten), oder ein Wert außerhalb dessen, was der Logger annimmt; der
     abgelehnte Schritt hat nichts geändert; plan apply: ein geplanter Logger braucht Aufmerksamkeit
  6  devices wait, plan apply --wait: die Logger sind nicht innerhalb von --timeout erschienen
     (oder wurden nicht eingerichtet)
  7  plan apply: die App läuft mit demselben Datenordner (sie hält dessen Entwürfe und wartende
     Änderungen; der Befehl hat 10 s auf sie gewartet); schließen Sie die App, oder wenden Sie den
     Plan in der App an
  130 mit Strg+C abgebrochen

Passwort: aus der Umgebungsvariablen SAVERIS_PASSWORD, sonst das Passwort, das die App für diesen
  Benutzer und Server gespeichert hat (Schlüsselbund des Betriebssystems), sonst eine verdeckte
  Abfrage. Nie auf der Befehlszeile.
Benutzer: --user, sonst die Umgebungsvariable SAVERIS_USER (--demo: das Demo-Konto).
--demo hält seine simulierte Cloud im Datenordner (demo-cli-simulator.json), sodass Befehle
  aufeinander aufbauen; `demo add-logger` spielt einen Logger, der einem Standort beitritt, wie der
  Bereich „Virtueller Logger“ der App.
Sprache: --lang, sonst die des Systems (LC_ALL, LC_MESSAGES, LANG); Englisch, wo die App keine
  Übersetzung hat. --json behält Schlüssel und Werte für Skripte auf Englisch.
</translation>
        </message>
        <message>
            <source>usage: </source>
            <translation>Aufruf: </translation>
        </message>
        <message>
            <source>the following arguments are required: %1</source>
            <extracomment>argparse's own complaints (English, worded by the Python version), as sentences in the chosen language: the pattern, and the message with the pattern's groups as %1, %2 … (English keeps argparse's own words).</extracomment>
            <translation>diese Angaben fehlen: %1</translation>
        </message>
        <message>
            <source>argument %1: invalid choice: “%2” (choose from %3)</source>
            <translation>%1: „%2“ ist keine der Möglichkeiten (wählen Sie aus %3)</translation>
        </message>
        <message>
            <source>argument %1: expected one argument</source>
            <translation>%1 braucht einen Wert</translation>
        </message>
        <message>
            <source>argument %1: “%2” is not a number</source>
            <translation>%1: „%2“ ist keine Zahl</translation>
        </message>
        <message>
            <source>ambiguous option: %1 could match %2</source>
            <translation>mehrdeutige Option: %1 könnte %2 sein</translation>
        </message>
        <message>
            <source>positional arguments</source>
            <translation>Argumente</translation>
        </message>
        <message>
            <source>options</source>
            <translation>Optionen</translation>
        </message>
        <message>
            <source>show this help and exit</source>
            <translation>diese Hilfe zeigen und beenden</translation>
        </message>
        <message>
            <source>a password is never given on the command line; set $%1 or type it when asked</source>
            <translation>ein Passwort wird nie auf der Befehlszeile angegeben; setzen Sie $%1 oder tippen Sie es ein, wenn danach gefragt wird</translation>
        </message>
        <message>
            <source>unknown option(s): %1</source>
            <translation>unbekannte Option(en): %1</translation>
        </message>
        <message>
            <source>%1 unexpected word(s) on the command line</source>
            <translation>unerwartete Wörter auf der Befehlszeile: %1</translation>
        </message>
        <message>
            <source>The command line is not complete</source>
            <translation>Die Befehlszeile ist nicht vollständig</translation>
        </message>
        <message>
            <source>%1: %2. See '%3 --help'.</source>
            <translation>%1: %2. Siehe „%3 --help“.</translation>
        </message>
        <message>
            <source>%1 without a window: the first contact with the cloud, sites, loggers and measuring objects, with the same rules as the app.</source>
            <translation>%1 ohne Fenster: der erste Kontakt mit der Cloud, Standorte, Logger und Messobjekte, mit denselben Regeln wie die App.</translation>
        </message>
        <message>
            <source>server (default: --region eu --env p)</source>
            <translation>Server (Standard: --region eu --env p)</translation>
        </message>
        <message>
            <source>eu (Europe), am (Americas) or ap (Asia-Pacific)</source>
            <translation>eu (Europa), am (Amerika) oder ap (Asien-Pazifik)</translation>
        </message>
        <message>
            <source>p (production), i (integration)</source>
            <translation>p (Produktion), i (Integration)</translation>
        </message>
        <message>
            <source>another server (https; plain http only for 127.0.0.1/localhost)</source>
            <translation>ein anderer Server (https; einfaches http nur für 127.0.0.1/localhost)</translation>
        </message>
        <message>
            <source>the built-in simulator of the app's demo mode</source>
            <translation>der eingebaute Simulator des Demo-Modus der App</translation>
        </message>
        <message>
            <source>the API account's user name (else $%1)</source>
            <translation>der Benutzername des API-Kontos (sonst $%1)</translation>
        </message>
        <message>
            <source>machine-readable results on stdout</source>
            <translation>maschinenlesbare Ergebnisse auf stdout</translation>
        </message>
        <message>
            <source>the language of the messages (default: the system's)</source>
            <translation>die Sprache der Meldungen (Standard: die des Systems)</translation>
        </message>
        <message>
            <source>show the version and exit</source>
            <translation>die Version zeigen und beenden</translation>
        </message>
        <message>
            <source>commands</source>
            <translation>Befehle</translation>
        </message>
        <message>
            <source>first-contact report; exit 0 only if everything the app needs works</source>
            <translation>Bericht zum ersten Kontakt; Exit-Code 0 nur, wenn alles funktioniert, was die App braucht</translation>
        </message>
        <message>
            <source>Sign in, read the site's devices, probe the reads testo does not document (reads only, nothing is changed) and write a shape report for support (no secrets).</source>
            <translation>Anmelden, die Geräte des Standorts lesen, die von testo nicht dokumentierten Lesezugriffe prüfen (nur lesen, nichts wird geändert) und einen Strukturbericht für den Support schreiben (ohne Geheimnisse).</translation>
        </message>
        <message>
            <source>an existing site to check (without it only the sign-in is checked)</source>
            <translation>ein bestehender Standort zum Prüfen (ohne ihn wird nur die Anmeldung geprüft)</translation>
        </message>
        <message>
            <source>where to write the report (default: the data folder)</source>
            <translation>wohin der Bericht geschrieben wird (Standard: der Datenordner)</translation>
        </message>
        <message>
            <source>sites</source>
            <translation>Standorte</translation>
        </message>
        <message>
            <source>create a site (or take the existing one) and print its connect key</source>
            <translation>einen Standort anlegen (oder den bestehenden nehmen) und seinen Verbindungsschlüssel ausgeben</translation>
        </message>
        <message>
            <source>the site's IANA time zone, e.g. Europe/Berlin</source>
            <translation>die IANA-Zeitzone des Standorts, z. B. Europe/Berlin</translation>
        </message>
        <message>
            <source>also print the connect key as a QR code</source>
            <translation>den Verbindungsschlüssel auch als QR-Code ausgeben</translation>
        </message>
        <message>
            <source>the loggers of a site</source>
            <translation>die Logger eines Standorts</translation>
        </message>
        <message>
            <source>one line per logger: serial, model, firmware, sensors, status</source>
            <translation>eine Zeile je Logger: Seriennummer, Modell, Firmware, Fühler, Status</translation>
        </message>
        <message>
            <source>wait until new loggers appear (progress on stderr)</source>
            <translation>warten, bis neue Logger erscheinen (Fortschritt auf stderr)</translation>
        </message>
        <message>
            <source>how many new loggers (default 1)</source>
            <translation>wie viele neue Logger (Standard 1)</translation>
        </message>
        <message>
            <source>give up after this long (default 600)</source>
            <translation>nach so vielen Sekunden aufgeben (Standard 600)</translation>
        </message>
        <message>
            <source>one logger</source>
            <translation>ein Logger</translation>
        </message>
        <message>
            <source>change a logger's name or cycles (PUT /devices/{uuid})</source>
            <translation>Namen oder Takte eines Loggers ändern (PUT /devices/{uuid})</translation>
        </message>
        <message>
            <source>the logger's serial number</source>
            <translation>die Seriennummer des Loggers</translation>
        </message>
        <message>
            <source>the logger's name</source>
            <translation>der Name des Loggers</translation>
        </message>
        <message>
            <source>e.g. 30s, 5min, 1h</source>
            <translation>z. B. 30s, 5min, 1h</translation>
        </message>
        <message>
            <source>e.g. 15min, 24h</source>
            <translation>z. B. 15min, 24h</translation>
        </message>
        <message>
            <source>measuring objects</source>
            <translation>Messobjekte</translation>
        </message>
        <message>
            <source>create a measuring object with logical channels (and an alarm preset)</source>
            <translation>ein Messobjekt mit logischen Kanälen anlegen (und einer Alarm-Voreinstellung)</translation>
        </message>
        <message>
            <source>SLOT counts from 1 as the app shows it; CHANNEL is the sensor channel's number (from 1) or its name, e.g. Temperature. MEASURES (optional) says what the channel measures: temperature, humidity, door state, ...; where the cloud does not let us read the sensor's channels (a server with testo's documented operations only), give CHANNEL as a number and MEASURES, e.g. "Inside=61100042:1:1:temperature"; the cloud checks it. Where the channels can be read, MEASURES is checked against them.</source>
            <translation>SLOT (Steckplatz) zählt ab 1, wie die App ihn zeigt; CHANNEL ist die Nummer des Fühlerkanals (ab 1) oder sein Name, z. B. Temperature. MEASURES (optional) sagt, was der Kanal misst: temperature, humidity, door state, …; wo die Cloud uns die Kanäle des Fühlers nicht lesen lässt (ein Server nur mit den von testo dokumentierten Operationen), geben Sie CHANNEL als Nummer und MEASURES an, z. B. "Innen=61100042:1:1:temperature"; die Cloud prüft es. Wo die Kanäle gelesen werden können, wird MEASURES mit ihnen verglichen.</translation>
        </message>
        <message>
            <source>e.g. Fridge 3</source>
            <translation>z. B. Kühlschrank 3</translation>
        </message>
        <message>
            <source>e.g. "Inside=61100042:1:Temperature" or "Inside=61100042:1:1:temperature"; repeat for more channels</source>
            <translation>z. B. "Innen=61100042:1:Temperature" oder "Innen=61100042:1:1:temperature"; für weitere Kanäle wiederholen</translation>
        </message>
        <message>
            <source>alarm limits for the matching channels</source>
            <translation>Alarmgrenzwerte für die passenden Kanäle</translation>
        </message>
        <message>
            <source>commission a site from a plan (CSV)</source>
            <translation>einen Standort nach einem Plan (CSV) in Betrieb nehmen</translation>
        </message>
        <message>
            <source>check a plan file; exit 0 only if it is valid (problems with line and column on stderr)</source>
            <translation>eine Plandatei prüfen; Exit-Code 0 nur, wenn sie gültig ist (Probleme mit Zeile und Spalte auf stderr)</translation>
        </message>
        <message>
            <source>The CSV has a header row with at least serial,object,preset and optionally logger_name,measuring_cycle,communication_cycle; comma or semicolon separated, UTF-8.</source>
            <translation>Die CSV-Datei hat eine Kopfzeile mit mindestens serial,object,preset und wahlweise logger_name,measuring_cycle,communication_cycle; durch Komma oder Semikolon getrennt, UTF-8.</translation>
        </message>
        <message>
            <source>apply a plan to the site's loggers that are there (--wait: and to the rest as they join)</source>
            <translation>einen Plan auf die vorhandenen Logger des Standorts anwenden (--wait: und auf die übrigen, sobald sie beitreten)</translation>
        </message>
        <message>
            <source>Each planned logger gets its name and cycles, its measuring object on its sensor and the preset's alarm limits, through the app's outbox (nothing is applied twice). The plan becomes the site's plan in the app as well. Progress on stderr.</source>
            <translation>Jeder geplante Logger erhält seinen Namen und seine Takte, sein Messobjekt an seinem Fühler und die Alarmgrenzwerte der Voreinstellung, über den Postausgang der App (nichts wird doppelt angewendet). Der Plan wird auch in der App zum Plan des Standorts. Fortschritt auf stderr.</translation>
        </message>
        <message>
            <source>wait until every planned logger is configured</source>
            <translation>warten, bis jeder geplante Logger eingerichtet ist</translation>
        </message>
        <message>
            <source>with --wait: give up after this long (default 1800)</source>
            <translation>mit --wait: nach so vielen Sekunden aufgeben (Standard 1800)</translation>
        </message>
        <message>
            <source>the commissioning report of a site as PDF, CSV or JSON</source>
            <translation>das Inbetriebnahmeprotokoll eines Standorts als PDF, CSV oder JSON</translation>
        </message>
        <message>
            <source>Read the site's loggers, sensors, measuring objects and alarm limits and write the commissioning report; the format follows the file's ending. Parts this cloud does not let us read are marked in the report. The connect key is never written.</source>
            <translation>Die Logger, Fühler, Messobjekte und Alarmgrenzwerte des Standorts lesen und das Inbetriebnahmeprotokoll schreiben; das Format richtet sich nach der Dateiendung. Teile, die diese Cloud uns nicht lesen lässt, sind im Protokoll gekennzeichnet. Der Verbindungsschlüssel wird nie geschrieben.</translation>
        </message>
        <message>
            <source>FILE.pdf, FILE.csv or FILE.json</source>
            <translation>DATEI.pdf, DATEI.csv oder DATEI.json</translation>
        </message>
        <message>
            <source>--demo only: play the virtual hardware</source>
            <translation>nur mit --demo: die virtuelle Hardware bedienen</translation>
        </message>
        <message>
            <source>unpack a virtual logger and set it up with the site's connect key</source>
            <translation>einen virtuellen Logger auspacken und mit dem Verbindungsschlüssel des Standorts einrichten</translation>
        </message>
        <message>
            <source>seconds until it joins (default 8)</source>
            <translation>Sekunden, bis er beitritt (Standard 8)</translation>
        </message>
        <message>
            <source>choose one server: %1, not several</source>
            <translation>wählen Sie einen Server: %1, nicht mehrere</translation>
        </message>
        <message>
            <source>the demo commands play the simulator's hardware; add --demo</source>
            <translation>die Demo-Befehle bedienen die Hardware des Simulators; ergänzen Sie --demo</translation>
        </message>
        <message>
            <source> or </source>
            <translation> oder </translation>
        </message>
        <message>
            <source>Stopped.</source>
            <translation>Abgebrochen.</translation>
        </message>
    </context>
    <context>
        <name>CommissioningActions</name>
        <message>
            <source>&amp;Commission several loggers …</source>
            <extracomment>opens the commissioning report with the plan's rows not completed (OpenPlanRow)</extracomment>
            <translation>Mehrere Logger in &amp;Betrieb nehmen …</translation>
        </message>
        <message>
            <source>A plan of loggers for this site, applied as each one joins</source>
            <translation>Ein Plan der Logger dieses Standorts; jeder Logger wird eingerichtet, sobald er beitritt</translation>
        </message>
        <message>
            <source>Commission several loggers</source>
            <translation>Mehrere Logger in Betrieb nehmen</translation>
        </message>
        <message>
            <source>Sign in and choose a site first: File → Add a logger picks or creates one.</source>
            <translation>Melden Sie sich zuerst an und wählen Sie einen Standort: Datei → Logger hinzufügen wählt einen aus oder legt einen an.</translation>
        </message>
        <message>
            <source>Choose a site first: File → Add a logger picks or creates one.</source>
            <translation>Wählen Sie zuerst einen Standort: Datei → Logger hinzufügen wählt einen aus oder legt einen an.</translation>
        </message>
    </context>
    <context>
        <name>CommissioningGuideDialog</name>
        <message>
            <source>Commissioning guide</source>
            <extracomment>the folders shown, by name: "logs", "data"</extracomment>
            <translation>Anleitung zur Inbetriebnahme</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Putting a logger into service</source>
            <translation>Einen Logger in Betrieb nehmen</translation>
        </message>
        <message>
            <source>the site's connect key</source>
            <translation>der Verbindungsschlüssel des Standorts</translation>
        </message>
        <message>
            <source>the name of the site's Wi-Fi network</source>
            <translation>der Name des WLANs am Standort</translation>
        </message>
        <message>
            <source>Choose the site, or create it, in the wizard: &lt;b&gt;File → Add a logger …&lt;/b&gt; (sign in first).</source>
            <translation>Wählen oder erstellen Sie den Standort im Assistenten: &lt;b&gt;Datei → Logger hinzufügen …&lt;/b&gt; (vorher anmelden).</translation>
        </message>
        <message>
            <source>Have the site's &lt;b&gt;connect key&lt;/b&gt; at hand: the wizard shows it large and as a QR code; &lt;b&gt;Help → Show the site's connect key …&lt;/b&gt; shows it again.</source>
            <translation>Halten Sie den &lt;b&gt;Verbindungsschlüssel&lt;/b&gt; des Standorts bereit: Der Assistent zeigt ihn groß und als QR-Code; &lt;b&gt;Hilfe → Verbindungsschlüssel des Standorts anzeigen …&lt;/b&gt; zeigt ihn erneut.</translation>
        </message>
        <message>
            <source>Reconnect this laptop to your normal Wi-Fi.</source>
            <translation>Verbinden Sie diesen Laptop wieder mit Ihrem normalen WLAN.</translation>
        </message>
        <message>
            <source>Wait: the app lists the logger as soon as the cloud does (often within a few minutes). The wizard's waiting page and the device table show it by themselves.</source>
            <translation>Warten Sie: Die App listet den Logger, sobald die Cloud ihn listet (oft innerhalb weniger Minuten). Die Warteseite des Assistenten und die Gerätetabelle zeigen ihn von selbst.</translation>
        </message>
        <message>
            <source>The logger's LED</source>
            <translation>Die LED des Loggers</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt;: the logger's hotspot is open (after holding its button for 3 seconds).</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;: Der Hotspot des Loggers ist offen (nachdem seine Taste 3 Sekunden lang gedrückt wurde).</translation>
        </message>
        <message>
            <source>testo's description names no other LED state (after Save, on an error, or those of the testo 164 gateway). Whether the logger joined, the app's device list tells you.</source>
            <translation>testos Beschreibung nennt keinen weiteren LED-Zustand (nach dem Speichern, bei einem Fehler oder die des testo 164 Gateways). Ob der Logger beigetreten ist, zeigt Ihnen die Geräteliste der App.</translation>
        </message>
        <message>
            <source>Where the app keeps its files</source>
            <translation>Wo die App ihre Dateien ablegt</translation>
        </message>
        <message>
            <source>Logs (for support):</source>
            <translation>Protokolle (für den Support):</translation>
        </message>
        <message>
            <source>Open the log folder</source>
            <translation>Protokollordner öffnen</translation>
        </message>
        <message>
            <source>Copy the path of the log folder</source>
            <translation>Pfad des Protokollordners kopieren</translation>
        </message>
        <message>
            <source>Data (drafts, waiting changes, audit log):</source>
            <translation>Daten (Entwürfe, wartende Änderungen, Änderungsprotokoll):</translation>
        </message>
        <message>
            <source>Open the data folder</source>
            <translation>Datenordner öffnen</translation>
        </message>
        <message>
            <source>Copy the path of the data folder</source>
            <translation>Pfad des Datenordners kopieren</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Copy path</source>
            <translation>Pfad kopieren</translation>
        </message>
        <message>
            <source>The folder could not be opened; copy its path instead: %1</source>
            <translation>Der Ordner konnte nicht geöffnet werden; kopieren Sie stattdessen seinen Pfad: %1</translation>
        </message>
        <message>
            <source>Copied: %1</source>
            <translation>Kopiert: %1</translation>
        </message>
    </context>
    <context>
        <name>CommissioningReport</name>
        <message>
            <source>Temperature</source>
            <extracomment>Body text size in points: small enough for nine limit columns on A4, large enough to read printed. `translate("CommissioningReport", "text")` literally, so pyside6-lupdate finds every string.</extracomment>
            <translation>Temperatur</translation>
        </message>
        <message>
            <source>Humidity</source>
            <translation>Feuchte</translation>
        </message>
        <message>
            <source>Door state</source>
            <translation>Türzustand</translation>
        </message>
        <message>
            <source>Absolute humidity</source>
            <translation>Absolute Feuchte</translation>
        </message>
        <message>
            <source>Pressure</source>
            <translation>Druck</translation>
        </message>
        <message>
            <source>Dew point</source>
            <translation>Taupunkt</translation>
        </message>
        <message>
            <source>none set</source>
            <translation>keine festgelegt</translation>
        </message>
        <message>
            <source>not readable from this cloud</source>
            <translation>aus dieser Cloud nicht lesbar</translation>
        </message>
        <message>
            <source>could not be read</source>
            <translation>konnte nicht gelesen werden</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>nicht gesetzt</translation>
        </message>
        <message>
            <source>unknown (%1); times are in UTC</source>
            <translation>unbekannt (%1); Zeiten in UTC</translation>
        </message>
        <message>
            <source>%1 (as chosen on this laptop; the cloud's own setting: %2)</source>
            <translation>%1 (wie auf diesem Laptop gewählt; Einstellung der Cloud: %2)</translation>
        </message>
        <message>
            <source>not given</source>
            <translation>nicht angegeben</translation>
        </message>
        <message>
            <source>not said by the cloud</source>
            <translation>von der Cloud nicht angegeben</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>no (disconnected)</source>
            <translation>nein (getrennt)</translation>
        </message>
        <message>
            <source>sensor</source>
            <translation>Fühler</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>Unnamed object (%1)</source>
            <translation>Unbenanntes Objekt (%1)</translation>
        </message>
        <message>
            <source>Measuring object</source>
            <translation>Messobjekt</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Kanal</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>Misst</translation>
        </message>
        <message>
            <source>Lower alarm</source>
            <translation>Unterer Alarmgrenzwert</translation>
        </message>
        <message>
            <source>Lower warning</source>
            <translation>Unterer Warngrenzwert</translation>
        </message>
        <message>
            <source>Upper warning</source>
            <translation>Oberer Warngrenzwert</translation>
        </message>
        <message>
            <source>Upper alarm</source>
            <translation>Oberer Alarmgrenzwert</translation>
        </message>
        <message>
            <source>Hysteresis</source>
            <translation>Hysterese</translation>
        </message>
        <message>
            <source>Delay</source>
            <translation>Verzögerung</translation>
        </message>
        <message>
            <source>no channels</source>
            <translation>keine Kanäle</translation>
        </message>
        <message>
            <source>%1 ← channel %2</source>
            <translation>%1 ← Kanal %2</translation>
        </message>
        <message>
            <source>no alarm limits</source>
            <translation>keine Alarmgrenzwerte</translation>
        </message>
        <message>
            <source>Logger %1 of %2: %3</source>
            <translation>Logger %1 von %2: %3</translation>
        </message>
        <message>
            <source>no serial number</source>
            <translation>keine Seriennummer</translation>
        </message>
        <message>
            <source>not given by the cloud</source>
            <translation>von der Cloud nicht angegeben</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Serial number</source>
            <translation>Seriennummer</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Firmware</source>
            <translation>Firmware</translation>
        </message>
        <message>
            <source>Measuring cycle</source>
            <translation>Messtakt</translation>
        </message>
        <message>
            <source>Communication cycle</source>
            <translation>Kommunikationstakt</translation>
        </message>
        <message>
            <source>First listed by the cloud</source>
            <translation>Erstmals von der Cloud aufgeführt</translation>
        </message>
        <message>
            <source>State at handover</source>
            <translation>Zustand bei der Übergabe</translation>
        </message>
        <message>
            <source>Sensors</source>
            <translation>Fühler</translation>
        </message>
        <message>
            <source>Slot</source>
            <translation>Steckplatz</translation>
        </message>
        <message>
            <source>Sensor</source>
            <translation>Fühler</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>Kanäle</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Angeschlossen</translation>
        </message>
        <message>
            <source>No sensors connected.</source>
            <translation>Keine Fühler angeschlossen.</translation>
        </message>
        <message>
            <source>Measuring objects and alarm limits</source>
            <translation>Messobjekte und Alarmgrenzwerte</translation>
        </message>
        <message>
            <source>No measuring object uses this logger.</source>
            <translation>Kein Messobjekt verwendet diesen Logger.</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>Techniker</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Signature</source>
            <translation>Unterschrift</translation>
        </message>
        <message>
            <source>Signatures</source>
            <translation>Unterschriften</translation>
        </message>
        <message>
            <source>The loggers listed above were put into service and handed over as described.</source>
            <translation>Die oben aufgeführten Logger wurden wie beschrieben in Betrieb genommen und übergeben.</translation>
        </message>
        <message>
            <source>Commissioning report</source>
            <translation>Inbetriebnahmeprotokoll</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>Seite %1 von %2</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Standort</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Zeitzone</translation>
        </message>
        <message>
            <source>Date and time of the report</source>
            <translation>Datum und Uhrzeit des Protokolls</translation>
        </message>
        <message>
            <source>not signed in</source>
            <translation>nicht angemeldet</translation>
        </message>
        <message>
            <source>Made with</source>
            <translation>Erstellt mit</translation>
        </message>
        <message>
            <source>Cloud</source>
            <translation>Cloud</translation>
        </message>
        <message>
            <source>Loggers</source>
            <translation>Logger</translation>
        </message>
        <message>
            <source>Measuring objects</source>
            <translation>Messobjekte</translation>
        </message>
        <message>
            <source>Note:</source>
            <translation>Hinweis:</translation>
        </message>
        <message>
            <source>Some values could not be read from the cloud. They are marked in the report; the rest is complete.</source>
            <translation>Einige Werte konnten nicht aus der Cloud gelesen werden. Sie sind im Protokoll gekennzeichnet; alles Übrige ist vollständig.</translation>
        </message>
        <message>
            <source>The site has no loggers yet.</source>
            <translation>Der Standort hat noch keine Logger.</translation>
        </message>
        <message>
            <source>Measuring objects without a logger of this site</source>
            <translation>Messobjekte ohne Logger dieses Standorts</translation>
        </message>
        <message>
            <source>Plan rows not completed</source>
            <translation>Nicht abgeschlossene Zeilen des Plans</translation>
        </message>
        <message>
            <source>No commissioning plan was used.</source>
            <translation>Es wurde kein Inbetriebnahmeplan verwendet.</translation>
        </message>
        <message>
            <source>Every row of the plan was completed.</source>
            <translation>Jede Zeile des Plans wurde abgeschlossen.</translation>
        </message>
        <message>
            <source>Why not completed</source>
            <translation>Warum nicht abgeschlossen</translation>
        </message>
    </context>
    <context>
        <name>CommissioningReportDialog</name>
        <message>
            <source>Commissioning report of %1</source>
            <extracomment>file dialog filter -&gt; suffix; the order is the order offered</extracomment>
            <translation>Inbetriebnahmeprotokoll für %1</translation>
        </message>
        <message>
            <source>Reading the site's loggers, sensors and measuring objects …</source>
            <translation>Logger, Fühler und Messobjekte des Standorts werden gelesen …</translation>
        </message>
        <message>
            <source>Reading the site</source>
            <translation>Der Standort wird gelesen</translation>
        </message>
        <message>
            <source>The report</source>
            <translation>Das Protokoll</translation>
        </message>
        <message>
            <source>Print pre&amp;view …</source>
            <translation>Druck&amp;vorschau …</translation>
        </message>
        <message>
            <source>&amp;Print …</source>
            <translation>&amp;Drucken …</translation>
        </message>
        <message>
            <source>&amp;Save as PDF, CSV or JSON …</source>
            <translation>Als PDF, CSV oder JSON &amp;speichern …</translation>
        </message>
        <message>
            <source>&amp;Read again</source>
            <translation>Erneut &amp;lesen</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message numerus="yes">
            <source>%n logger(s) in “%2”, read at %3.</source>
            <translation>
                <numerusform>%n Logger in „%2“, gelesen um %3.</numerusform>
                <numerusform>%n Logger in „%2“, gelesen um %3.</numerusform>
            </translation>
        </message>
        <message>
            <source>Some parts could not be read from this cloud; the report marks them where they would stand.</source>
            <translation>Einige Teile konnten aus dieser Cloud nicht gelesen werden; das Protokoll kennzeichnet sie dort, wo sie stehen würden.</translation>
        </message>
        <message>
            <source>The report could not be made: %1</source>
            <translation>Das Protokoll konnte nicht erstellt werden: %1</translation>
        </message>
        <message>
            <source>Save the commissioning report</source>
            <translation>Das Inbetriebnahmeprotokoll speichern</translation>
        </message>
        <message>
            <source>Saved to %1</source>
            <translation>Gespeichert unter %1</translation>
        </message>
        <message>
            <source>The report could not be saved: %1</source>
            <translation>Das Protokoll konnte nicht gespeichert werden: %1</translation>
        </message>
        <message>
            <source>Print preview: commissioning report of %1</source>
            <translation>Druckvorschau: Inbetriebnahmeprotokoll für %1</translation>
        </message>
        <message>
            <source>Print the commissioning report</source>
            <translation>Das Inbetriebnahmeprotokoll drucken</translation>
        </message>
        <message>
            <source>The printer could not be used. Choose another one.</source>
            <translation>Der Drucker konnte nicht verwendet werden. Wählen Sie einen anderen.</translation>
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation>An den Drucker gesendet.</translation>
        </message>
    </context>
    <context>
        <name>CommissioningWindow</name>
        <message>
            <source>Commission several loggers</source>
            <extracomment>the technician asked for the report; the plan's rows not configured yet, with why</extracomment>
            <translation>Mehrere Logger in Betrieb nehmen</translation>
        </message>
        <message>
            <source>Commission several loggers — %1</source>
            <translation>Mehrere Logger in Betrieb nehmen — %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;Reconnect to your normal Wi-Fi — we will continue automatically.&lt;/b&gt;&lt;br&gt;This laptop cannot reach the cloud right now, which is expected while it is on a logger's hotspot. Nothing is lost: the board resumes by itself.</source>
            <translation>&lt;b&gt;Verbinden Sie sich wieder mit Ihrem normalen WLAN — es geht dann von selbst weiter.&lt;/b&gt;&lt;br&gt;Dieser Laptop erreicht die Cloud gerade nicht; das ist zu erwarten, solange er mit dem Hotspot eines Loggers verbunden ist. Nichts geht verloren: Die Übersicht setzt von selbst fort.</translation>
        </message>
        <message>
            <source>Loggers configured</source>
            <translation>Eingerichtete Logger</translation>
        </message>
        <message>
            <source>Planned loggers and their state</source>
            <translation>Geplante Logger und ihr Zustand</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Wiederholen</translation>
        </message>
        <message>
            <source>Loggers not in the plan</source>
            <translation>Logger, die nicht im Plan stehen</translation>
        </message>
        <message>
            <source>Add to &amp;plan</source>
            <translation>Zum &amp;Plan hinzufügen</translation>
        </message>
        <message>
            <source>Add to plan</source>
            <translation>Zum Plan hinzufügen</translation>
        </message>
        <message>
            <source>Co&amp;mmissioning report …</source>
            <translation>Inbetriebnahmep&amp;rotokoll …</translation>
        </message>
        <message>
            <source>Commissioning report</source>
            <translation>Inbetriebnahmeprotokoll</translation>
        </message>
        <message>
            <source>The report of the site for the customer, with the planned loggers not yet done</source>
            <translation>Das Protokoll des Standorts für den Kunden, mit den geplanten Loggern, die noch nicht fertig sind</translation>
        </message>
        <message>
            <source>Joined, but not in the plan:</source>
            <translation>Beigetreten, aber nicht im Plan:</translation>
        </message>
        <message>
            <source>Plan and board</source>
            <translation>Plan und Übersicht</translation>
        </message>
        <message>
            <source>&amp;Board</source>
            <translation>Ü&amp;bersicht</translation>
        </message>
        <message>
            <source>P&amp;lan</source>
            <translation>P&amp;lan</translation>
        </message>
        <message>
            <source>Type of device</source>
            <translation>Gerätetyp</translation>
        </message>
        <message>
            <source>Hotspot steps</source>
            <translation>Hotspot-Schritte</translation>
        </message>
        <message>
            <source>For each logger:</source>
            <translation>Für jeden Logger:</translation>
        </message>
        <message>
            <source>%1 of %2 configured</source>
            <translation>%1 von %2 eingerichtet</translation>
        </message>
        <message>
            <source>Logger %1 configured: %2 of %3.</source>
            <translation>Logger %1 eingerichtet: %2 von %3.</translation>
        </message>
        <message>
            <source>Logger %1 needs attention: %2</source>
            <translation>Logger %1 braucht Aufmerksamkeit: %2</translation>
        </message>
        <message>
            <source>the site's connect key</source>
            <translation>der Verbindungsschlüssel des Standorts</translation>
        </message>
        <message>
            <source>the name of the site's Wi-Fi network</source>
            <translation>der Name des WLANs am Standort</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Choose which values to keep</source>
            <extracomment>Share of the screen's width the dialog may take by default to show every value on one line. Extra room per cell beside its text (the cell's margins and the grid line), in average characters.</extracomment>
            <translation>Wählen Sie, welche Werte bleiben</translation>
        </message>
        <message>
            <source>Changed in the cloud as well</source>
            <translation>Auch in der Cloud geändert</translation>
        </message>
        <message>
            <source>This change</source>
            <translation>Diese Änderung</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>Meiner</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>Behalten</translation>
        </message>
        <message>
            <source>Value to keep for %1</source>
            <translation>Wert, der für %1 bleibt</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Wählen …</translation>
        </message>
        <message>
            <source>From the cloud</source>
            <translation>Aus der Cloud</translation>
        </message>
        <message>
            <source>%1: these settings were changed here and, meanwhile, in the cloud. Choose for each setting which value to keep. Nothing is sent until you have chosen.</source>
            <translation>%1: Diese Einstellungen wurden hier und inzwischen auch in der Cloud geändert. Wählen Sie für jede Einstellung, welcher Wert bleiben soll. Gesendet wird erst, wenn Sie gewählt haben.</translation>
        </message>
        <message>
            <source>Conflicting settings</source>
            <translation>Widersprüchliche Einstellungen</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>Einstellung</translation>
        </message>
        <message>
            <source>Your value</source>
            <translation>Ihr Wert</translation>
        </message>
        <message>
            <source>Value in the cloud</source>
            <translation>Wert in der Cloud</translation>
        </message>
        <message>
            <source>%1 — before either change: %2</source>
            <translation>%1 – vor beiden Änderungen: %2</translation>
        </message>
        <message>
            <source>As before</source>
            <translation>Wie vorher</translation>
        </message>
        <message>
            <source>Keep all &amp;mine</source>
            <translation>Alle &amp;meine behalten</translation>
        </message>
        <message>
            <source>Keep all my values</source>
            <translation>Alle meine Werte behalten</translation>
        </message>
        <message>
            <source>Keep all from the &amp;cloud</source>
            <translation>Alle aus der &amp;Cloud behalten</translation>
        </message>
        <message>
            <source>Keep all values from the cloud</source>
            <translation>Alle Werte aus der Cloud behalten</translation>
        </message>
        <message>
            <source>Use the chosen values</source>
            <translation>Die gewählten Werte verwenden</translation>
        </message>
        <message>
            <source>Use these values</source>
            <translation>Diese Werte verwenden</translation>
        </message>
        <message>
            <source>Decide later</source>
            <translation>Später entscheiden</translation>
        </message>
        <message>
            <source>Choose a value for every setting first.</source>
            <translation>Wählen Sie zuerst für jede Einstellung einen Wert.</translation>
        </message>
    </context>
    <context>
        <name>ConnectKeyDialog</name>
        <message>
            <source>Connect key</source>
            <translation>Verbindungsschlüssel</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Standort</translation>
        </message>
        <message>
            <source>QR code of the connect key</source>
            <translation>QR-Code des Verbindungsschlüssels</translation>
        </message>
        <message>
            <source>&amp;Copy the key</source>
            <translation>Schlüssel &amp;kopieren</translation>
        </message>
        <message>
            <source>Copy the key</source>
            <translation>Den Schlüssel kopieren</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Open a site first: the connect key belongs to a site.</source>
            <translation>Öffnen Sie zuerst einen Standort: der Verbindungsschlüssel gehört zu einem Standort.</translation>
        </message>
        <message>
            <source>Type this key as &lt;b&gt;accountId&lt;/b&gt; on the configuration page of every logger of “%1”.</source>
            <translation>Geben Sie diesen Schlüssel auf der Konfigurationsseite jedes Loggers von „%1“ als &lt;b&gt;accountId&lt;/b&gt; ein.</translation>
        </message>
        <message>
            <source>Reading the key …</source>
            <translation>Der Schlüssel wird gelesen …</translation>
        </message>
    </context>
    <context>
        <name>ConnectKeyPage</name>
        <message>
            <source>Connect key</source>
            <translation>Verbindungsschlüssel</translation>
        </message>
        <message>
            <source>Every logger of this site needs this key: you type it as “accountId” on the logger's configuration page.</source>
            <translation>Jeder Logger dieses Standorts braucht diesen Schlüssel: Sie geben ihn als „accountId“ auf der Konfigurationsseite des Loggers ein.</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Standort</translation>
        </message>
        <message>
            <source>QR code of the connect key</source>
            <translation>QR-Code des Verbindungsschlüssels</translation>
        </message>
        <message>
            <source>A phone can scan the QR code to copy the key.</source>
            <translation>Ein Smartphone kann den QR-Code scannen, um den Schlüssel zu übernehmen.</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <source>Copy the key</source>
            <translation>Den Schlüssel kopieren</translation>
        </message>
        <message>
            <source>&amp;Save as PNG …</source>
            <translation>Als PNG &amp;speichern …</translation>
        </message>
        <message>
            <source>Save the key and QR code as a PNG picture</source>
            <translation>Schlüssel und QR-Code als PNG-Bild speichern</translation>
        </message>
        <message>
            <source>&amp;Print …</source>
            <translation>&amp;Drucken …</translation>
        </message>
        <message>
            <source>Print the key and QR code</source>
            <translation>Schlüssel und QR-Code drucken</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Zeitzone</translation>
        </message>
        <message>
            <source>Site: &lt;b&gt;%1&lt;/b&gt;</source>
            <translation>Standort: &lt;b&gt;%1&lt;/b&gt;</translation>
        </message>
        <message>
            <source>The site is ready, but its time zone %1 could not be set: %2</source>
            <translation>Der Standort ist bereit, aber seine Zeitzone %1 konnte nicht eingestellt werden: %2</translation>
        </message>
        <message>
            <source>The change waits with the other changes for the cloud (Offline menu) and is sent by itself. You can carry on.</source>
            <translation>Die Änderung wartet mit den anderen Änderungen auf die Cloud (Menü Offline) und wird von selbst gesendet. Sie können weitermachen.</translation>
        </message>
        <message>
            <source>You can carry on; go back to the site page to try again.</source>
            <translation>Sie können weitermachen; um es erneut zu versuchen, gehen Sie zurück zur Standortseite.</translation>
        </message>
        <message>
            <source>The key is on the clipboard.</source>
            <translation>Der Schlüssel ist in der Zwischenablage.</translation>
        </message>
        <message>
            <source>Save the connect key</source>
            <translation>Verbindungsschlüssel speichern</translation>
        </message>
        <message>
            <source>PNG picture (*.png)</source>
            <translation>PNG-Bild (*.png)</translation>
        </message>
        <message>
            <source>Saved to %1</source>
            <translation>Gespeichert unter %1</translation>
        </message>
        <message>
            <source>The picture could not be saved: %1</source>
            <translation>Das Bild konnte nicht gespeichert werden: %1</translation>
        </message>
        <message>
            <source>Print the connect key</source>
            <translation>Verbindungsschlüssel drucken</translation>
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation>An den Drucker gesendet.</translation>
        </message>
    </context>
    <context>
        <name>CoreSentences</name>
        <message>
            <source>This channel measures in %1; limits must use that unit.</source>
            <extracomment>Allowed alarm delay [A]: none up to one day; the server checks too and says so when it disagrees.</extracomment>
            <translation>Dieser Kanal misst in %1; die Grenzwerte müssen diese Einheit verwenden.</translation>
        </message>
        <message>
            <source>The upper alarm must be above the lower alarm (%1).</source>
            <translation>Der obere Alarmgrenzwert muss über dem unteren liegen (%1).</translation>
        </message>
        <message>
            <source>A warning must lie inside the alarm band: above %1.</source>
            <translation>Ein Warngrenzwert muss innerhalb der Alarmgrenzen liegen: über %1.</translation>
        </message>
        <message>
            <source>A warning must lie inside the alarm band: below %1.</source>
            <translation>Ein Warngrenzwert muss innerhalb der Alarmgrenzen liegen: unter %1.</translation>
        </message>
        <message>
            <source>The upper warning must be above the lower warning (%1).</source>
            <translation>Der obere Warngrenzwert muss über dem unteren liegen (%1).</translation>
        </message>
        <message>
            <source>Hysteresis cannot be negative.</source>
            <translation>Die Hysterese kann nicht negativ sein.</translation>
        </message>
        <message>
            <source>Hysteresis must be narrower than the alarm band (%1).</source>
            <translation>Die Hysterese muss kleiner sein als der Abstand der Alarmgrenzwerte (%1).</translation>
        </message>
        <message>
            <source>Hysteresis must be narrower than the warning band (%1).</source>
            <translation>Die Hysterese muss kleiner sein als der Abstand der Warngrenzwerte (%1).</translation>
        </message>
        <message>
            <source>Enter a duration, e.g. 15 min.</source>
            <extracomment>Separator between the ends of a range; the ellipsis reads well and cannot be mistaken for a minus.</extracomment>
            <translation>Geben Sie eine Dauer ein, z. B. 15 min.</translation>
        </message>
        <message>
            <source>Unknown unit “%1”; use s, min or h.</source>
            <translation>Unbekannte Einheit „%1“; verwenden Sie s, min oder h.</translation>
        </message>
        <message>
            <source>“%1” is not a duration; write it like 15 s, 15 min or 1 h 30 min.</source>
            <translation>„%1“ ist keine Dauer; schreiben Sie z. B. 15 s, 15 min oder 1 h 30 min.</translation>
        </message>
        <message>
            <source>at least %1</source>
            <translation>mindestens %1</translation>
        </message>
        <message>
            <source>at most %1</source>
            <translation>höchstens %1</translation>
        </message>
        <message>
            <source>any duration</source>
            <translation>beliebige Dauer</translation>
        </message>
        <message>
            <source>%1 is outside the allowed range %2.</source>
            <translation>%1 liegt außerhalb des erlaubten Bereichs %2.</translation>
        </message>
        <message>
            <source>%1 Allowed: %2.</source>
            <translation>%1 Erlaubt: %2.</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <extracomment>Status right after the names: what needs attention is seen without scrolling in a laptop window.</extracomment>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>No sensors</source>
            <extracomment>At or below this charge the status column warns [A]: loggers report weeks ahead of running empty.</extracomment>
            <translation>Keine Fühler</translation>
        </message>
        <message>
            <source>%1 sensor(s) disconnected</source>
            <translation>%1 Fühler getrennt</translation>
        </message>
        <message>
            <source>Battery low (%1 %)</source>
            <translation>Batterie schwach (%1 %)</translation>
        </message>
        <message>
            <source>Firmware update available</source>
            <translation>Firmware-Update verfügbar</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>OK · battery %1 %</source>
            <translation>OK · Batterie %1 %</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <extracomment>The status of a device the cloud lists but the app could not read.</extracomment>
            <translation>%1 von %2</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>Scan or type the logger's serial number (on its label).</source>
            <extracomment>normalised serial -&gt; what was queued for it uuids listed when commissioning began (not "unexpected"); None until the first listing</extracomment>
            <translation>Scannen Sie die Seriennummer des Loggers (auf seinem Etikett) oder geben Sie sie ein.</translation>
        </message>
        <message>
            <source>'%1' is not a serial number (6 to 20 letters or digits, mostly digits, as on the label).</source>
            <translation>'%1' ist keine Seriennummer (6 bis 20 Buchstaben oder Ziffern, meist Ziffern, wie auf dem Etikett).</translation>
        </message>
        <message>
            <source>Choose a preset: %1 or a saved alarm preset.</source>
            <translation>Wählen Sie eine Voreinstellung: %1 oder eine gespeicherte Alarm-Voreinstellung.</translation>
        </message>
        <message>
            <source>'%1' is not a preset: use %2 or the name of a saved alarm preset.</source>
            <translation>'%1' ist keine Voreinstellung: Verwenden Sie %2 oder den Namen einer gespeicherten Alarm-Voreinstellung.</translation>
        </message>
        <message>
            <source>'%1' has no unit; write it like 5 min, 15 min or 1 h.</source>
            <translation>'%1' hat keine Einheit; schreiben Sie z. B. 5 min, 15 min oder 1 h.</translation>
        </message>
        <message>
            <source>A cycle must be longer than 0 s.</source>
            <translation>Ein Takt muss länger als 0 s sein.</translation>
        </message>
        <message>
            <source>'%1' is not a duration; write it like 15 s, 15 min or 1 h 30 min.</source>
            <extracomment>core.devices.ranges' refusals with the plan's straight quotes (_straight_quotes), marked for lupdate.</extracomment>
            <translation>'%1' ist keine Dauer; schreiben Sie z. B. 15 s, 15 min oder 1 h 30 min.</translation>
        </message>
        <message>
            <source>Unknown unit '%1'; use s, min or h.</source>
            <translation>Unbekannte Einheit '%1'; verwenden Sie s, min oder h.</translation>
        </message>
        <message>
            <source>At most %1 characters.</source>
            <translation>Höchstens %1 Zeichen.</translation>
        </message>
        <message>
            <source>row %1</source>
            <translation>Zeile %1</translation>
        </message>
        <message>
            <source>The same serial as %1.</source>
            <translation>Dieselbe Seriennummer wie %1.</translation>
        </message>
        <message>
            <source>Name the measuring object, e.g. Fridge 3.</source>
            <translation>Benennen Sie das Messobjekt, z. B. Kühlschrank 3.</translation>
        </message>
        <message>
            <source>The same measuring object as %1.</source>
            <translation>Dasselbe Messobjekt wie %1.</translation>
        </message>
        <message>
            <source>A logger cannot send more often than it measures: make it at least the measuring cycle.</source>
            <translation>Ein Logger kann nicht öfter senden, als er misst: Stellen Sie mindestens den Messtakt ein.</translation>
        </message>
        <message>
            <source>Logger %1</source>
            <extracomment>Longest value shown for a field this module does not know (its JSON, shortened). logical channel uuid -&gt; its channel document (name, physical value)</extracomment>
            <translation>Logger %1</translation>
        </message>
        <message>
            <source>logger …%1</source>
            <translation>Logger …%1</translation>
        </message>
        <message>
            <source>%1, slot %2</source>
            <translation>%1, Steckplatz %2</translation>
        </message>
        <message>
            <source>sensor …%1</source>
            <translation>Fühler …%1</translation>
        </message>
        <message>
            <source>measuring object …%1</source>
            <translation>Messobjekt …%1</translation>
        </message>
        <message>
            <source>channel …%1</source>
            <translation>Kanal …%1</translation>
        </message>
        <message>
            <source>new measuring object</source>
            <translation>neues Messobjekt</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>nicht gesetzt</translation>
        </message>
        <message>
            <source>on</source>
            <translation>ein</translation>
        </message>
        <message>
            <source>off</source>
            <translation>aus</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>no</source>
            <translation>nein</translation>
        </message>
        <message>
            <source>Alarm</source>
            <translation>Alarm</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <source>no unit</source>
            <translation>keine Einheit</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(leer)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>Battery alarm</source>
            <translation>Batteriealarm</translation>
        </message>
        <message>
            <source>Power-loss alarm</source>
            <translation>Netzausfallalarm</translation>
        </message>
        <message>
            <source>No-connection alarm</source>
            <translation>Verbindungsalarm</translation>
        </message>
        <message>
            <source>Broken-sensor alarm</source>
            <translation>Fühlerbruchalarm</translation>
        </message>
        <message>
            <source>Calibration alarm</source>
            <translation>Kalibrieralarm</translation>
        </message>
        <message>
            <source>Alarm '%1'</source>
            <translation>Alarm „%1“</translation>
        </message>
        <message>
            <source>after %1</source>
            <translation>nach %1</translation>
        </message>
        <message>
            <source>Logger name</source>
            <translation>Loggername</translation>
        </message>
        <message>
            <source>Measuring cycle</source>
            <translation>Messtakt</translation>
        </message>
        <message>
            <source>Communication cycle</source>
            <translation>Kommunikationstakt</translation>
        </message>
        <message>
            <source>Sensor in slot %1 connected</source>
            <translation>Fühler in Steckplatz %1 angeschlossen</translation>
        </message>
        <message>
            <source>Sensor in slot %1</source>
            <translation>Fühler in Steckplatz %1</translation>
        </message>
        <message>
            <source>Sensor name</source>
            <translation>Fühlername</translation>
        </message>
        <message>
            <source>Name of channel %1</source>
            <translation>Name des Kanals %1</translation>
        </message>
        <message>
            <source>Unit of channel %1</source>
            <translation>Einheit des Kanals %1</translation>
        </message>
        <message>
            <source>Offset of channel %1</source>
            <translation>Offset des Kanals %1</translation>
        </message>
        <message>
            <source>Measuring object</source>
            <translation>Messobjekt</translation>
        </message>
        <message>
            <source>Object name</source>
            <translation>Name des Messobjekts</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>Kanäle</translation>
        </message>
        <message>
            <source>Channel %1</source>
            <translation>Kanal %1</translation>
        </message>
        <message>
            <source>Sensor of channel %1</source>
            <translation>Fühler des Kanals %1</translation>
        </message>
        <message>
            <source>%1, channel %2</source>
            <translation>%1, Kanal %2</translation>
        </message>
        <message>
            <source>%1 from %2</source>
            <translation>%1 von %2</translation>
        </message>
        <message>
            <source>without a name</source>
            <translation>ohne Namen</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>the logger's setting</source>
            <translation>Einstellung des Loggers</translation>
        </message>
        <message>
            <source>Site time zone</source>
            <translation>Zeitzone des Standorts</translation>
        </message>
        <message>
            <source>Alarm limits</source>
            <translation>Alarmgrenzwerte</translation>
        </message>
        <message>
            <source>Alarm limits of %1</source>
            <translation>Alarmgrenzwerte von %1</translation>
        </message>
        <message>
            <source>Lower alarm</source>
            <translation>Unterer Alarmgrenzwert</translation>
        </message>
        <message>
            <source>Lower warning</source>
            <translation>Unterer Warngrenzwert</translation>
        </message>
        <message>
            <source>Upper warning</source>
            <translation>Oberer Warngrenzwert</translation>
        </message>
        <message>
            <source>Upper alarm</source>
            <translation>Oberer Alarmgrenzwert</translation>
        </message>
        <message>
            <source>Hysteresis</source>
            <translation>Hysterese</translation>
        </message>
        <message>
            <source>Alarm delay</source>
            <translation>Alarmverzögerung</translation>
        </message>
        <message>
            <source>Other alarm conditions</source>
            <translation>Weitere Alarmbedingungen</translation>
        </message>
        <message>
            <source>alarm below %1</source>
            <translation>Alarm unter %1</translation>
        </message>
        <message>
            <source>warning below %1</source>
            <translation>Warnung unter %1</translation>
        </message>
        <message>
            <source>warning above %1</source>
            <translation>Warnung über %1</translation>
        </message>
        <message>
            <source>alarm above %1</source>
            <translation>Alarm über %1</translation>
        </message>
        <message>
            <source>%1 other condition(s)</source>
            <translation>%1 weitere Bedingung(en)</translation>
        </message>
        <message>
            <source>Whole document</source>
            <translation>Ganzes Dokument</translation>
        </message>
        <message>
            <source>Other setting '%1'</source>
            <translation>Andere Einstellung „%1“</translation>
        </message>
        <message>
            <source>New measuring object</source>
            <translation>Neues Messobjekt</translation>
        </message>
        <message>
            <source>no change</source>
            <translation>keine Änderung</translation>
        </message>
        <message>
            <source>%1 more</source>
            <translation>%1 weitere</translation>
        </message>
        <message>
            <source>no limits</source>
            <extracomment>The forms conditions are written in.</extracomment>
            <translation>keine Grenzwerte</translation>
        </message>
        <message>
            <source>alarm %1</source>
            <translation>Alarm %1</translation>
        </message>
        <message>
            <source>warn %1</source>
            <translation>Warnung %1</translation>
        </message>
        <message>
            <source>serial</source>
            <extracomment>What each column is called in a sentence.</extracomment>
            <translation>Seriennummer</translation>
        </message>
        <message>
            <source>measuring object</source>
            <translation>Messobjekt</translation>
        </message>
        <message>
            <source>preset</source>
            <translation>Voreinstellung</translation>
        </message>
        <message>
            <source>logger name</source>
            <translation>Loggername</translation>
        </message>
        <message>
            <source>measuring cycle</source>
            <translation>Messtakt</translation>
        </message>
        <message>
            <source>communication cycle</source>
            <translation>Kommunikationstakt</translation>
        </message>
        <message>
            <source>line %1: %2</source>
            <translation>Zeile %1: %2</translation>
        </message>
        <message>
            <source>line %1, column %2: %3</source>
            <translation>Zeile %1, Spalte %2: %3</translation>
        </message>
        <message>
            <source>line %1, column %2 (%3): %4</source>
            <translation>Zeile %1, Spalte %2 (%3): %4</translation>
        </message>
        <message>
            <source>The file is larger than %1 MB; is it a plan?</source>
            <translation>Die Datei ist größer als %1 MB; ist sie ein Plan?</translation>
        </message>
        <message>
            <source>The file is not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'.</source>
            <translation>Die Datei ist kein UTF-8-Text; speichern Sie sie aus der Tabellenkalkulation als „CSV UTF-8“.</translation>
        </message>
        <message>
            <source>The file is empty; a plan needs a header row.</source>
            <translation>Die Datei ist leer; ein Plan braucht eine Kopfzeile.</translation>
        </message>
        <message>
            <source>The line cannot be read as CSV (%1).</source>
            <translation>Die Zeile kann nicht als CSV gelesen werden (%1).</translation>
        </message>
        <message>
            <source>the column '%1' appears twice.</source>
            <translation>Die Spalte „%1“ kommt zweimal vor.</translation>
        </message>
        <message>
            <source>unknown column; expected %1.</source>
            <translation>Unbekannte Spalte; erwartet: %1.</translation>
        </message>
        <message>
            <source>the header row must name the columns %1 (a plan needs at least serial, object, preset).</source>
            <translation>Die Kopfzeile muss die Spalten %1 nennen (ein Plan braucht mindestens serial, object, preset).</translation>
        </message>
        <message>
            <source>%1 fields where the header has %2; is a separator inside an unquoted value?</source>
            <translation>%1 Felder, wo die Kopfzeile %2 hat; steht ein Trennzeichen in einem Wert ohne Anführungszeichen?</translation>
        </message>
        <message>
            <source>line %1</source>
            <translation>Zeile %1</translation>
        </message>
        <message>
            <source>serial %1</source>
            <translation>%1</translation>
        </message>
        <message>
            <source>The file has a header but no loggers.</source>
            <translation>Die Datei hat eine Kopfzeile, aber keine Logger.</translation>
        </message>
        <message>
            <source>waiting</source>
            <extracomment>the usual channel of a sensor for each value when the sensor cannot be read [A] A planned logger's state in words (the report's open rows, the CLI's board lines).</extracomment>
            <translation>wartet</translation>
        </message>
        <message>
            <source>joined</source>
            <translation>beigetreten</translation>
        </message>
        <message>
            <source>configuring</source>
            <translation>wird eingerichtet</translation>
        </message>
        <message>
            <source>configured</source>
            <translation>eingerichtet</translation>
        </message>
        <message>
            <source>needs attention</source>
            <translation>braucht Aufmerksamkeit</translation>
        </message>
        <message>
            <source>Name and cycles</source>
            <translation>Name und Takte</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>wartet</translation>
        </message>
        <message>
            <source>sending</source>
            <translation>wird gesendet</translation>
        </message>
        <message>
            <source>done</source>
            <translation>erledigt</translation>
        </message>
        <message>
            <source>conflict</source>
            <translation>Konflikt</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>fehlgeschlagen</translation>
        </message>
        <message>
            <source>attention</source>
            <translation>braucht Aufmerksamkeit</translation>
        </message>
        <message>
            <source>%1 of %2 configured</source>
            <extracomment>a listing of the site has been applied (before that "waiting" may only mean "not looked yet")</extracomment>
            <translation>%1 von %2 eingerichtet</translation>
        </message>
        <message>
            <source>Its sensor could not be read: %1</source>
            <translation>Sein Fühler konnte nicht gelesen werden: %1</translation>
        </message>
        <message>
            <source>The measuring cycle of logger %1: %2 Change it in the plan.</source>
            <translation>Der Messtakt des Loggers %1: %2 Ändern Sie ihn im Plan.</translation>
        </message>
        <message>
            <source>The communication cycle of logger %1: %2 Change it in the plan.</source>
            <translation>Der Kommunikationstakt des Loggers %1: %2 Ändern Sie ihn im Plan.</translation>
        </message>
        <message>
            <source>Logger %1 would send more often (%2) than it measures (%3); change the cycles in the plan.</source>
            <translation>Logger %1 würde öfter senden (%2), als er misst (%3); ändern Sie die Takte im Plan.</translation>
        </message>
        <message>
            <source>Logger %1 has no sensor yet; plug one in, then retry.</source>
            <translation>Logger %1 hat noch keinen Fühler; stecken Sie einen an und versuchen Sie es dann erneut.</translation>
        </message>
        <message>
            <source>The cloud does not tell which channel of logger %1 measures: %2.</source>
            <translation>Die Cloud sagt nicht, welcher Kanal des Loggers %1 dies misst: %2.</translation>
        </message>
        <message>
            <source>Logger %1 has no sensor channel for %2, which the preset '%3' is for; choose another preset in the plan.</source>
            <translation>Logger %1 hat keinen Fühlerkanal für %2, wofür die Voreinstellung „%3“ gedacht ist; wählen Sie im Plan eine andere Voreinstellung.</translation>
        </message>
        <message>
            <source>Fix its row in the plan: %1</source>
            <translation>Korrigieren Sie seine Zeile im Plan: %1</translation>
        </message>
        <message>
            <source>The alarm preset '%1' is no longer saved on this laptop.</source>
            <translation>Die Alarm-Voreinstellung „%1“ ist auf diesem Laptop nicht mehr gespeichert.</translation>
        </message>
        <message>
            <source>Its measuring object was discarded from the changes waiting; Retry applies the row again.</source>
            <translation>Sein Messobjekt wurde aus den wartenden Änderungen verworfen; „Wiederholen“ wendet die Zeile noch einmal an.</translation>
        </message>
        <message>
            <source>Waiting: the site could not be created yet.</source>
            <extracomment>the kinds whose changes are a PUT of a whole document (read first, merged, written) how often an item that keeps changing under the run is read again before it waits for the next run</extracomment>
            <translation>Wartet: Der Standort konnte noch nicht angelegt werden.</translation>
        </message>
        <message>
            <source>Waiting for an earlier change to the same object.</source>
            <translation>Wartet auf eine frühere Änderung desselben Objekts.</translation>
        </message>
        <message>
            <source>Waiting until the measuring object it belongs to is created.</source>
            <translation>Wartet, bis das Messobjekt angelegt ist, zu dem sie gehört.</translation>
        </message>
        <message>
            <source>Changed again while being sent; it goes with the next run.</source>
            <translation>Während des Sendens erneut geändert; wird beim nächsten Durchgang gesendet.</translation>
        </message>
        <message>
            <source>This change cannot be sent: %1. Discard it and make it again.</source>
            <translation>Diese Änderung kann nicht gesendet werden: %1. Verwerfen Sie sie und nehmen Sie sie erneut vor.</translation>
        </message>
        <message>
            <source>The cloud's version of this object cannot be used: %1. Retry once it is corrected in the cloud, or discard the change.</source>
            <translation>Die Version dieses Objekts in der Cloud ist nicht verwendbar: %1. Versuchen Sie es erneut, sobald sie in der Cloud korrigiert ist, oder verwerfen Sie die Änderung.</translation>
        </message>
        <message>
            <source>This change is nested too deeply to be sent. Discard it and make it again.</source>
            <translation>Diese Änderung ist zu tief verschachtelt, um gesendet zu werden. Verwerfen Sie sie und nehmen Sie sie erneut vor.</translation>
        </message>
        <message>
            <source>This change could not be sent because of an unexpected problem (details in the log file). Retry it, or discard it and make it again.</source>
            <translation>Diese Änderung konnte wegen eines unerwarteten Problems nicht gesendet werden (Einzelheiten in der Protokolldatei). Versuchen Sie es erneut, oder verwerfen Sie sie und nehmen Sie sie erneut vor.</translation>
        </message>
        <message>
            <source>Changes of kind '%1' cannot be sent by this version.</source>
            <extracomment>(core.offline.sync writes this one with an f-string of the same words)</extracomment>
            <translation>Änderungen der Art „%1“ kann diese Version nicht senden.</translation>
        </message>
        <message>
            <source>The change cannot be sent: %1: %2.</source>
            <translation>Die Änderung kann nicht gesendet werden: %1: %2.</translation>
        </message>
        <message>
            <source>Sent without checking the cloud first: it does not let us read the current %1, so conflicts with changes made elsewhere cannot be detected.</source>
            <translation>Gesendet, ohne zuerst in der Cloud nachzusehen: Sie lässt uns %1 nicht lesen, daher lassen sich Konflikte mit Änderungen von anderer Stelle nicht erkennen.</translation>
        </message>
        <message>
            <source>Created without checking the cloud first: it does not let us list the measuring objects, so a twin made elsewhere cannot be detected.</source>
            <translation>Angelegt, ohne zuerst in der Cloud nachzusehen: Sie lässt uns die Messobjekte nicht auflisten, daher lässt sich ein anderswo angelegtes Duplikat nicht erkennen.</translation>
        </message>
        <message>
            <source>An earlier attempt may have created this measuring object already, and the cloud does not let us list them to check: look in the testo cloud, then send it again or discard it.</source>
            <translation>Ein früherer Versuch hat dieses Messobjekt vielleicht schon angelegt, und die Cloud lässt uns die Messobjekte zur Prüfung nicht auflisten: Sehen Sie in der testo Cloud nach, dann senden Sie es erneut oder verwerfen es.</translation>
        </message>
        <message>
            <source>Confirmed on the server after an interruption; not sent again.</source>
            <translation>Nach einer Unterbrechung auf dem Server bestätigt; nicht erneut gesendet.</translation>
        </message>
        <message>
            <source>Already on the server; not sent again.</source>
            <translation>Bereits auf dem Server; nicht erneut gesendet.</translation>
        </message>
        <message>
            <source>1 field was changed in the cloud as well: choose which value to keep.</source>
            <translation>1 Feld wurde auch in der Cloud geändert: wählen Sie, welcher Wert bleibt.</translation>
        </message>
        <message>
            <source>%1 fields were changed in the cloud as well: choose which value to keep.</source>
            <translation>%1 Felder wurden auch in der Cloud geändert: wählen Sie, welche Werte bleiben.</translation>
        </message>
        <message>
            <source>The configuration page is only reachable while the hotspot is open: hold the button for 3 seconds.</source>
            <translation>Die Konfigurationsseite ist nur erreichbar, solange der Hotspot offen ist: Halten Sie die Taste 3 Sekunden lang gedrückt.</translation>
        </message>
        <message>
            <source>Not set up. Hold the button for 3 seconds to open the hotspot.</source>
            <translation>Nicht eingerichtet. Halten Sie die Taste 3 Sekunden lang gedrückt, um den Hotspot zu öffnen.</translation>
        </message>
        <message>
            <source>Connected to the cloud (site '%1').</source>
            <translation>Mit der Cloud verbunden (Standort „%1“).</translation>
        </message>
        <message>
            <source>Enter the site's connect key.</source>
            <extracomment>Connect keys look like ABCD-EFGH-JKLM; the page ignores blanks, dashes and letter case.</extracomment>
            <translation>Geben Sie den Verbindungsschlüssel des Standorts ein.</translation>
        </message>
        <message>
            <source>This is not a connect key: it has 12 letters and digits, like ABCD-EFGH-JKLM.</source>
            <translation>Das ist kein Verbindungsschlüssel: Er hat 12 Buchstaben und Ziffern, wie ABCD-EFGH-JKLM.</translation>
        </message>
        <message>
            <source>Enter the name of the site's Wi-Fi network.</source>
            <translation>Geben Sie den Namen des WLANs am Standort ein.</translation>
        </message>
        <message>
            <source>A Wi-Fi name has at most 32 bytes (this one has %1).</source>
            <translation>Ein WLAN-Name hat höchstens 32 Bytes (dieser hat %1).</translation>
        </message>
        <message>
            <source>A WPA2 Wi-Fi password has 8 to 63 characters.</source>
            <translation>Ein WPA2-WLAN-Passwort hat 8 bis 63 Zeichen.</translation>
        </message>
        <message>
            <source>A WPA2 Wi-Fi password uses only plain ASCII characters.</source>
            <translation>Ein WPA2-WLAN-Passwort verwendet nur einfache ASCII-Zeichen.</translation>
        </message>
        <message>
            <source>Short press (%1 s) ignored: hold the button for at least %2 seconds to open the hotspot.</source>
            <translation>Kurzer Druck (%1 s) ignoriert: Halten Sie die Taste mindestens %2 Sekunden lang gedrückt, um den Hotspot zu öffnen.</translation>
        </message>
        <message>
            <source>Hotspot closed without changes.</source>
            <translation>Hotspot ohne Änderungen geschlossen.</translation>
        </message>
        <message>
            <source>Hotspot open: join the Wi-Fi network %1 and open the configuration page.</source>
            <translation>Hotspot offen: Verbinden Sie sich mit dem WLAN %1 und öffnen Sie die Konfigurationsseite.</translation>
        </message>
        <message>
            <source>Not saved: please correct the marked fields.</source>
            <translation>Nicht gespeichert: Bitte korrigieren Sie die markierten Felder.</translation>
        </message>
        <message>
            <source>Connecting to Wi-Fi '%1' and the cloud ...</source>
            <translation>Verbindet sich mit dem WLAN „%1“ und der Cloud …</translation>
        </message>
        <message>
            <source>Saved. The logger closes its hotspot, connects to '%1' and registers with the cloud; it appears in the site within about %2 seconds.</source>
            <translation>Gespeichert. Der Logger schließt seinen Hotspot, verbindet sich mit „%1“ und meldet sich bei der Cloud an; er erscheint in etwa %2 Sekunden am Standort.</translation>
        </message>
        <message>
            <source>Connect key not accepted by the cloud: check the accountId on the configuration page (hold the button for 3 seconds to open it again).</source>
            <translation>Verbindungsschlüssel von der Cloud nicht angenommen: Prüfen Sie die accountId auf der Konfigurationsseite (halten Sie die Taste 3 Sekunden lang gedrückt, um sie wieder zu öffnen).</translation>
        </message>
        <message>
            <source>Saveris Desktop is using the data folder %1 (waited %2 s). Close it and try again.</source>
            <extracomment>Owner-only lock file: nothing in it, but nobody else needs to open it either.</extracomment>
            <translation>Saveris Desktop verwendet den Datenordner %1 (%2 s gewartet). Schließen Sie die App und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Saveris Desktop is using the data folder %1. Close it and try again.</source>
            <translation>Saveris Desktop verwendet den Datenordner %1. Schließen Sie die App und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Using the data folder %1.</source>
            <translation>Datenordner %1 wird verwendet.</translation>
        </message>
        <message>
            <source>Saveris Desktop is using the data folder %1: working read-only (nothing is changed or sent).</source>
            <translation>Saveris Desktop verwendet den Datenordner %1: Es wird nur gelesen (nichts wird geändert oder gesendet).</translation>
        </message>
        <message>
            <source>Sign-in works. Give an existing site to check the rest.</source>
            <extracomment>Enum-like values kept per field; more are counted, not listed. the app cannot work without it (the token and the documented reads) one sentence: what went wrong, or why it was not tried; empty when it works Fields whose values are never written, whatever they look like. the logger whose own reads were probed, shortened serial number</extracomment>
            <translation>Die Anmeldung funktioniert. Geben Sie einen bestehenden Standort an, um den Rest zu prüfen.</translation>
        </message>
        <message>
            <source>Everything the app needs works; %1 of %2 reads beyond testo's documentation are offered.</source>
            <translation>Alles, was die App braucht, funktioniert; %1 von %2 Lesezugriffen über die Dokumentation von testo hinaus werden angeboten.</translation>
        </message>
        <message>
            <source>Map a sensor to: %1 (after the logger has joined).</source>
            <extracomment>MeasuringInstructionSet payload (cycles in ms); None: the device's own settings apply channel name -&gt; measurementAlarmConditionSet list (the API's shape) set when the object was queued for creation; the outbox knows the rest</extracomment>
            <translation>Ordnen Sie einen Fühler zu: %1 (nachdem der Logger beigetreten ist).</translation>
        </message>
        <message>
            <source>The creation was discarded.</source>
            <translation>Das Anlegen wurde verworfen.</translation>
        </message>
    </context>
    <context>
        <name>CoreWords</name>
        <message>
            <source>Temperature</source>
            <extracomment>core.devices.units.VALUE_NAMES, core.devices.device_rows' device types (their one name everywhere), core.devices.presets' titles.</extracomment>
            <translation>Temperatur</translation>
        </message>
        <message>
            <source>Humidity</source>
            <translation>Feuchte</translation>
        </message>
        <message>
            <source>Door state</source>
            <translation>Türzustand</translation>
        </message>
        <message>
            <source>Absolute humidity</source>
            <translation>Absolute Feuchte</translation>
        </message>
        <message>
            <source>Pressure</source>
            <translation>Druck</translation>
        </message>
        <message>
            <source>Dew point</source>
            <translation>Taupunkt</translation>
        </message>
        <message>
            <source>testo 164 gateway</source>
            <translation>testo 164 Gateway</translation>
        </message>
        <message>
            <source>QSR / WiFi logger</source>
            <translation>QSR-/WiFi-Logger</translation>
        </message>
        <message>
            <source>Saveris 2 logger</source>
            <translation>Saveris 2-Logger</translation>
        </message>
        <message>
            <source>T2 logger</source>
            <translation>T2-Logger</translation>
        </message>
        <message>
            <source>Logger</source>
            <translation>Logger</translation>
        </message>
        <message>
            <source>Fridge 2–8 °C</source>
            <translation>Kühlschrank 2–8 °C</translation>
        </message>
        <message>
            <source>Freezer ≤ −18 °C</source>
            <translation>Tiefkühler ≤ −18 °C</translation>
        </message>
        <message>
            <source>Room 15–25 °C</source>
            <translation>Raum 15–25 °C</translation>
        </message>
        <message>
            <source>Humidity 30–70 %rF</source>
            <translation>Feuchte 30–70 %rF</translation>
        </message>
    </context>
    <context>
        <name>CreateObjectDialog</name>
        <message>
            <source>Name of logical channel %1</source>
            <translation>Name des logischen Kanals %1</translation>
        </message>
        <message>
            <source>e.g. Internal temperature</source>
            <translation>z. B. Innentemperatur</translation>
        </message>
        <message>
            <source>Sensor of logical channel %1</source>
            <translation>Fühler des logischen Kanals %1</translation>
        </message>
        <message>
            <source>Sensor channel of logical channel %1</source>
            <translation>Fühlerkanal des logischen Kanals %1</translation>
        </message>
        <message>
            <source>Channel </source>
            <translation>Kanal </translation>
        </message>
        <message>
            <source>Channel number of logical channel %1</source>
            <translation>Kanalnummer des logischen Kanals %1</translation>
        </message>
        <message>
            <source>What channel of logical channel %1 measures</source>
            <translation>Was der Kanal des logischen Kanals %1 misst</translation>
        </message>
        <message>
            <source>It measures…</source>
            <translation>Er misst …</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>Remove logical channel %1</source>
            <translation>Logischen Kanal %1 entfernen</translation>
        </message>
        <message>
            <source>New measuring object</source>
            <extracomment>the uuid of a sensor whose channels cannot be read: the row asks for number and value the name this dialog proposed from the picked channel; replaced when another channel is picked, while a name the technician typed is kept</extracomment>
            <translation>Neues Messobjekt</translation>
        </message>
        <message>
            <source>Measuring object name</source>
            <extracomment>(sensor uuid, channel index) -&gt; what it already feeds; one sensor channel feeds one object</extracomment>
            <translation>Name des Messobjekts</translation>
        </message>
        <message>
            <source>e.g. Fridge 3, cold room door</source>
            <translation>z. B. Kühlschrank 3, Kühlraumtür</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Logical channel</source>
            <translation>Logischer Kanal</translation>
        </message>
        <message>
            <source>Sensor (logger · slot)</source>
            <translation>Fühler (Logger · Steckplatz)</translation>
        </message>
        <message>
            <source>Sensor channel</source>
            <translation>Fühlerkanal</translation>
        </message>
        <message>
            <source>The cloud does not let us read the sensors' channels. Give each channel's number, counted from 1 as on the sensor, and say what it measures; the cloud checks it.</source>
            <translation>Die Cloud lässt uns die Kanäle der Fühler nicht lesen. Geben Sie für jeden Kanal seine Nummer an, von 1 an gezählt wie am Fühler, und was er misst; die Cloud prüft das.</translation>
        </message>
        <message>
            <source>Add logical channel</source>
            <translation>Logischen Kanal hinzufügen</translation>
        </message>
        <message>
            <source>Creating</source>
            <translation>Wird angelegt</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Anlegen</translation>
        </message>
        <message>
            <source>Create measuring object</source>
            <translation>Messobjekt anlegen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Logical channels: what is monitored, and which sensor channel measures it.</source>
            <translation>Logische Kanäle: was überwacht wird und welcher Fühlerkanal es misst.</translation>
        </message>
        <message>
            <source>Choose a sensor…</source>
            <translation>Fühler wählen …</translation>
        </message>
        <message>
            <source>Loading channels…</source>
            <translation>Kanäle werden geladen …</translation>
        </message>
        <message>
            <source> — in use</source>
            <translation> — belegt</translation>
        </message>
        <message>
            <source>Could not read the sensor: %1</source>
            <translation>Der Fühler konnte nicht gelesen werden: %1</translation>
        </message>
        <message>
            <source>Give the measuring object a name.</source>
            <translation>Geben Sie dem Messobjekt einen Namen.</translation>
        </message>
        <message>
            <source>Name the logical channel.</source>
            <translation>Benennen Sie den logischen Kanal.</translation>
        </message>
        <message>
            <source>Each logical channel needs its own name.</source>
            <translation>Jeder logische Kanal braucht einen eigenen Namen.</translation>
        </message>
        <message>
            <source>Pick the sensor that measures it.</source>
            <translation>Wählen Sie den Fühler, der ihn misst.</translation>
        </message>
        <message>
            <source>Say what this channel measures.</source>
            <translation>Geben Sie an, was dieser Kanal misst.</translation>
        </message>
        <message>
            <source>Pick the sensor channel.</source>
            <translation>Wählen Sie den Fühlerkanal.</translation>
        </message>
        <message>
            <source>This sensor channel already feeds %1.</source>
            <translation>Dieser Fühlerkanal versorgt bereits %1.</translation>
        </message>
        <message>
            <source>This sensor channel is already used above.</source>
            <translation>Dieser Fühlerkanal ist oben bereits verwendet.</translation>
        </message>
        <message>
            <source>Not created — everything you entered is still here.
%1</source>
            <translation>Nicht angelegt — alles, was Sie eingegeben haben, ist noch da.
%1</translation>
        </message>
    </context>
    <context>
        <name>DemoPanel</name>
        <message>
            <source>Plays the hardware: a logger in its box, its button and its configuration page.</source>
            <extracomment>connect keys read while online: the key is needed on the logger's Wi-Fi, with no cloud</extracomment>
            <translation>Spielt die Hardware: einen Logger in seiner Verpackung, seine Taste und seine Konfigurationsseite.</translation>
        </message>
        <message>
            <source>Device type</source>
            <translation>Gerätetyp</translation>
        </message>
        <message>
            <source>&amp;Unpack a new logger</source>
            <translation>Neuen Logger &amp;auspacken</translation>
        </message>
        <message>
            <source>Virtual loggers</source>
            <translation>Virtuelle Logger</translation>
        </message>
        <message>
            <source>&amp;Hold the button for 3 s</source>
            <translation>&amp;Taste 3 s lang halten</translation>
        </message>
        <message>
            <source>Configuration page (hotspot mode)</source>
            <translation>Konfigurationsseite (Hotspot-Modus)</translation>
        </message>
        <message>
            <source>accountId (connect key)</source>
            <translation>accountId (Verbindungsschlüssel)</translation>
        </message>
        <message>
            <source>Wi-Fi name</source>
            <translation>WLAN-Name</translation>
        </message>
        <message>
            <source>Wi-Fi password</source>
            <translation>WLAN-Passwort</translation>
        </message>
        <message>
            <source>Use the current site's &amp;key</source>
            <translation>Schlüssel des aktuellen Standorts &amp;verwenden</translation>
        </message>
        <message>
            <source>&amp;Save on the logger</source>
            <translation>Auf dem Logger &amp;speichern</translation>
        </message>
        <message>
            <source>Open in a &amp;browser</source>
            <translation>Im &amp;Browser öffnen</translation>
        </message>
        <message>
            <source>accountId:</source>
            <translation>accountId:</translation>
        </message>
        <message>
            <source>Wi-Fi name:</source>
            <translation>WLAN-Name:</translation>
        </message>
        <message>
            <source>Wi-Fi password:</source>
            <translation>WLAN-Passwort:</translation>
        </message>
        <message>
            <source>This laptop's Wi-Fi</source>
            <translation>WLAN dieses Laptops</translation>
        </message>
        <message>
            <source>Logger %1 is unpacked; its LED is off.</source>
            <translation>Logger %1 ist ausgepackt; seine LED ist aus.</translation>
        </message>
        <message>
            <source>That logger no longer exists: the simulator was reset. Unpack a new one.</source>
            <translation>Diesen Logger gibt es nicht mehr: Der Simulator wurde zurückgesetzt. Packen Sie einen neuen aus.</translation>
        </message>
        <message>
            <source>Unpack a logger first.</source>
            <translation>Packen Sie zuerst einen Logger aus.</translation>
        </message>
        <message>
            <source>Sign in and choose a site in the wizard first.</source>
            <translation>Melden Sie sich zuerst an und wählen Sie im Assistenten einen Standort.</translation>
        </message>
        <message>
            <source>No internet on the logger's Wi-Fi: type the key shown on the connect key page.</source>
            <translation>Kein Internet im WLAN des Loggers: Geben Sie den Schlüssel ein, der auf der Seite „Verbindungsschlüssel“ steht.</translation>
        </message>
        <message>
            <source>The page could not be served: %1</source>
            <translation>Die Seite konnte nicht ausgeliefert werden: %1</translation>
        </message>
        <message>
            <source>No logger unpacked yet.</source>
            <translation>Noch kein Logger ausgepackt.</translation>
        </message>
        <message>
            <source>Hotspot network: %1</source>
            <translation>Hotspot-Netz: %1</translation>
        </message>
        <message>
            <source>On the logger's Wi-Fi: no internet, the cloud is unreachable.</source>
            <translation>Im WLAN des Loggers: kein Internet, die Cloud ist nicht erreichbar.</translation>
        </message>
        <message>
            <source>B&amp;ack to the site Wi-Fi</source>
            <translation>Zurück ins Standort-&amp;WLAN</translation>
        </message>
        <message>
            <source>On the site Wi-Fi: the cloud is reachable.</source>
            <translation>Im Standort-WLAN: Die Cloud ist erreichbar.</translation>
        </message>
        <message>
            <source>&amp;Join the logger's Wi-Fi</source>
            <translation>WLAN des &amp;Loggers beitreten</translation>
        </message>
    </context>
    <context>
        <name>DeviceLoader</name>
        <message>
            <source>The cloud does not let us read the current alarms; what you apply here replaces them.</source>
            <translation>Die Cloud lässt uns die aktuellen Alarme nicht lesen; was Sie hier übernehmen, ersetzt sie.</translation>
        </message>
        <message>
            <source>The cloud does not let us read the sensors' settings, so they cannot be changed here: sending them without the current values would reset each channel's name, unit and offset. Their alarms can be set on the Alarms tab.</source>
            <translation>Die Cloud lässt uns die Einstellungen der Fühler nicht lesen, daher können sie hier nicht geändert werden: Ohne die aktuellen Werte gesendet, würden Name, Einheit und Offset jedes Kanals zurückgesetzt. Ihre Alarme können Sie im Reiter „Alarme“ einstellen.</translation>
        </message>
        <message>
            <source>Reading the logger's settings…</source>
            <translation>Die Einstellungen des Loggers werden gelesen …</translation>
        </message>
        <message>
            <source>Sensor in slot %1 is not known to the cloud.</source>
            <translation>Der Fühler in Steckplatz %1 ist der Cloud nicht bekannt.</translation>
        </message>
        <message>
            <source>Slot %1 · %2</source>
            <translation>Steckplatz %1 · %2</translation>
        </message>
        <message>
            <source>sensor</source>
            <translation>Fühler</translation>
        </message>
        <message>
            <source> (disconnected)</source>
            <translation> (getrennt)</translation>
        </message>
        <message>
            <source>No sensors connected.</source>
            <translation>Keine Fühler angeschlossen.</translation>
        </message>
        <message>
            <source>Could not read the logger: %1</source>
            <translation>Der Logger konnte nicht gelesen werden: %1</translation>
        </message>
    </context>
    <context>
        <name>DeviceSettingsEditor</name>
        <message>
            <source>The communication cycle cannot be shorter than the measuring cycle (%1).</source>
            <translation>Der Kommunikationstakt kann nicht kürzer sein als der Messtakt (%1).</translation>
        </message>
        <message>
            <source>Measurement settings</source>
            <extracomment>None until the subclass has built its form (the frame updates its state once before that)</extracomment>
            <translation>Messeinstellungen</translation>
        </message>
        <message>
            <source>Logger name</source>
            <translation>Loggername</translation>
        </message>
        <message>
            <source>e.g. Pharmacy fridge 2</source>
            <translation>z. B. Apothekenkühlschrank 2</translation>
        </message>
        <message>
            <source>Measuring cycle</source>
            <translation>Messtakt</translation>
        </message>
        <message>
            <source>Communication cycle</source>
            <translation>Kommunikationstakt</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>How often the logger measures, and how often it sends its readings to the cloud. Longer cycles save battery; alarms are only raised when the logger reports.</source>
            <translation>Wie oft der Logger misst und wie oft er seine Messwerte an die Cloud sendet. Längere Takte schonen die Batterie; Alarme werden erst ausgelöst, wenn der Logger sich meldet.</translation>
        </message>
        <message>
            <source>Give the logger a name, e.g. the fridge it guards.</source>
            <translation>Geben Sie dem Logger einen Namen, z. B. den des Kühlschranks, den er überwacht.</translation>
        </message>
        <message>
            <source>Serial number %1 · model %2 · firmware %3</source>
            <translation>Seriennummer %1 · Modell %2 · Firmware %3</translation>
        </message>
    </context>
    <context>
        <name>DeviceTableModel</name>
        <message>
            <source>Serial number</source>
            <extracomment>a not-readable row's JSON as the cloud sent it, pretty-printed; None for every other row</extracomment>
            <translation>Seriennummer</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Device type</source>
            <translation>Gerätetyp</translation>
        </message>
        <message>
            <source>Firmware</source>
            <translation>Firmware</translation>
        </message>
        <message>
            <source>Connected sensors</source>
            <translation>Angeschlossene Fühler</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>Letzte Änderung</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Not readable</source>
            <extracomment>core.devices.device_rows.NOT_READABLE, marked for lupdate (the row keeps the English text for the search)</extracomment>
            <translation>Nicht lesbar</translation>
        </message>
        <message>
            <source>The cloud lists this device, but the app cannot read its data (%1). It cannot be edited here; “Show as received” displays the data as the cloud sent it.</source>
            <translation>Die Cloud führt dieses Gerät auf, aber die App kann seine Daten nicht lesen (%1). Es kann hier nicht bearbeitet werden; „Wie empfangen anzeigen“ zeigt die Daten so, wie die Cloud sie gesendet hat.</translation>
        </message>
    </context>
    <context>
        <name>DevicesView</name>
        <message>
            <source>Search devices</source>
            <translation>Geräte suchen</translation>
        </message>
        <message>
            <source>Search serial number, name, model, status…</source>
            <translation>Seriennummer, Name, Modell, Status suchen …</translation>
        </message>
        <message>
            <source>Refresh</source>
            <extracomment>v4: the list is a pane beside the editors with fewer columns shown; kept per scope (UiState.view_state) a new edit session, before any editor shows it (EditSession): a saved draft may be laid over it any change of any edit session (EditSession): typed edits, revert, rebase, restore the cloud listed the site's loggers (site, list[Device]); not sent for cached lists the cloud could not be reached before the site's first listing (site): nothing to show yet the measuring objects created here, for a cloud that does not list them (per session) whether typed changes are kept on this laptop (show_save_state); a new site's editors learn it</extracomment>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <source>Refresh the device list now</source>
            <translation>Die Geräteliste jetzt aktualisieren</translation>
        </message>
        <message>
            <source>Apply settings to selected…</source>
            <translation>Einstellungen auf Auswahl anwenden …</translation>
        </message>
        <message>
            <source>Apply measurement settings to the selected loggers</source>
            <translation>Messeinstellungen auf die ausgewählten Logger anwenden</translation>
        </message>
        <message>
            <source>Devices of the site</source>
            <translation>Geräte des Standorts</translation>
        </message>
        <message>
            <source>Choose a site, or create one with “New…” beside it, to see its loggers.</source>
            <translation>Wählen Sie einen Standort oder legen Sie daneben mit „Neu …“ einen an, um seine Logger zu sehen.</translation>
        </message>
        <message>
            <source>Choose a site above, then select a logger to configure it.</source>
            <translation>Wählen Sie oben einen Standort und dann einen Logger, um ihn einzurichten.</translation>
        </message>
        <message>
            <source>Show as received…</source>
            <translation>Wie empfangen anzeigen …</translation>
        </message>
        <message>
            <source>Show the logger's data as the cloud sent it</source>
            <translation>Die Daten des Loggers so anzeigen, wie die Cloud sie gesendet hat</translation>
        </message>
        <message>
            <source>Device settings</source>
            <translation>Geräteeinstellungen</translation>
        </message>
        <message>
            <source>Measurement settings</source>
            <translation>Messeinstellungen</translation>
        </message>
        <message>
            <source>Sensors</source>
            <translation>Fühler</translation>
        </message>
        <message>
            <source>Alarms</source>
            <translation>Alarme</translation>
        </message>
        <message>
            <source>Measuring objects</source>
            <translation>Messobjekte</translation>
        </message>
        <message>
            <source>Select a logger in the table to configure it.</source>
            <translation>Wählen Sie einen Logger in der Tabelle, um ihn einzurichten.</translation>
        </message>
        <message>
            <source>Loading the loggers of %1…</source>
            <translation>Die Logger von %1 werden geladen …</translation>
        </message>
        <message>
            <source>without a serial number</source>
            <translation>ohne Seriennummer</translation>
        </message>
        <message>
            <source>Logger %1 as the cloud sent it</source>
            <translation>Logger %1, wie die Cloud ihn gesendet hat</translation>
        </message>
        <message>
            <source>The app cannot read: %1</source>
            <translation>Die App kann nicht lesen: %1</translation>
        </message>
        <message>
            <source>This logger is no longer listed in the site.</source>
            <translation>Dieser Logger ist nicht mehr im Standort aufgeführt.</translation>
        </message>
        <message>
            <source>No loggers in %1 yet. Use the wizard to add one.</source>
            <translation>Noch keine Logger in %1. Fügen Sie mit dem Assistenten einen hinzu.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Logger %1&lt;/b&gt; · not readable</source>
            <translation>&lt;b&gt;Logger %1&lt;/b&gt; · nicht lesbar</translation>
        </message>
        <message>
            <source>The cloud lists this logger, but the app cannot read its data (%1), so it cannot be edited here. “Show as received” displays the data as the cloud sent it.</source>
            <translation>Die Cloud führt diesen Logger auf, aber die App kann seine Daten nicht lesen (%1), daher kann er hier nicht bearbeitet werden. „Wie empfangen anzeigen“ zeigt die Daten so, wie die Cloud sie gesendet hat.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Logger %1&lt;/b&gt;</source>
            <translation>&lt;b&gt;Logger %1&lt;/b&gt;</translation>
        </message>
    </context>
    <context>
        <name>DraftSaveBanner</name>
        <message>
            <source>the disk is full. Free some space on this laptop</source>
            <extracomment>How long "saved again" stays before the banner goes away by itself.</extracomment>
            <translation>der Datenträger ist voll. Geben Sie auf diesem Laptop Speicherplatz frei</translation>
        </message>
        <message>
            <source>the data folder cannot be written to (it is read-only)</source>
            <translation>in den Datenordner kann nicht geschrieben werden (er ist schreibgeschützt)</translation>
        </message>
        <message>
            <source>the data folder cannot be used</source>
            <translation>der Datenordner kann nicht verwendet werden</translation>
        </message>
        <message>
            <source>another program is holding the local database</source>
            <translation>ein anderes Programm hält die lokale Datenbank belegt</translation>
        </message>
        <message>
            <source>the local database was made by a newer version of Saveris Desktop (left untouched)</source>
            <translation>die lokale Datenbank stammt von einer neueren Version von Saveris Desktop (sie bleibt unverändert)</translation>
        </message>
        <message>
            <source>the local database is damaged</source>
            <translation>die lokale Datenbank ist beschädigt</translation>
        </message>
        <message>
            <source>the local database is missing</source>
            <translation>die lokale Datenbank fehlt</translation>
        </message>
        <message>
            <source>an unexpected error (the log file has the details)</source>
            <translation>ein unerwarteter Fehler (Einzelheiten stehen in der Protokolldatei)</translation>
        </message>
        <message>
            <source>Whether your changes are saved on this laptop</source>
            <translation>Ob Ihre Änderungen auf diesem Laptop gespeichert sind</translation>
        </message>
        <message>
            <source>Saved again: your changes are kept on this laptop.</source>
            <translation>Wieder gespeichert: Ihre Änderungen bleiben auf diesem Laptop erhalten.</translation>
        </message>
        <message>
            <source>Your changes are NOT saved on this laptop: %1. They stay in the form, and saving is tried again by itself.</source>
            <translation>Ihre Änderungen sind auf diesem Laptop NICHT gespeichert: %1. Sie bleiben im Formular, und das Speichern wird von selbst erneut versucht.</translation>
        </message>
    </context>
    <context>
        <name>DurationField</name>
        <message>
            <source>e.g. 15 min</source>
            <translation>z. B. 15 min</translation>
        </message>
        <message>
            <source>Allowed: %1</source>
            <translation>Erlaubt: %1</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>signing in</source>
            <extracomment>What the technician was doing, per operation (api.responses.ACTIONS, route names), in words that complete "This server does not offer …" and "… failed".</extracomment>
            <translation>Anmelden</translation>
        </message>
        <message>
            <source>creating the site and its connect key</source>
            <translation>Anlegen des Standorts und seines Verbindungsschlüssels</translation>
        </message>
        <message>
            <source>reading the connect key</source>
            <translation>Lesen des Verbindungsschlüssels</translation>
        </message>
        <message>
            <source>reading the site's time zone</source>
            <translation>Lesen der Zeitzone des Standorts</translation>
        </message>
        <message>
            <source>saving the site's time zone</source>
            <translation>Speichern der Zeitzone des Standorts</translation>
        </message>
        <message>
            <source>listing the site's loggers</source>
            <translation>Auflisten der Logger des Standorts</translation>
        </message>
        <message>
            <source>reading the logger</source>
            <translation>Lesen des Loggers</translation>
        </message>
        <message>
            <source>saving the logger's settings</source>
            <translation>Speichern der Einstellungen des Loggers</translation>
        </message>
        <message>
            <source>reading the sensor</source>
            <translation>Lesen des Fühlers</translation>
        </message>
        <message>
            <source>saving the sensor's settings</source>
            <translation>Speichern der Einstellungen des Fühlers</translation>
        </message>
        <message>
            <source>reading the logger's alarms</source>
            <translation>Lesen der Alarme des Loggers</translation>
        </message>
        <message>
            <source>saving the logger's alarms</source>
            <translation>Speichern der Alarme des Loggers</translation>
        </message>
        <message>
            <source>reading the sensor's alarms</source>
            <translation>Lesen der Alarme des Fühlers</translation>
        </message>
        <message>
            <source>saving the sensor's alarms</source>
            <translation>Speichern der Alarme des Fühlers</translation>
        </message>
        <message>
            <source>listing the measuring objects</source>
            <translation>Auflisten der Messobjekte</translation>
        </message>
        <message>
            <source>reading the measuring object</source>
            <translation>Lesen des Messobjekts</translation>
        </message>
        <message>
            <source>creating the measuring object</source>
            <translation>Anlegen des Messobjekts</translation>
        </message>
        <message>
            <source>reading the measuring object's measurement settings</source>
            <translation>Lesen der Messvorgaben des Messobjekts</translation>
        </message>
        <message>
            <source>saving the measuring object's measurement settings</source>
            <translation>Speichern der Messvorgaben des Messobjekts</translation>
        </message>
        <message>
            <source>reading the measuring object's alarm limits</source>
            <translation>Lesen der Alarmgrenzwerte des Messobjekts</translation>
        </message>
        <message>
            <source>saving the measuring object's alarm limits</source>
            <translation>Speichern der Alarmgrenzwerte des Messobjekts</translation>
        </message>
        <message>
            <source>This server does not offer %1.</source>
            <translation>Dieser Server bietet das nicht an: %1.</translation>
        </message>
        <message>
            <source>The user name or the password is not right, the account belongs to another region or environment, or it is a Saveris 2 (saveris.net) account, which cannot sign in here. Check them and try again.</source>
            <translation>Benutzername oder Passwort stimmen nicht, das Konto gehört zu einer anderen Region oder Umgebung, oder es ist ein Saveris 2-Konto (saveris.net), das sich hier nicht anmelden kann. Prüfen Sie die Angaben und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The user name or the password is not right. Check both and try again.</source>
            <translation>Benutzername oder Passwort stimmen nicht. Prüfen Sie beides und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>This computer does not trust the certificate of the server it reached. If your company's network inspects encrypted connections, ask IT for its root certificate and set SSL_CERT_FILE to it (see the README).</source>
            <translation>Dieser Computer vertraut dem Zertifikat des erreichten Servers nicht. Wenn das Netz Ihrer Firma verschlüsselte Verbindungen prüft, fragen Sie die IT nach deren Stammzertifikat und setzen Sie SSL_CERT_FILE darauf (siehe README).</translation>
        </message>
        <message>
            <source>The testo cloud cannot be reached. Check that this laptop is connected to the internet.</source>
            <translation>Die testo Cloud ist nicht erreichbar. Prüfen Sie, ob dieser Laptop mit dem Internet verbunden ist.</translation>
        </message>
        <message>
            <source>This account is not allowed to do this. Ask your Saveris administrator.</source>
            <translation>Dieses Konto darf das nicht. Fragen Sie Ihren Saveris-Administrator.</translation>
        </message>
        <message>
            <source>The testo cloud is busy. Wait a minute and try again.</source>
            <translation>Die testo Cloud ist ausgelastet. Warten Sie eine Minute und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The testo cloud has a problem right now. Try again in a few minutes.</source>
            <translation>Die testo Cloud hat gerade ein Problem. Versuchen Sie es in einigen Minuten erneut.</translation>
        </message>
        <message>
            <source>The testo cloud refused this.</source>
            <translation>Die testo Cloud hat das abgelehnt.</translation>
        </message>
        <message>
            <source>Something unexpected went wrong; the details are in the log file.</source>
            <translation>Etwas Unerwartetes ist schiefgegangen; die Einzelheiten stehen in der Protokolldatei.</translation>
        </message>
        <message>
            <source>The testo cloud does not know this site or object (any more).</source>
            <translation>Die testo Cloud kennt diesen Standort oder dieses Objekt nicht (mehr).</translation>
        </message>
        <message>
            <source>It was changed elsewhere in the meantime. Reload and try again.</source>
            <translation>Es wurde inzwischen anderswo geändert. Laden Sie neu und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The testo cloud sent an answer this app cannot read; the details are in the log file.</source>
            <translation>Die testo Cloud hat eine Antwort gesendet, die diese App nicht lesen kann; die Einzelheiten stehen in der Protokolldatei.</translation>
        </message>
        <message>
            <source>The testo cloud gave an unexpected answer (HTTP %1).</source>
            <translation>Die testo Cloud hat unerwartet geantwortet (HTTP %1).</translation>
        </message>
        <message>
            <source>Failed: %1. %2</source>
            <translation>Fehlgeschlagen: %1. %2</translation>
        </message>
    </context>
    <context>
        <name>ExceptionHook</name>
        <message>
            <source>Unexpected error</source>
            <translation>Unerwarteter Fehler</translation>
        </message>
        <message>
            <source>Something went wrong inside Saveris Desktop. The app keeps running; what you entered is still there. The details were written to the log file.</source>
            <translation>In Saveris Desktop ist etwas schiefgegangen. Die App läuft weiter; was Sie eingegeben haben, ist noch da. Die Einzelheiten wurden in die Protokolldatei geschrieben.</translation>
        </message>
    </context>
    <context>
        <name>ExchangeActions</name>
        <message>
            <source>Export drafts and templates</source>
            <translation>Entwürfe und Vorlagen exportieren</translation>
        </message>
        <message>
            <source>Import drafts and templates</source>
            <translation>Entwürfe und Vorlagen importieren</translation>
        </message>
        <message>
            <source>Exported %1 and %2 to %3.</source>
            <translation>%1 und %2 nach %3 exportiert.</translation>
        </message>
        <message numerus="yes">
            <source>%n draft(s)</source>
            <translation>
                <numerusform>%n Entwurf</numerusform>
                <numerusform>%n Entwürfe</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n template(s)</source>
            <translation>
                <numerusform>%n Vorlage</numerusform>
                <numerusform>%n Vorlagen</numerusform>
            </translation>
        </message>
        <message>
            <source>The export failed: %1</source>
            <translation>Der Export ist fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>Nothing was imported. %1</source>
            <translation>Nichts wurde importiert. %1</translation>
        </message>
        <message>
            <source>Imported %1 and %2.</source>
            <translation>%1 und %2 importiert.</translation>
        </message>
        <message numerus="yes">
            <source>%n draft(s) not imported: this laptop has its own draft of the same object.</source>
            <translation>
                <numerusform>%n Entwurf nicht importiert: Dieser Laptop hat einen eigenen Entwurf desselben Objekts.</numerusform>
                <numerusform>%n Entwürfe nicht importiert: Dieser Laptop hat eigene Entwürfe derselben Objekte.</numerusform>
            </translation>
        </message>
        <message>
            <source>The template “%1” was imported as “%2”.</source>
            <translation>Die Vorlage „%1“ wurde als „%2“ importiert.</translation>
        </message>
        <message>
            <source>Export and import</source>
            <translation>Export und Import</translation>
        </message>
    </context>
    <context>
        <name>FirstContactDialog</name>
        <message>
            <source>Check the connection to the cloud</source>
            <translation>Verbindung zur Cloud prüfen</translation>
        </message>
        <message>
            <source>Checks the sign-in and the reads the app needs for the site, and tries the reads testo does not document. Nothing is changed in the cloud. The report for support holds no password, token or connect key.</source>
            <translation>Prüft die Anmeldung und die Lesezugriffe, die die App für den Standort braucht, und probiert die Lesezugriffe, die testo nicht dokumentiert. In der Cloud wird nichts geändert. Der Bericht für den Support enthält kein Passwort, kein Token und keinen Verbindungsschlüssel.</translation>
        </message>
        <message>
            <source>Existing site to check</source>
            <translation>Vorhandener Standort zum Prüfen</translation>
        </message>
        <message>
            <source>optional: without a site only the sign-in is checked</source>
            <translation>optional: ohne Standort wird nur die Anmeldung geprüft</translation>
        </message>
        <message>
            <source>&amp;Check</source>
            <translation>&amp;Prüfen</translation>
        </message>
        <message>
            <source>Check the connection</source>
            <translation>Die Verbindung prüfen</translation>
        </message>
        <message>
            <source>Checking</source>
            <translation>Prüfung läuft</translation>
        </message>
        <message>
            <source>Result per operation</source>
            <translation>Ergebnis je Vorgang</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Standort</translation>
        </message>
        <message>
            <source>Enter the name of an existing site, or leave it empty.</source>
            <translation>Geben Sie den Namen eines vorhandenen Standorts ein oder lassen Sie das Feld leer.</translation>
        </message>
        <message>
            <source>Checking …</source>
            <translation>Wird geprüft …</translation>
        </message>
        <message>
            <source>Everything the app needs works.</source>
            <translation>Alles, was die App braucht, funktioniert.</translation>
        </message>
        <message>
            <source>Something the app needs does not work.</source>
            <translation>Etwas, das die App braucht, funktioniert nicht.</translation>
        </message>
        <message>
            <source>works</source>
            <translation>funktioniert</translation>
        </message>
        <message>
            <source>not offered</source>
            <translation>nicht angeboten</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>abgelehnt</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>fehlgeschlagen</translation>
        </message>
        <message>
            <source>not tried</source>
            <translation>nicht versucht</translation>
        </message>
        <message>
            <source>Report for support: %1</source>
            <translation>Bericht für den Support: %1</translation>
        </message>
        <message>
            <source>The check could not finish: %1</source>
            <translation>Die Prüfung konnte nicht abgeschlossen werden: %1</translation>
        </message>
    </context>
    <context>
        <name>FoundPage</name>
        <message>
            <source>Device found</source>
            <translation>Gerät gefunden</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Serial number</source>
            <translation>Seriennummer</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Firmware</source>
            <translation>Firmware</translation>
        </message>
        <message>
            <source>Sensors</source>
            <translation>Fühler</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Serial number:</source>
            <translation>Seriennummer:</translation>
        </message>
        <message>
            <source>Model:</source>
            <translation>Modell:</translation>
        </message>
        <message>
            <source>Firmware:</source>
            <translation>Firmware:</translation>
        </message>
        <message>
            <source>Sensors:</source>
            <translation>Fühler:</translation>
        </message>
        <message>
            <source>&amp;Configure this logger</source>
            <translation>Diesen Logger &amp;einrichten</translation>
        </message>
        <message>
            <source>Configure this logger</source>
            <translation>Diesen Logger einrichten</translation>
        </message>
        <message>
            <source>&amp;Add another logger to this site</source>
            <translation>Weiteren Logger zu diesem Standort &amp;hinzufügen</translation>
        </message>
        <message>
            <source>Add another logger to this site</source>
            <translation>Weiteren Logger zu diesem Standort hinzufügen</translation>
        </message>
        <message>
            <source>It is now part of the site “%1”.</source>
            <translation>Er gehört jetzt zum Standort „%1“.</translation>
        </message>
        <message>
            <source>Logger %1 found, but the app cannot read its data.</source>
            <translation>Logger %1 gefunden, aber die App kann seine Daten nicht lesen.</translation>
        </message>
        <message>
            <source>Logger %1 found: it is now part of the site “%2”.</source>
            <translation>Logger %1 gefunden: Er gehört jetzt zum Standort „%2“.</translation>
        </message>
        <message>
            <source>not reported</source>
            <translation>nicht gemeldet</translation>
        </message>
        <message>
            <source>The cloud lists this logger, but the app cannot read its data (%1), so it cannot be configured here. The device table lists it as “Not readable” and shows its data as received.</source>
            <translation>Die Cloud führt diesen Logger auf, aber die App kann seine Daten nicht lesen (%1), daher kann er hier nicht eingerichtet werden. Die Gerätetabelle führt ihn als „Nicht lesbar“ und zeigt seine Daten wie empfangen.</translation>
        </message>
        <message>
            <source>sensor</source>
            <translation>Fühler</translation>
        </message>
        <message>
            <source>Slot %1: %2</source>
            <translation>Steckplatz %1: %2</translation>
        </message>
        <message>
            <source>(not connected)</source>
            <translation>(nicht angeschlossen)</translation>
        </message>
        <message>
            <source>The cloud does not let us read the sensors' names and channels.</source>
            <translation>Die Cloud lässt uns die Namen und Kanäle der Fühler nicht lesen.</translation>
        </message>
        <message>
            <source>none reported</source>
            <translation>keine gemeldet</translation>
        </message>
    </context>
    <context>
        <name>HotspotGuide</name>
        <message>
            <source>Insert the batteries. The logger is not set up yet, so its LED stays off.</source>
            <extracomment>step and LED state are in testo's own description [V] (the Help guide shows only these)</extracomment>
            <translation>Legen Sie die Batterien ein. Der Logger ist noch nicht eingerichtet, daher bleibt seine LED aus.</translation>
        </message>
        <message>
            <source>Insert the batteries or plug in the power supply. A new logger's LED stays off.</source>
            <translation>Legen Sie die Batterien ein oder schließen Sie das Netzteil an. Die LED eines neuen Loggers bleibt aus.</translation>
        </message>
        <message>
            <source>Plug in the gateway's power supply. The gateway has no display: only its LED tells you what is happening.</source>
            <translation>Schließen Sie das Netzteil des Gateways an. Das Gateway hat kein Display: Nur seine LED zeigt, was gerade passiert.</translation>
        </message>
        <message>
            <source>Hold the logger's button for &lt;b&gt;3 seconds&lt;/b&gt; until the LED blinks green.</source>
            <translation>Halten Sie die Taste des Loggers &lt;b&gt;3 Sekunden&lt;/b&gt; lang gedrückt, bis die LED grün blinkt.</translation>
        </message>
        <message>
            <source>Hold the button on the logger for &lt;b&gt;3 seconds&lt;/b&gt; until the LED blinks green.</source>
            <translation>Halten Sie die Taste am Logger &lt;b&gt;3 Sekunden&lt;/b&gt; lang gedrückt, bis die LED grün blinkt.</translation>
        </message>
        <message>
            <source>Hold the button on the gateway for &lt;b&gt;3 seconds&lt;/b&gt; until the LED blinks green.</source>
            <translation>Halten Sie die Taste am Gateway &lt;b&gt;3 Sekunden&lt;/b&gt; lang gedrückt, bis die LED grün blinkt.</translation>
        </message>
        <message>
            <source>On this laptop, join the Wi-Fi network &lt;b&gt;{hotspot}&lt;/b&gt; (the numbers are on the device's label). This laptop has no internet while it is on that network; that is expected and this app waits for you.</source>
            <translation>Verbinden Sie diesen Laptop mit dem WLAN &lt;b&gt;{hotspot}&lt;/b&gt; (die Ziffern stehen auf dem Etikett des Geräts). In diesem Netz hat der Laptop kein Internet; das ist so gewollt, und diese App wartet auf Sie.</translation>
        </message>
        <message>
            <source>Open the device's configuration page in a browser and type exactly:&lt;br&gt;• &lt;b&gt;accountId&lt;/b&gt;: &lt;tt&gt;{key}&lt;/tt&gt;&lt;br&gt;• &lt;b&gt;Wi-Fi name&lt;/b&gt;: {ssid}&lt;br&gt;• &lt;b&gt;Wi-Fi password&lt;/b&gt;: the password of that Wi-Fi network&lt;br&gt;Then press &lt;b&gt;Save&lt;/b&gt;.</source>
            <translation>Öffnen Sie die Konfigurationsseite des Geräts in einem Browser und geben Sie genau ein:&lt;br&gt;• &lt;b&gt;accountId&lt;/b&gt;: &lt;tt&gt;{key}&lt;/tt&gt;&lt;br&gt;• &lt;b&gt;WLAN-Name&lt;/b&gt;: {ssid}&lt;br&gt;• &lt;b&gt;WLAN-Passwort&lt;/b&gt;: das Passwort dieses WLANs&lt;br&gt;Drücken Sie dann &lt;b&gt;Save&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>The device closes its hotspot and connects to the site's Wi-Fi: the LED blinks orange.</source>
            <translation>Das Gerät schließt seinen Hotspot und verbindet sich mit dem WLAN des Standorts: Die LED blinkt orange.</translation>
        </message>
        <message>
            <source>Reconnect this laptop to your normal Wi-Fi. Once the device is in the cloud its LED flashes green every 10 seconds and the next page shows it.</source>
            <translation>Verbinden Sie diesen Laptop wieder mit Ihrem normalen WLAN. Sobald das Gerät in der Cloud ist, blitzt seine LED alle 10 Sekunden grün auf, und die nächste Seite zeigt es an.</translation>
        </message>
        <message>
            <source>LED blinking &lt;b&gt;red&lt;/b&gt;: the cloud did not accept the key. Open the hotspot again and check accountId.</source>
            <translation>LED blinkt &lt;b&gt;rot&lt;/b&gt;: Die Cloud hat den Schlüssel nicht angenommen. Öffnen Sie den Hotspot erneut und prüfen Sie die accountId.</translation>
        </message>
        <message>
            <source>LED still blinking &lt;b&gt;orange&lt;/b&gt;: the device cannot reach the Wi-Fi. Check the Wi-Fi name and password.</source>
            <translation>LED blinkt weiter &lt;b&gt;orange&lt;/b&gt;: Das Gerät erreicht das WLAN nicht. Prüfen Sie WLAN-Name und Passwort.</translation>
        </message>
        <message>
            <source>QSR / WiFi loggers use &lt;b&gt;2.4 GHz&lt;/b&gt; Wi-Fi only: a network that offers only 5 GHz cannot be joined.</source>
            <translation>QSR-/WiFi-Logger nutzen nur WLAN im &lt;b&gt;2,4-GHz&lt;/b&gt;-Band: Ein Netz, das nur 5 GHz anbietet, kann nicht verwendet werden.</translation>
        </message>
        <message>
            <source>A mistyped key is the most common cause: letters and digits only, dashes do not matter.</source>
            <translation>Ein vertippter Schlüssel ist die häufigste Ursache: nur Buchstaben und Ziffern, Bindestriche spielen keine Rolle.</translation>
        </message>
        <message>
            <source>LED &lt;b&gt;off&lt;/b&gt;: the hotspot closed without saving (or the batteries are empty). Start again.</source>
            <translation>LED &lt;b&gt;aus&lt;/b&gt;: Der Hotspot wurde ohne Speichern geschlossen (oder die Batterien sind leer). Beginnen Sie von vorn.</translation>
        </message>
        <message>
            <source>The site's Wi-Fi must reach the internet; guest networks with a login page do not work.</source>
            <translation>Das WLAN des Standorts muss ins Internet kommen; Gastnetze mit Anmeldeseite funktionieren nicht.</translation>
        </message>
    </context>
    <context>
        <name>HotspotGuidePage</name>
        <message>
            <source>Put the device into hotspot mode</source>
            <translation>Das Gerät in den Hotspot-Modus versetzen</translation>
        </message>
        <message>
            <source>Do these steps with the device in your hand; the LED tells you where you are.</source>
            <translation>Gehen Sie diese Schritte mit dem Gerät in der Hand durch; die LED zeigt Ihnen, wo Sie stehen.</translation>
        </message>
        <message>
            <source>Device type</source>
            <translation>Gerätetyp</translation>
        </message>
        <message>
            <source>Name of the site's Wi-Fi network</source>
            <translation>Name des WLANs am Standort</translation>
        </message>
        <message>
            <source>optional: shown in the steps below</source>
            <translation>optional: wird in den Schritten unten angezeigt</translation>
        </message>
        <message>
            <source>Site &amp;Wi-Fi name:</source>
            <translation>WLAN-&amp;Name des Standorts:</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>Schritte</translation>
        </message>
        <message>
            <source>Devices already on the site</source>
            <translation>Geräte, die bereits am Standort sind</translation>
        </message>
        <message>
            <source>the name of the site's Wi-Fi network</source>
            <translation>der Name des WLANs am Standort</translation>
        </message>
        <message>
            <source>Checking which devices the site has already …</source>
            <translation>Es wird geprüft, welche Geräte der Standort schon hat …</translation>
        </message>
        <message>
            <source>The site's device list could not be read just now; the waiting page will take the first list it gets as the starting point. Go online before you set up the device.</source>
            <translation>Die Geräteliste des Standorts konnte gerade nicht gelesen werden; die Warteseite nimmt die erste Liste, die sie erhält, als Ausgangspunkt. Gehen Sie online, bevor Sie das Gerät einrichten.</translation>
        </message>
        <message>
            <source>The site has no devices yet; the next page waits for the first one.</source>
            <translation>Der Standort hat noch keine Geräte; die nächste Seite wartet auf das erste.</translation>
        </message>
        <message numerus="yes">
            <source>The site has %n device(s) already; the next page waits for a new one.</source>
            <translation>
                <numerusform>Der Standort hat bereits %n Gerät; die nächste Seite wartet auf ein neues.</numerusform>
                <numerusform>Der Standort hat bereits %n Geräte; die nächste Seite wartet auf ein neues.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportChoicesDialog</name>
        <message>
            <source>Drafts not imported</source>
            <translation>Nicht importierte Entwürfe</translation>
        </message>
        <message>
            <source>Export and import</source>
            <translation>Export und Import</translation>
        </message>
        <message>
            <source>These drafts were not imported because this laptop has its own draft of the same object. Choose for each: compare the two, keep yours, or replace yours with the file's. Closing keeps yours; the file keeps its versions.</source>
            <extracomment>per row: None (not chosen: this laptop's draft stays), "kept" or "replaced"</extracomment>
            <translation>Diese Entwürfe wurden nicht importiert, weil dieser Laptop einen eigenen Entwurf desselben Objekts hat. Wählen Sie für jeden: die beiden vergleichen, Ihren behalten oder Ihren durch den aus der Datei ersetzen. Schließen behält Ihre; die Datei behält ihre Fassungen.</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Entwurf</translation>
        </message>
        <message>
            <source>Yours, last changed</source>
            <translation>Ihrer, zuletzt geändert</translation>
        </message>
        <message>
            <source>The file's, last changed</source>
            <translation>Der aus der Datei, zuletzt geändert</translation>
        </message>
        <message>
            <source>Choice</source>
            <translation>Wahl</translation>
        </message>
        <message>
            <source>Not chosen: yours stays</source>
            <translation>Nicht gewählt: Ihrer bleibt</translation>
        </message>
        <message>
            <source>&amp;Compare</source>
            <translation>&amp;Vergleichen</translation>
        </message>
        <message>
            <source>Compare your draft with the file's</source>
            <translation>Ihren Entwurf mit dem aus der Datei vergleichen</translation>
        </message>
        <message>
            <source>&amp;Replace with the file's</source>
            <translation>Durch den aus der Datei &amp;ersetzen</translation>
        </message>
        <message>
            <source>Replace your draft with the file's</source>
            <translation>Ihren Entwurf durch den aus der Datei ersetzen</translation>
        </message>
        <message>
            <source>&amp;Keep mine</source>
            <translation>&amp;Meinen behalten</translation>
        </message>
        <message>
            <source>Keep your draft</source>
            <translation>Ihren Entwurf behalten</translation>
        </message>
        <message>
            <source>Your draft and the file's, field by field</source>
            <translation>Ihr Entwurf und der aus der Datei, Feld für Feld</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Feld</translation>
        </message>
        <message>
            <source>Yours</source>
            <translation>Ihrer</translation>
        </message>
        <message>
            <source>In the file</source>
            <translation>In der Datei</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message numerus="yes">
            <source>%1: %n field(s) differ.</source>
            <translation>
                <numerusform>%1: %n Feld unterscheidet sich.</numerusform>
                <numerusform>%1: %n Felder unterscheiden sich.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: both drafts have the same values.</source>
            <translation>%1: Beide Entwürfe haben dieselben Werte.</translation>
        </message>
        <message>
            <source>Yours kept</source>
            <translation>Ihrer behalten</translation>
        </message>
        <message>
            <source>Replaced with the file's</source>
            <translation>Durch den aus der Datei ersetzt</translation>
        </message>
        <message>
            <source>Yours kept: it changed after the import</source>
            <translation>Ihrer behalten: Er wurde nach dem Import geändert</translation>
        </message>
        <message>
            <source>Your draft was changed after the import, so it was not replaced. Import the file again to compare the two as they are now.</source>
            <translation>Ihr Entwurf wurde nach dem Import geändert und deshalb nicht ersetzt. Importieren Sie die Datei erneut, um die beiden so zu vergleichen, wie sie jetzt sind.</translation>
        </message>
        <message>
            <source>Not replaced: %1</source>
            <translation>Nicht ersetzt: %1</translation>
        </message>
    </context>
    <context>
        <name>InstructionSetEditor</name>
        <message>
            <source>Measuring instruction set</source>
            <extracomment>The measuring cycle's key in instruction sets of related APIs [R] (`measuring_rate_ms`). Cycle bounds when no logger feeds the object yet [A] (the server's own default bounds).</extracomment>
            <translation>Messvorgaben</translation>
        </message>
        <message>
            <source>These values override the loggers' own measurement settings for this measuring object. Leave a field empty to use the logger's setting.</source>
            <translation>Diese Werte ersetzen für dieses Messobjekt die eigenen Messeinstellungen der Logger. Lassen Sie ein Feld leer, um die Einstellung des Loggers zu verwenden.</translation>
        </message>
        <message>
            <source>Measuring cycle override</source>
            <translation>Messtakt (abweichend)</translation>
        </message>
        <message>
            <source>Communication cycle override</source>
            <translation>Kommunikationstakt (abweichend)</translation>
        </message>
        <message>
            <source>logger's setting</source>
            <translation>Einstellung des Loggers</translation>
        </message>
        <message>
            <source>Measuring cycle</source>
            <translation>Messtakt</translation>
        </message>
        <message>
            <source>Communication cycle</source>
            <translation>Kommunikationstakt</translation>
        </message>
    </context>
    <context>
        <name>KeyCard</name>
        <message>
            <source>Saveris connect key</source>
            <translation>Saveris-Verbindungsschlüssel</translation>
        </message>
        <message>
            <source>Site: %1</source>
            <translation>Standort: %1</translation>
        </message>
    </context>
    <context>
        <name>LedPattern</name>
        <message>
            <source>LED off</source>
            <translation>LED aus</translation>
        </message>
        <message>
            <source>LED blinking green</source>
            <translation>LED blinkt grün</translation>
        </message>
        <message>
            <source>LED blinking orange</source>
            <translation>LED blinkt orange</translation>
        </message>
        <message>
            <source>LED flashes green every 10 seconds</source>
            <translation>LED blitzt alle 10 Sekunden grün</translation>
        </message>
        <message>
            <source>LED blinking red</source>
            <translation>LED blinkt rot</translation>
        </message>
    </context>
    <context>
        <name>LiveList</name>
        <message>
            <source>Live refresh paused.</source>
            <extracomment>a listing from the cloud (not one replayed from the cache), in server order a listing (from the cloud or the cache) is now in the table: (site it was for, devices) when the listing in the table was read from the cloud (None: nothing read yet)</extracomment>
            <translation>Automatische Aktualisierung angehalten.</translation>
        </message>
        <message>
            <source>the cloud cannot be reached; retrying by itself</source>
            <translation>die Cloud ist nicht erreichbar; es wird von selbst erneut versucht</translation>
        </message>
        <message>
            <source>The cloud cannot be reached; retrying by itself.</source>
            <translation>Die Cloud ist nicht erreichbar; es wird von selbst erneut versucht.</translation>
        </message>
        <message>
            <source>The loggers could not be listed: %1</source>
            <translation>Die Logger konnten nicht aufgelistet werden: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n logger(s) · refreshed every %1</source>
            <translation>
                <numerusform>%n Logger · aktualisiert alle %1</numerusform>
                <numerusform>%n Logger · aktualisiert alle %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not readable</source>
            <translation>
                <numerusform>%n nicht lesbar</numerusform>
                <numerusform>%n nicht lesbar</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LocaleFormat</name>
        <message>
            <source>%Y-%m-%d %H:%M</source>
            <comment>date and time as Python's strftime writes them: use the order and separators of your language</comment>
            <extracomment>Python's `format(value, "g")`: six significant digits, no exponent for everyday values.</extracomment>
            <translation>%d.%m.%Y %H:%M</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Demo</source>
            <extracomment>polling timing for the wizard's waiting page; None: the defaults (tests pass faster ones) View → Language, "Restart now": the window closes like Quit and app.py starts the app again asked before the window closes; one answering False keeps it open (and tells the technician why, e.g. changes that could not be saved on this laptop)</extracomment>
            <translation>Demo</translation>
        </message>
        <message>
            <source>&amp;Add a logger …</source>
            <translation>Logger &amp;hinzufügen …</translation>
        </message>
        <message>
            <source>Commissioning &amp;report …</source>
            <translation>Inbetriebnahme&amp;protokoll …</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>&amp;Abmelden</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>Open the &amp;log folder</source>
            <translation>&amp;Protokollordner öffnen</translation>
        </message>
        <message>
            <source>&amp;Check the connection to the cloud …</source>
            <translation>&amp;Verbindung zur Cloud prüfen …</translation>
        </message>
        <message>
            <source>Show the site's connect &amp;key …</source>
            <translation>Verbindungs&amp;schlüssel des Standorts anzeigen …</translation>
        </message>
        <message>
            <source>Commissioning &amp;guide …</source>
            <translation>&amp;Anleitung zur Inbetriebnahme …</translation>
        </message>
        <message>
            <source>&amp;About %1</source>
            <translation>&amp;Über %1</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <extracomment>Modules the walk must not import (nor count): `__main__` would start the app. The demo logger joins this long after its configuration page was saved (real time, not mocked).</extracomment>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Site</source>
            <translation>&amp;Standort</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Hauptwerkzeugleiste</translation>
        </message>
        <message>
            <source>Add a logger</source>
            <translation>Logger hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Sprache</translation>
        </message>
        <message>
            <source>System (%1)</source>
            <translation>System (%1)</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>The new language is used when %1 starts again.</source>
            <translation>Die neue Sprache gilt, wenn %1 neu startet.</translation>
        </message>
        <message>
            <source>Nothing you typed is lost: drafts are saved as you type and open again after the restart. Changes waiting for the cloud stay queued.</source>
            <translation>Nichts, was Sie eingegeben haben, geht verloren: Entwürfe werden beim Tippen gespeichert und nach dem Neustart wieder geöffnet. Änderungen, die auf die Cloud warten, bleiben in der Warteschlange.</translation>
        </message>
        <message>
            <source>&amp;Restart now</source>
            <translation>Jetzt &amp;neu starten</translation>
        </message>
        <message>
            <source>&amp;Later</source>
            <translation>&amp;Später</translation>
        </message>
        <message>
            <source>Starting …</source>
            <translation>Wird gestartet …</translation>
        </message>
        <message>
            <source>Virtual logger</source>
            <translation>Virtueller Logger</translation>
        </message>
        <message>
            <source>Virtual logger panel</source>
            <translation>Bereich „Virtueller Logger“</translation>
        </message>
        <message>
            <source>Server: %1</source>
            <translation>Server: %1</translation>
        </message>
        <message>
            <source>Signed in as %1</source>
            <translation>Angemeldet als %1</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Nicht angemeldet</translation>
        </message>
        <message>
            <source>Site: %1</source>
            <translation>Standort: %1</translation>
        </message>
        <message>
            <source>Offline — will reconnect by itself</source>
            <translation>Offline — verbindet sich von selbst wieder</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <source>About %1</source>
            <translation>Über %1</translation>
        </message>
        <message>
            <source>%1 %2
Puts testo Saveris loggers into service.</source>
            <translation>%1 %2
Nimmt testo Saveris-Logger in Betrieb.</translation>
        </message>
        <message>
            <source>Connection: through the proxy %1 (%2)</source>
            <translation>Verbindung: über den Proxy %1 (%2)</translation>
        </message>
        <message>
            <source>Connection: direct, no proxy</source>
            <translation>Verbindung: direkt, kein Proxy</translation>
        </message>
        <message>
            <source>Trusted certificates: %1</source>
            <translation>Vertrauenswürdige Zertifikate: %1</translation>
        </message>
    </context>
    <context>
        <name>MeasurementAlarmsEditor</name>
        <message>
            <source>Lower alarm</source>
            <translation>Unterer Alarmgrenzwert</translation>
        </message>
        <message>
            <source>Lower warning</source>
            <translation>Unterer Warngrenzwert</translation>
        </message>
        <message>
            <source>Upper warning</source>
            <translation>Oberer Warngrenzwert</translation>
        </message>
        <message>
            <source>Upper alarm</source>
            <translation>Oberer Alarmgrenzwert</translation>
        </message>
        <message>
            <source>Hysteresis</source>
            <translation>Hysterese</translation>
        </message>
        <message>
            <source>Preset for %1</source>
            <translation>Voreinstellung für %1</translation>
        </message>
        <message>
            <source>Choose a preset…</source>
            <translation>Voreinstellung wählen …</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>Voreinstellung</translation>
        </message>
        <message>
            <source>Delay</source>
            <translation>Verzögerung</translation>
        </message>
        <message>
            <source>Measurement alarms</source>
            <translation>Messwertalarme</translation>
        </message>
        <message>
            <source>This measuring object has no logical channels.</source>
            <translation>Dieses Messobjekt hat keine logischen Kanäle.</translation>
        </message>
        <message>
            <source>Received from the cloud in a form this app cannot show in the fields above. It is sent back unchanged:</source>
            <translation>Aus der Cloud in einer Form erhalten, die diese App in den Feldern oben nicht zeigen kann. Es wird unverändert zurückgesendet:</translation>
        </message>
        <message>
            <source>Alarm settings as received, read-only</source>
            <translation>Alarmeinstellungen wie empfangen, nur lesbar</translation>
        </message>
        <message>
            <source>%1: door contacts have no limits to set; their alarms come from the sensor alarms.</source>
            <translation>%1: Türkontakte haben keine Grenzwerte; ihre Alarme kommen aus den Fühler-Alarmen.</translation>
        </message>
        <message>
            <source>A limit of %1 is not a number.</source>
            <translation>Ein Grenzwert von %1 ist keine Zahl.</translation>
        </message>
        <message>
            <source>The cloud sent this channel's alarm settings in a form this app cannot read; they are shown below as received and sent back unchanged.</source>
            <translation>Die Cloud hat die Alarmeinstellungen dieses Kanals in einer Form gesendet, die diese App nicht lesen kann; sie werden unten wie empfangen gezeigt und unverändert zurückgesendet.</translation>
        </message>
        <message>
            <source>This object has no logical channels in the cloud, so limits cannot be attached to this sensor channel here.</source>
            <translation>Dieses Objekt hat in der Cloud keine logischen Kanäle, daher können hier keine Grenzwerte an diesen Fühlerkanal gehängt werden.</translation>
        </message>
        <message>
            <source>This object has one set of limits per measured value; they are set at %1.</source>
            <translation>Dieses Objekt hat einen Satz Grenzwerte je Messgröße; sie werden bei %1 eingestellt.</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>Bedingung</translation>
        </message>
        <message>
            <source>Further condition set</source>
            <translation>Weiterer Bedingungssatz</translation>
        </message>
        <message>
            <source>Channel alarm configuration</source>
            <translation>Alarmkonfiguration des Kanals</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 von %2</translation>
        </message>
    </context>
    <context>
        <name>NewSiteDialog</name>
        <message>
            <source>New site</source>
            <translation>Neuer Standort</translation>
        </message>
        <message>
            <source>The place where the loggers go, for example a shop or a building. Each site has one connect key; a site that exists already is opened.</source>
            <translation>Der Ort, an den die Logger kommen, zum Beispiel ein Geschäft oder ein Gebäude. Jeder Standort hat einen Verbindungsschlüssel; ein Standort, den es schon gibt, wird geöffnet.</translation>
        </message>
        <message>
            <source>Site name</source>
            <translation>Standortname</translation>
        </message>
        <message>
            <source>e.g. Bakery Main Street</source>
            <translation>z. B. Bäckerei Hauptstraße</translation>
        </message>
        <message>
            <source>Timezone</source>
            <translation>Zeitzone</translation>
        </message>
        <message>
            <source>Timezone, type to search</source>
            <translation>Zeitzone, tippen zum Suchen</translation>
        </message>
        <message>
            <source>Create site</source>
            <translation>Standort anlegen</translation>
        </message>
        <message>
            <source>Create the site</source>
            <translation>Den Standort anlegen</translation>
        </message>
        <message>
            <source>Cancel: no new site</source>
            <translation>Abbrechen: kein neuer Standort</translation>
        </message>
        <message>
            <source>&amp;Site name:</source>
            <translation>Standort&amp;name:</translation>
        </message>
        <message>
            <source>&amp;Timezone:</source>
            <translation>Zeitz&amp;one:</translation>
        </message>
        <message>
            <source>Pick a timezone from the list, e.g. Europe/Berlin.</source>
            <translation>Wählen Sie eine Zeitzone aus der Liste, z. B. Europe/Berlin.</translation>
        </message>
        <message>
            <source>Creating the site “%1” and its connect key …</source>
            <translation>Der Standort „%1“ und sein Verbindungsschlüssel werden angelegt …</translation>
        </message>
    </context>
    <context>
        <name>NumberField</name>
        <message>
            <source>off</source>
            <translation>aus</translation>
        </message>
        <message>
            <source>Enter a number.</source>
            <translation>Geben Sie eine Zahl ein.</translation>
        </message>
        <message>
            <source>“%1” is not a number.</source>
            <translation>„%1“ ist keine Zahl.</translation>
        </message>
        <message>
            <source>Allowed: %1 … %2</source>
            <translation>Erlaubt: %1 … %2</translation>
        </message>
    </context>
    <context>
        <name>ObjectsTab</name>
        <message>
            <source>The cloud does not let us read the current instruction set; what you apply here replaces it.</source>
            <translation>Die Cloud lässt uns die aktuellen Messvorgaben nicht lesen; was Sie hier übernehmen, ersetzt sie.</translation>
        </message>
        <message>
            <source>The cloud does not let us read the current alarms; what you apply here replaces them.</source>
            <translation>Die Cloud lässt uns die aktuellen Alarme nicht lesen; was Sie hier übernehmen, ersetzt sie.</translation>
        </message>
        <message>
            <source>nothing to do: no logical channel measures %1</source>
            <translation>nichts zu tun: kein logischer Kanal misst %1</translation>
        </message>
        <message>
            <source>%1 on %2</source>
            <translation>%1 auf %2</translation>
        </message>
        <message>
            <source>Measuring objects</source>
            <extracomment>the objects this app created (longer-lived than the tab: the view keeps it per session) True once the cloud answered that it does not list measuring objects when the cloud last listed the objects shown (None: not listed yet)</extracomment>
            <translation>Messobjekte</translation>
        </message>
        <message>
            <source>New measuring object…</source>
            <translation>Neues Messobjekt …</translation>
        </message>
        <message>
            <source>New measuring object</source>
            <translation>Neues Messobjekt</translation>
        </message>
        <message>
            <source>Apply alarm preset to selected…</source>
            <translation>Alarm-Voreinstellung auf Auswahl anwenden …</translation>
        </message>
        <message>
            <source>Apply alarm preset to the selected measuring objects</source>
            <translation>Alarm-Voreinstellung auf die ausgewählten Messobjekte anwenden</translation>
        </message>
        <message>
            <source>Settings of the measuring object</source>
            <translation>Einstellungen des Messobjekts</translation>
        </message>
        <message>
            <source>Alarm limits</source>
            <translation>Alarmgrenzwerte</translation>
        </message>
        <message>
            <source>Instruction set</source>
            <translation>Messvorgaben</translation>
        </message>
        <message>
            <source>Select a measuring object to set its instruction set and alarms, or create one with “New measuring object…”. Select several to apply an alarm preset to all of them.</source>
            <translation>Wählen Sie ein Messobjekt, um seine Messvorgaben und Alarme einzustellen, oder legen Sie mit „Neues Messobjekt …“ eines an. Wählen Sie mehrere, um allen eine Alarm-Voreinstellung zuzuweisen.</translation>
        </message>
        <message>
            <source>Loading measuring objects…</source>
            <translation>Messobjekte werden geladen …</translation>
        </message>
        <message>
            <source>  (this logger)</source>
            <translation>  (dieser Logger)</translation>
        </message>
        <message numerus="yes">
            <source>The cloud does not list measuring objects, so only the %n created here since the app started are shown.</source>
            <translation>
                <numerusform>Die Cloud führt keine Messobjekte auf; gezeigt wird daher nur das %n Messobjekt, das seit dem Start der App hier angelegt wurde.</numerusform>
                <numerusform>Die Cloud führt keine Messobjekte auf; gezeigt werden daher nur die %n Messobjekte, die seit dem Start der App hier angelegt wurden.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n measuring object(s) in this site.</source>
            <translation>
                <numerusform>%n Messobjekt an diesem Standort.</numerusform>
                <numerusform>%n Messobjekte an diesem Standort.</numerusform>
            </translation>
        </message>
        <message>
            <source>Unnamed object (%1)</source>
            <translation>Unbenanntes Objekt (%1)</translation>
        </message>
        <message>
            <source>channel %1</source>
            <translation>Kanal %1</translation>
        </message>
        <message>
            <source>%1 measuring objects selected: use “Apply alarm preset to selected…”.</source>
            <translation>%1 Messobjekte ausgewählt: Verwenden Sie „Alarm-Voreinstellung auf Auswahl anwenden …“.</translation>
        </message>
        <message>
            <source>no sensor</source>
            <translation>kein Fühler</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Assigned sensor channels:&lt;br&gt;%2</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Zugeordnete Fühlerkanäle:&lt;br&gt;%2</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Logical channels:&lt;br&gt;%2</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Logische Kanäle:&lt;br&gt;%2</translation>
        </message>
        <message>
            <source>Alarm preset</source>
            <translation>Alarm-Voreinstellung</translation>
        </message>
        <message>
            <source>It is set on each logical channel that measures the preset's value.</source>
            <translation>Sie wird an jedem logischen Kanal gesetzt, der die Messgröße der Voreinstellung misst.</translation>
        </message>
        <message>
            <source>Apply alarm preset</source>
            <translation>Alarm-Voreinstellung anwenden</translation>
        </message>
        <message numerus="yes">
            <source>%n measuring object(s) selected.</source>
            <translation>
                <numerusform>%n Messobjekt ausgewählt.</numerusform>
                <numerusform>%n Messobjekte ausgewählt.</numerusform>
            </translation>
        </message>
        <message>
            <source>Measuring object</source>
            <translation>Messobjekt</translation>
        </message>
    </context>
    <context>
        <name>OfflineIntegration</name>
        <message>
            <source>&amp;Changes waiting for the cloud …</source>
            <translation>&amp;Änderungen, die auf die Cloud warten …</translation>
        </message>
        <message>
            <source>&amp;Audit log …</source>
            <translation>Änderungs&amp;protokoll …</translation>
        </message>
        <message>
            <source>&amp;Templates …</source>
            <translation>&amp;Vorlagen …</translation>
        </message>
        <message>
            <source>&amp;Prepare a site offline …</source>
            <translation>&amp;Standort offline vorbereiten …</translation>
        </message>
        <message>
            <source>&amp;Export drafts and templates …</source>
            <translation>Entwürfe und Vorlagen &amp;exportieren …</translation>
        </message>
        <message>
            <source>&amp;Import drafts and templates …</source>
            <translation>Entwürfe und Vorlagen &amp;importieren …</translation>
        </message>
        <message>
            <source>&amp;Offline</source>
            <translation>&amp;Offline</translation>
        </message>
        <message>
            <source>Choice not kept</source>
            <translation>Wahl nicht übernommen</translation>
        </message>
        <message>
            <source>The values you chose could not be kept: %1</source>
            <translation>Die gewählten Werte konnten nicht übernommen werden: %1</translation>
        </message>
        <message>
            <source>Changes not saved</source>
            <translation>Änderungen nicht gespeichert</translation>
        </message>
        <message>
            <source>Your changes are NOT saved on this laptop: %1. If you quit now, they are lost. Keep the app open to send them with Apply, or to fix the cause and let them be saved.</source>
            <translation>Ihre Änderungen sind auf diesem Laptop NICHT gespeichert: %1. Wenn Sie jetzt beenden, gehen sie verloren. Lassen Sie die App offen, um sie mit „Übernehmen“ zu senden oder um die Ursache zu beheben, damit sie gespeichert werden.</translation>
        </message>
        <message>
            <source>Keep the app open</source>
            <translation>App offen lassen</translation>
        </message>
        <message>
            <source>Quit anyway</source>
            <translation>Trotzdem beenden</translation>
        </message>
        <message>
            <source>Your saved draft (%1)</source>
            <translation>Ihr gespeicherter Entwurf (%1)</translation>
        </message>
        <message>
            <source>Local data was damaged</source>
            <translation>Lokale Daten waren beschädigt</translation>
        </message>
    </context>
    <context>
        <name>OfflineUnavailable</name>
        <message>
            <source>⚠ Changes NOT saved on this laptop</source>
            <extracomment>Seconds between attempts to open the database again; the last one repeats.</extracomment>
            <translation>⚠ Änderungen auf diesem Laptop NICHT gespeichert</translation>
        </message>
        <message>
            <source>&amp;Offline</source>
            <translation>&amp;Offline</translation>
        </message>
        <message>
            <source>&amp;Try again to open the local data</source>
            <translation>&amp;Lokale Daten erneut öffnen</translation>
        </message>
        <message>
            <source>Changes cannot be saved on this laptop</source>
            <translation>Änderungen können auf diesem Laptop nicht gespeichert werden</translation>
        </message>
        <message>
            <source>The local data was made by a newer version of Saveris Desktop and is left untouched. Install that version again to get your drafts and waiting changes back. Until then, what you type here is NOT kept when the app closes, and changes cannot wait for the cloud without a network.</source>
            <translation>Die lokalen Daten stammen von einer neueren Version von Saveris Desktop und bleiben unverändert. Installieren Sie diese Version wieder, um Ihre Entwürfe und wartenden Änderungen zurückzubekommen. Bis dahin wird, was Sie hier eingeben, beim Schließen der App NICHT behalten, und Änderungen können ohne Netzwerk nicht auf die Cloud warten.</translation>
        </message>
        <message>
            <source>The local data cannot be used: %1. Until this is fixed, what you type is NOT kept when the app closes, and changes cannot wait for the cloud without a network. It is tried again by itself.</source>
            <translation>Die lokalen Daten können nicht verwendet werden: %1. Bis das behoben ist, wird, was Sie eingeben, beim Schließen der App NICHT behalten, und Änderungen können ohne Netzwerk nicht auf die Cloud warten. Es wird von selbst erneut versucht.</translation>
        </message>
        <message>
            <source>Not saved on this laptop: %1</source>
            <translation>Auf diesem Laptop nicht gespeichert: %1</translation>
        </message>
    </context>
    <context>
        <name>OnboardingWizard</name>
        <message>
            <source>Add a logger</source>
            <extracomment>"Configure this logger": the uuid of the device to open in the editors the flow changed (step or data): the drafts store may persist `flow.data.to_dict()`</extracomment>
            <translation>Logger hinzufügen</translation>
        </message>
    </context>
    <context>
        <name>PendingChangesDialog</name>
        <message>
            <source>Changes waiting for the cloud</source>
            <translation>Änderungen, die auf die Cloud warten</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>Erfasst</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Standort</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Änderung</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Einzelheiten</translation>
        </message>
        <message>
            <source>Result of the last sending, change by change</source>
            <translation>Ergebnis des letzten Sendens, Änderung für Änderung</translation>
        </message>
        <message>
            <source>&amp;Send now</source>
            <translation>Jetzt &amp;senden</translation>
        </message>
        <message>
            <source>Send the waiting changes now</source>
            <translation>Die wartenden Änderungen jetzt senden</translation>
        </message>
        <message>
            <source>&amp;Choose values…</source>
            <translation>Werte w&amp;ählen …</translation>
        </message>
        <message>
            <source>Choose values for a conflict</source>
            <translation>Werte für einen Konflikt wählen</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <source>Send a stopped change again</source>
            <translation>Eine angehaltene Änderung erneut senden</translation>
        </message>
        <message>
            <source>&amp;Discard…</source>
            <translation>&amp;Verwerfen …</translation>
        </message>
        <message>
            <source>Do not send this change</source>
            <translation>Diese Änderung nicht senden</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Last sending, change by change:</source>
            <translation>Letztes Senden, Änderung für Änderung:</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>gesendet</translation>
        </message>
        <message>
            <source>already in the cloud</source>
            <translation>schon in der Cloud</translation>
        </message>
        <message>
            <source>needs your choice</source>
            <translation>braucht Ihre Wahl</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>abgelehnt</translation>
        </message>
        <message>
            <source>needs attention</source>
            <translation>braucht Aufmerksamkeit</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>wartet</translation>
        </message>
        <message>
            <source>no connection</source>
            <translation>keine Verbindung</translation>
        </message>
        <message>
            <source>Nothing was sent yet in this session.</source>
            <translation>In dieser Sitzung wurde noch nichts gesendet.</translation>
        </message>
        <message>
            <source>Every change is in the cloud.</source>
            <translation>Jede Änderung ist in der Cloud.</translation>
        </message>
        <message numerus="yes">
            <source>Offline: %n change(s) waiting, sent by themselves once the cloud is reachable.</source>
            <translation>
                <numerusform>Offline: %n Änderung wartet und wird von selbst gesendet, sobald die Cloud erreichbar ist.</numerusform>
                <numerusform>Offline: %n Änderungen warten und werden von selbst gesendet, sobald die Cloud erreichbar ist.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) waiting: sign in to send.</source>
            <translation>
                <numerusform>%n Änderung wartet: Melden Sie sich an, um sie zu senden.</numerusform>
                <numerusform>%n Änderungen warten: Melden Sie sich an, um sie zu senden.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) not yet in the cloud.</source>
            <translation>
                <numerusform>%n Änderung noch nicht in der Cloud.</numerusform>
                <numerusform>%n Änderungen noch nicht in der Cloud.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) cannot be sent as made: read the reason under Details, then discard or retry.</source>
            <translation>
                <numerusform>%n Änderung kann so nicht gesendet werden: Lesen Sie den Grund unter „Einzelheiten“, dann verwerfen oder wiederholen Sie sie.</numerusform>
                <numerusform>%n Änderungen können so nicht gesendet werden: Lesen Sie den Grund unter „Einzelheiten“, dann verwerfen oder wiederholen Sie sie.</numerusform>
            </translation>
        </message>
        <message>
            <source>The values you chose could not be kept: %1</source>
            <translation>Die gewählten Werte konnten nicht übernommen werden: %1</translation>
        </message>
        <message>
            <source>Discard this change?</source>
            <translation>Diese Änderung verwerfen?</translation>
        </message>
        <message>
            <source>“%1” for %2 will not be sent to the cloud. Your draft, if any, is kept.</source>
            <translation>„%1“ für %2 wird nicht an die Cloud gesendet. Ihr Entwurf, falls vorhanden, bleibt erhalten.</translation>
        </message>
    </context>
    <context>
        <name>PlanChannelsModel</name>
        <message>
            <source>Channel</source>
            <extracomment>What a planned channel can measure: (physical value, unit) The preset column's data when the limits are none of the presets (edited elsewhere): kept as they are. an edit landed in the plan (None) or was refused (the plan's problem)</extracomment>
            <translation>Kanal</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>Misst</translation>
        </message>
        <message>
            <source>Alarm preset</source>
            <translation>Alarm-Voreinstellung</translation>
        </message>
        <message>
            <source>Sensor</source>
            <translation>Fühler</translation>
        </message>
        <message>
            <source>What channel %1 measures</source>
            <translation>Was Kanal %1 misst</translation>
        </message>
        <message>
            <source>Alarm preset of channel %1</source>
            <translation>Alarm-Voreinstellung des Kanals %1</translation>
        </message>
        <message>
            <source>Sensor of channel %1</source>
            <translation>Fühler des Kanals %1</translation>
        </message>
        <message>
            <source>Name of channel %1</source>
            <translation>Name des Kanals %1</translation>
        </message>
        <message>
            <source>(no alarms)</source>
            <translation>(keine Alarme)</translation>
        </message>
        <message>
            <source>(custom limits)</source>
            <translation>(eigene Grenzwerte)</translation>
        </message>
        <message>
            <source>waiting for a sensor</source>
            <translation>wartet auf einen Fühler</translation>
        </message>
        <message>
            <source>sensor %1</source>
            <translation>Fühler %1</translation>
        </message>
    </context>
    <context>
        <name>PlanEditor</name>
        <message>
            <source>Scan or type a serial number</source>
            <extracomment>the rows after every change (the owner saves them as the plan's draft)</extracomment>
            <translation>Seriennummer scannen oder eingeben</translation>
        </message>
        <message>
            <source>Scan a logger's label (or type its serial number and press Enter)</source>
            <translation>Scannen Sie das Etikett eines Loggers (oder geben Sie seine Seriennummer ein und drücken Sie die Eingabetaste)</translation>
        </message>
        <message>
            <source>Result of the last scan</source>
            <translation>Ergebnis des letzten Scans</translation>
        </message>
        <message>
            <source>Commissioning plan</source>
            <translation>Inbetriebnahmeplan</translation>
        </message>
        <message>
            <source>Problem of the current cell</source>
            <translation>Problem der aktuellen Zelle</translation>
        </message>
        <message>
            <source>&amp;Add row</source>
            <translation>Zeile &amp;hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Remove row</source>
            <translation>Zeile &amp;entfernen</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>Nach &amp;oben</translation>
        </message>
        <message>
            <source>Move &amp;down</source>
            <translation>Nach &amp;unten</translation>
        </message>
        <message>
            <source>&amp;Paste from spreadsheet</source>
            <translation>Aus Tabellenkalkulation ein&amp;fügen</translation>
        </message>
        <message>
            <source>&amp;Import CSV …</source>
            <translation>CSV &amp;importieren …</translation>
        </message>
        <message>
            <source>Not taken: %1</source>
            <translation>Nicht übernommen: %1</translation>
        </message>
        <message>
            <source>%1 is already planned: row %2</source>
            <translation>%1 ist schon geplant: Zeile %2</translation>
        </message>
        <message>
            <source>%1 → row %2</source>
            <translation>%1 → Zeile %2</translation>
        </message>
        <message>
            <source>Import a plan</source>
            <translation>Einen Plan importieren</translation>
        </message>
        <message>
            <source>CSV files (*.csv *.txt);;All files (*)</source>
            <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>The file cannot be read: %1</source>
            <translation>Die Datei kann nicht gelesen werden: %1</translation>
        </message>
        <message>
            <source>Nothing was imported; the file has these problems:</source>
            <translation>Nichts wurde importiert; die Datei hat diese Probleme:</translation>
        </message>
        <message>
            <source>Row %1, %2:</source>
            <translation>Zeile %1, %2:</translation>
        </message>
        <message>
            <source>%1 logger(s) planned</source>
            <translation>%1 Logger geplant</translation>
        </message>
        <message>
            <source>; %1 cell(s) to fix (point at a cell to see why)</source>
            <translation>; %1 Zelle(n) zu korrigieren (zeigen Sie auf eine Zelle, um den Grund zu sehen)</translation>
        </message>
    </context>
    <context>
        <name>PlanTableModel</name>
        <message>
            <source>Serial number</source>
            <extracomment>after every change of the rows (edit, paste, add, remove, move): the rows to save</extracomment>
            <translation>Seriennummer</translation>
        </message>
        <message>
            <source>Measuring object</source>
            <translation>Messobjekt</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>Voreinstellung</translation>
        </message>
        <message>
            <source>Logger name</source>
            <translation>Loggername</translation>
        </message>
        <message>
            <source>Measuring cycle</source>
            <translation>Messtakt</translation>
        </message>
        <message>
            <source>Communication cycle</source>
            <translation>Kommunikationstakt</translation>
        </message>
    </context>
    <context>
        <name>ReceivedDialog</name>
        <message>
            <source>The data as the cloud sent it</source>
            <translation>Die Daten, wie die Cloud sie gesendet hat</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Copy the data to the clipboard</source>
            <translation>Die Daten in die Zwischenablage kopieren</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
    </context>
    <context>
        <name>ReportPrintPreview</name>
        <message>
            <source>Page number</source>
            <translation>Seitenzahl</translation>
        </message>
    </context>
    <context>
        <name>SensorDirectory</name>
        <message>
            <source>Logger %1 · slot %2</source>
            <translation>Logger %1 · Steckplatz %2</translation>
        </message>
        <message>
            <source> (disconnected)</source>
            <translation> (getrennt)</translation>
        </message>
        <message>
            <source>Channel %1</source>
            <translation>Kanal %1</translation>
        </message>
        <message>
            <source>sensor</source>
            <translation>Fühler</translation>
        </message>
        <message>
            <source>%1 (not on a logger of this site)</source>
            <translation>%1 (an keinem Logger dieses Standorts)</translation>
        </message>
    </context>
    <context>
        <name>SensorEditor</name>
        <message>
            <source>Channel %1: %2</source>
            <translation>Kanal %1: %2</translation>
        </message>
        <message>
            <source>Name of channel %1</source>
            <translation>Name des Kanals %1</translation>
        </message>
        <message>
            <source>Unit of channel %1</source>
            <translation>Einheit des Kanals %1</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(keine)</translation>
        </message>
        <message>
            <source>Offset of channel %1</source>
            <translation>Offset des Kanals %1</translation>
        </message>
        <message>
            <source>This channel takes no offset.</source>
            <translation>Dieser Kanal hat keinen Offset.</translation>
        </message>
        <message>
            <source>Sensor</source>
            <translation>Fühler</translation>
        </message>
        <message>
            <source>Sensor name</source>
            <translation>Fühlername</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>The offset is added to every reading of the channel, e.g. to match a reference thermometer.</source>
            <translation>Der Offset wird zu jedem Messwert des Kanals addiert, z. B. um ihn an ein Referenzthermometer anzugleichen.</translation>
        </message>
        <message>
            <source>Channel name</source>
            <translation>Kanalname</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Einheit</translation>
        </message>
        <message>
            <source>Offset</source>
            <translation>Offset</translation>
        </message>
        <message>
            <source>Serial number %1 · model %2</source>
            <translation>Seriennummer %1 · Modell %2</translation>
        </message>
    </context>
    <context>
        <name>SensorsTab</name>
        <message>
            <source>Sensor</source>
            <translation>Fühler</translation>
        </message>
    </context>
    <context>
        <name>SessionEditor</name>
        <message>
            <source>Show what will be sent</source>
            <translation>Zeigen, was gesendet wird</translation>
        </message>
        <message>
            <source>What will be sent…</source>
            <translation>Was gesendet wird …</translation>
        </message>
        <message>
            <source>Sending</source>
            <translation>Wird gesendet</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>Zurücknehmen</translation>
        </message>
        <message>
            <source>Revert changes</source>
            <translation>Änderungen zurücknehmen</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Übernehmen</translation>
        </message>
        <message>
            <source>Apply changes</source>
            <translation>Änderungen übernehmen</translation>
        </message>
        <message>
            <source>✓ Saved on the server</source>
            <translation>✓ Auf dem Server gespeichert</translation>
        </message>
        <message>
            <source>● Unsaved changes</source>
            <translation>● Ungespeicherte Änderungen</translation>
        </message>
        <message>
            <source>Not read from the cloud</source>
            <translation>Nicht aus der Cloud gelesen</translation>
        </message>
        <message>
            <source>Send the changes to the cloud</source>
            <translation>Die Änderungen an die Cloud senden</translation>
        </message>
        <message>
            <source>Shortcut: %1</source>
            <translation>Tastenkürzel: %1</translation>
        </message>
        <message>
            <source>Back to the values on the server (%1)</source>
            <translation>Zurück zu den Werten auf dem Server (%1)</translation>
        </message>
        <message>
            <source>Show or hide what will be sent (%1)</source>
            <translation>Ein- oder ausblenden, was gesendet wird (%1)</translation>
        </message>
        <message>
            <source>Hide what will be sent</source>
            <translation>Ausblenden, was gesendet wird</translation>
        </message>
        <message>
            <source>Saved. The cloud accepted the changes.</source>
            <translation>Gespeichert. Die Cloud hat die Änderungen angenommen.</translation>
        </message>
        <message>
            <source>No connection: the change is queued and is sent by itself once the cloud is reachable.</source>
            <translation>Keine Verbindung: Die Änderung wartet in der Warteschlange und wird von selbst gesendet, sobald die Cloud erreichbar ist.</translation>
        </message>
        <message>
            <source>Someone changed this in the cloud while you were offline — choose which values to keep.</source>
            <translation>Jemand hat dies in der Cloud geändert, während Sie offline waren — wählen Sie, welche Werte bleiben.</translation>
        </message>
        <message>
            <source>Choose values…</source>
            <translation>Werte wählen …</translation>
        </message>
        <message>
            <source>Choose which values to keep</source>
            <translation>Wählen Sie, welche Werte bleiben</translation>
        </message>
        <message>
            <source>● Unsaved changes, NOT saved on this laptop</source>
            <translation>● Ungespeicherte Änderungen, NICHT auf diesem Laptop gespeichert</translation>
        </message>
        <message>
            <source>◷ Queued: sent by itself once the cloud is reachable</source>
            <translation>◷ In der Warteschlange: wird von selbst gesendet, sobald die Cloud erreichbar ist</translation>
        </message>
        <message>
            <source>↻ Sending to the cloud…</source>
            <translation>↻ Wird an die Cloud gesendet …</translation>
        </message>
        <message>
            <source>⚠ Needs your choice: changed in the cloud as well</source>
            <translation>⚠ Ihre Wahl ist nötig: auch in der Cloud geändert</translation>
        </message>
        <message>
            <source>✕ Not accepted by the cloud: see the changes waiting</source>
            <translation>✕ Von der Cloud nicht angenommen: siehe wartende Änderungen</translation>
        </message>
        <message>
            <source>Not saved — your changes are still here.
%1</source>
            <translation>Nicht gespeichert — Ihre Änderungen sind noch da.
%1</translation>
        </message>
    </context>
    <context>
        <name>SignInPage</name>
        <message>
            <source>Sign in</source>
            <translation>Anmelden</translation>
        </message>
        <message>
            <source>Use your testo Saveris account. Nothing is sent to the cloud before this.</source>
            <translation>Verwenden Sie Ihr testo Saveris-Konto. Vorher wird nichts an die Cloud gesendet.</translation>
        </message>
        <message>
            <source>Demo mode: a simulator built into this app plays the testo cloud. The demo account is filled in for you; nothing is sent over the internet.</source>
            <translation>Demo-Modus: Ein in diese App eingebauter Simulator spielt die testo Cloud. Das Demo-Konto ist schon eingetragen; nichts wird über das Internet gesendet.</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Benutzername</translation>
        </message>
        <message>
            <source>name@company.com</source>
            <translation>name@firma.de</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Passwort</translation>
        </message>
        <message>
            <source>S&amp;how</source>
            <translation>Z&amp;eigen</translation>
        </message>
        <message>
            <source>Show the password</source>
            <translation>Passwort zeigen</translation>
        </message>
        <message>
            <source>Show or hide the password</source>
            <translation>Passwort zeigen oder verbergen</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Environment</source>
            <translation>Umgebung</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>&amp;Remember me on this computer</source>
            <translation>Auf diesem Computer &amp;angemeldet bleiben</translation>
        </message>
        <message>
            <source>Remember me on this computer</source>
            <translation>Auf diesem Computer angemeldet bleiben</translation>
        </message>
        <message>
            <source>The password is kept in the system's keyring, never in a file.</source>
            <translation>Das Passwort wird im Schlüsselbund des Systems aufbewahrt, nie in einer Datei.</translation>
        </message>
        <message>
            <source>Password storage</source>
            <translation>Passwortspeicher</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;Benutzername:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Passwort:</translation>
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation>Re&amp;gion:</translation>
        </message>
        <message>
            <source>&amp;Environment:</source>
            <translation>&amp;Umgebung:</translation>
        </message>
        <message>
            <source>Remember me is not offered: no secure password storage is available on this computer.</source>
            <translation>„Angemeldet bleiben“ wird nicht angeboten: Auf diesem Computer gibt es keinen sicheren Passwortspeicher.</translation>
        </message>
        <message>
            <source>Signing in to %1 …</source>
            <translation>Anmeldung bei %1 …</translation>
        </message>
        <message>
            <source>Signed in, but the password could not be remembered: %1 Press Next to go on.</source>
            <translation>Angemeldet, aber das Passwort konnte nicht gespeichert werden: %1 Drücken Sie „Weiter“, um fortzufahren.</translation>
        </message>
        <message>
            <source>Server: the built-in simulator (demo).</source>
            <translation>Server: der eingebaute Simulator (Demo).</translation>
        </message>
        <message>
            <source>Server: %1 (set on the command line).</source>
            <translation>Server: %1 (in der Befehlszeile angegeben).</translation>
        </message>
        <message>
            <source>Server: %1</source>
            <translation>Server: %1</translation>
        </message>
        <message>
            <source>&amp;Hide</source>
            <translation>&amp;Verbergen</translation>
        </message>
        <message>
            <source>Hide the password</source>
            <translation>Passwort verbergen</translation>
        </message>
        <message>
            <source>Europe</source>
            <translation>Europa</translation>
        </message>
        <message>
            <source>Americas</source>
            <translation>Amerika</translation>
        </message>
        <message>
            <source>Asia-Pacific</source>
            <translation>Asien-Pazifik</translation>
        </message>
        <message>
            <source>Production</source>
            <translation>Produktion</translation>
        </message>
        <message>
            <source>Integration (testing)</source>
            <translation>Integration (Test)</translation>
        </message>
    </context>
    <context>
        <name>SingleInstance</name>
        <message>
            <source>Saveris Desktop is already running, so it was brought forward. To start it with other options (%1), close it first.</source>
            <extracomment>How long a second start keeps trying to reach an app that holds the data folder but has not answered yet (it may be starting at the same moment) before it says so and gives up.</extracomment>
            <translation>Saveris Desktop läuft bereits und wurde daher in den Vordergrund geholt. Um es mit anderen Optionen (%1) zu starten, schließen Sie es zuerst.</translation>
        </message>
        <message>
            <source>Saveris Desktop is already running</source>
            <translation>Saveris Desktop läuft bereits</translation>
        </message>
        <message>
            <source>Another Saveris Desktop is using this computer's data folder but does not answer. Close it (or end it in the task manager) and start again.</source>
            <translation>Ein anderes Saveris Desktop verwendet den Datenordner dieses Computers, antwortet aber nicht. Schließen Sie es (oder beenden Sie es im Task-Manager) und starten Sie neu.</translation>
        </message>
    </context>
    <context>
        <name>SiteBar</name>
        <message>
            <source>Site</source>
            <extracomment>The time zone line's least width (average characters): a zone's name on one line ("Zeitzone: Europe/Berlin"), the same whether a site is loaded, loading or none is chosen yet.</extracomment>
            <translation>Standort</translation>
        </message>
        <message>
            <source>Choose a site</source>
            <translation>Standort wählen</translation>
        </message>
        <message>
            <source>Create a new site</source>
            <translation>Einen neuen Standort anlegen</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>Neu …</translation>
        </message>
        <message>
            <source>Site:</source>
            <translation>Standort:</translation>
        </message>
        <message>
            <source>Timezone: loading…</source>
            <translation>Zeitzone: wird geladen …</translation>
        </message>
        <message>
            <source>Timezone: %1</source>
            <translation>Zeitzone: %1</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>nicht gesetzt</translation>
        </message>
        <message>
            <source>Timezone: %1 (as chosen on this laptop; the cloud does not let us read it)</source>
            <translation>Zeitzone: %1 (wie auf diesem Laptop gewählt; die Cloud lässt uns sie nicht lesen)</translation>
        </message>
        <message>
            <source>Timezone: unknown (the cloud does not let us read it; times in UTC)</source>
            <translation>Zeitzone: unbekannt (die Cloud lässt uns sie nicht lesen; Zeiten in UTC)</translation>
        </message>
        <message>
            <source>Timezone: not set (times in UTC)</source>
            <translation>Zeitzone: nicht gesetzt (Zeiten in UTC)</translation>
        </message>
        <message>
            <source>Timezone: unknown (%1)</source>
            <translation>Zeitzone: unbekannt (%1)</translation>
        </message>
    </context>
    <context>
        <name>SiteNames</name>
        <message>
            <source>Type a name for the site, for example the shop or building; “%1” stays disabled until then.</source>
            <translation>Geben Sie dem Standort einen Namen, zum Beispiel den des Geschäfts oder Gebäudes; bis dahin bleibt „%1“ gesperrt.</translation>
        </message>
        <message>
            <source>The character at position %1 is invisible (%2, usually pasted along) and cannot be part of a site name: delete it.</source>
            <translation>Das Zeichen an Position %1 ist unsichtbar (%2, meist mit eingefügt) und darf nicht in einem Standortnamen stehen: Löschen Sie es.</translation>
        </message>
        <message>
            <source>The name has %1 characters; a site name has at most %2: shorten it from position %3 on.</source>
            <translation>Der Name hat %1 Zeichen; ein Standortname hat höchstens %2: Kürzen Sie ihn ab Position %3.</translation>
        </message>
        <message>
            <source>The cloud refused this name: %1</source>
            <translation>Die Cloud hat diesen Namen abgelehnt: %1</translation>
        </message>
    </context>
    <context>
        <name>SitePage</name>
        <message>
            <source>Site</source>
            <translation>Standort</translation>
        </message>
        <message>
            <source>The place where the loggers go, for example a shop or a building. A new name creates the site; each site has one connect key.</source>
            <translation>Der Ort, an dem die Logger stehen, zum Beispiel ein Geschäft oder ein Gebäude. Ein neuer Name legt den Standort an; jeder Standort hat einen Verbindungsschlüssel.</translation>
        </message>
        <message>
            <source>Site name</source>
            <translation>Standortname</translation>
        </message>
        <message>
            <source>e.g. Bakery Main Street</source>
            <translation>z. B. Bäckerei Hauptstraße</translation>
        </message>
        <message>
            <source>Site name hint</source>
            <translation>Hinweis zum Standortnamen</translation>
        </message>
        <message>
            <source>Timezone</source>
            <translation>Zeitzone</translation>
        </message>
        <message>
            <source>Timezone, type to search</source>
            <translation>Zeitzone, tippen zum Suchen</translation>
        </message>
        <message>
            <source>Time in the chosen timezone</source>
            <translation>Uhrzeit in der gewählten Zeitzone</translation>
        </message>
        <message>
            <source>&amp;Site name:</source>
            <translation>Standort&amp;name:</translation>
        </message>
        <message>
            <source>&amp;Timezone:</source>
            <translation>Zeitz&amp;one:</translation>
        </message>
        <message>
            <source>Open the list (Alt+Down) for sites used on this laptop, or type a new name.</source>
            <translation>Öffnen Sie die Liste (Alt+Pfeil nach unten) für Standorte, die auf diesem Laptop verwendet wurden, oder geben Sie einen neuen Namen ein.</translation>
        </message>
        <message>
            <source>Type a new name; sites you use are offered here next time.</source>
            <translation>Geben Sie einen neuen Namen ein; Standorte, die Sie verwenden, werden hier beim nächsten Mal angeboten.</translation>
        </message>
        <message>
            <source>Pick a timezone from the list, e.g. Europe/Berlin.</source>
            <translation>Wählen Sie eine Zeitzone aus der Liste, z. B. Europe/Berlin.</translation>
        </message>
        <message>
            <source>Creating the site “%1” and its connect key …</source>
            <translation>Der Standort „%1“ und sein Verbindungsschlüssel werden angelegt …</translation>
        </message>
        <message>
            <source>The site is ready, but its list of devices could not be read: %1 Press Next to retry.</source>
            <translation>Der Standort ist bereit, aber seine Geräteliste konnte nicht gelesen werden: %1 Drücken Sie „Weiter“, um es erneut zu versuchen.</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Weiter</translation>
        </message>
        <message>
            <source>Local time there: %1 (%2)</source>
            <translation>Ortszeit dort: %1 (%2)</translation>
        </message>
        <message>
            <source>Type part of a name, e.g. Berlin, and pick it from the list.</source>
            <translation>Geben Sie einen Teil eines Namens ein, z. B. Berlin, und wählen Sie ihn aus der Liste.</translation>
        </message>
    </context>
    <context>
        <name>SitePlanDialog</name>
        <message>
            <source>Prepare a site offline</source>
            <translation>Standort offline vorbereiten</translation>
        </message>
        <message>
            <source>Site name</source>
            <translation>Standortname</translation>
        </message>
        <message>
            <source>e.g. Bakery Nord</source>
            <translation>z. B. Bäckerei Nord</translation>
        </message>
        <message>
            <source>Timezone of the site</source>
            <translation>Zeitzone des Standorts</translation>
        </message>
        <message>
            <source>Site:</source>
            <translation>Standort:</translation>
        </message>
        <message>
            <source>Timezone:</source>
            <translation>Zeitzone:</translation>
        </message>
        <message>
            <source>Measuring objects of the plan</source>
            <translation>Messobjekte des Plans</translation>
        </message>
        <message>
            <source>Add &amp;object</source>
            <translation>&amp;Objekt hinzufügen</translation>
        </message>
        <message>
            <source>Add a measuring object</source>
            <translation>Ein Messobjekt hinzufügen</translation>
        </message>
        <message>
            <source>Remove object</source>
            <translation>Objekt entfernen</translation>
        </message>
        <message>
            <source>Remove the measuring object</source>
            <translation>Das Messobjekt entfernen</translation>
        </message>
        <message>
            <source>Add a measuring object from a template</source>
            <translation>Ein Messobjekt aus einer Vorlage hinzufügen</translation>
        </message>
        <message>
            <source>From &amp;template</source>
            <translation>Aus &amp;Vorlage</translation>
        </message>
        <message>
            <source>Measuring objects:</source>
            <translation>Messobjekte:</translation>
        </message>
        <message>
            <source>Measuring object</source>
            <translation>Messobjekt</translation>
        </message>
        <message>
            <source>Name of the measuring object</source>
            <translation>Name des Messobjekts</translation>
        </message>
        <message>
            <source>Measuring cycle in minutes</source>
            <translation>Messtakt in Minuten</translation>
        </message>
        <message>
            <source>the logger's own</source>
            <translation>der des Loggers</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Logical channels</source>
            <translation>Logische Kanäle</translation>
        </message>
        <message>
            <source>Add c&amp;hannel</source>
            <translation>&amp;Kanal hinzufügen</translation>
        </message>
        <message>
            <source>Add a logical channel</source>
            <translation>Einen logischen Kanal hinzufügen</translation>
        </message>
        <message>
            <source>Remove channel</source>
            <translation>Kanal entfernen</translation>
        </message>
        <message>
            <source>Remove the logical channel</source>
            <translation>Den logischen Kanal entfernen</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Measuring cycle:</source>
            <translation>Messtakt:</translation>
        </message>
        <message>
            <source>Load the site's &amp;sensors</source>
            <translation>&amp;Fühler des Standorts laden</translation>
        </message>
        <message>
            <source>Load the sensors of the site's loggers</source>
            <translation>Die Fühler der Logger des Standorts laden</translation>
        </message>
        <message>
            <source>Create in &amp;cloud</source>
            <translation>In der &amp;Cloud anlegen</translation>
        </message>
        <message>
            <source>Create the site and its objects in the cloud</source>
            <translation>Den Standort und seine Objekte in der Cloud anlegen</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Save an object setup as a template first (Offline ▸ Templates).</source>
            <translation>Speichern Sie zuerst eine Objekteinrichtung als Vorlage (Offline ▸ Vorlagen).</translation>
        </message>
        <message>
            <source>The site exists in the cloud (or is queued): its name cannot change here.</source>
            <translation>Der Standort existiert in der Cloud (oder wartet darauf): Sein Name kann hier nicht geändert werden.</translation>
        </message>
        <message>
            <source>waiting for a sensor</source>
            <translation>wartet auf einen Fühler</translation>
        </message>
        <message>
            <source>Fridge %1</source>
            <translation>Kühlschrank %1</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>Temperatur</translation>
        </message>
        <message>
            <source>Enter a site name.</source>
            <translation>Geben Sie einen Standortnamen ein.</translation>
        </message>
        <message>
            <source>A site name has at most %1 characters.</source>
            <translation>Ein Standortname hat höchstens %1 Zeichen.</translation>
        </message>
        <message>
            <source>A site name cannot contain control characters.</source>
            <translation>Ein Standortname darf keine Steuerzeichen enthalten.</translation>
        </message>
        <message>
            <source>'%1' is not a known time zone.</source>
            <translation>„%1“ ist keine bekannte Zeitzone.</translation>
        </message>
        <message>
            <source>An object needs a name.</source>
            <translation>Ein Objekt braucht einen Namen.</translation>
        </message>
        <message>
            <source>Channel %1</source>
            <translation>Kanal %1</translation>
        </message>
        <message>
            <source>A channel needs a name.</source>
            <translation>Ein Kanal braucht einen Namen.</translation>
        </message>
        <message>
            <source>Sign in first.</source>
            <translation>Melden Sie sich zuerst an.</translation>
        </message>
        <message>
            <source>There is already an object named '%1'.</source>
            <translation>Es gibt schon ein Messobjekt namens „%1“.</translation>
        </message>
        <message>
            <source>Add at least one channel.</source>
            <translation>Fügen Sie mindestens einen Kanal hinzu.</translation>
        </message>
        <message>
            <source>Two channels are named '%1'.</source>
            <translation>Zwei Kanäle heißen „%1“.</translation>
        </message>
        <message>
            <source>Alarm limits for an unknown channel '%1'.</source>
            <translation>Alarmgrenzen für einen unbekannten Kanal „%1“.</translation>
        </message>
        <message>
            <source>There is already a plan for “%1”: pick it from the list, or use another name.</source>
            <translation>Für „%1“ gibt es schon einen Plan: Wählen Sie ihn aus der Liste oder verwenden Sie einen anderen Namen.</translation>
        </message>
        <message>
            <source>Loading the loggers of %1…</source>
            <translation>Die Logger von %1 werden geladen …</translation>
        </message>
        <message>
            <source>Logger %1 · slot %2</source>
            <translation>Logger %1 · Steckplatz %2</translation>
        </message>
        <message numerus="yes">
            <source>%n sensor(s) found.</source>
            <translation>
                <numerusform>%n Fühler gefunden.</numerusform>
                <numerusform>%n Fühler gefunden.</numerusform>
            </translation>
        </message>
        <message>
            <source>No logger has joined %1 yet.</source>
            <translation>Noch ist kein Logger %1 beigetreten.</translation>
        </message>
        <message>
            <source>The site is not in the cloud yet.</source>
            <translation>Der Standort ist noch nicht in der Cloud.</translation>
        </message>
        <message>
            <source>The site exists in the cloud.</source>
            <translation>Der Standort existiert in der Cloud.</translation>
        </message>
        <message>
            <source>The site waits to be created: %1</source>
            <translation>Der Standort wartet darauf, angelegt zu werden: %1</translation>
        </message>
        <message>
            <source>ready to create</source>
            <translation>bereit zum Anlegen</translation>
        </message>
        <message>
            <source>queued for the cloud</source>
            <translation>wartet auf die Cloud</translation>
        </message>
        <message>
            <source>created in the cloud</source>
            <translation>in der Cloud angelegt</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>abgelehnt</translation>
        </message>
    </context>
    <context>
        <name>StaleList</name>
        <message>
            <source>Showing the values read last: they could not be refreshed (%1).</source>
            <translation>Angezeigt werden die zuletzt gelesenen Werte: Sie konnten nicht aktualisiert werden (%1).</translation>
        </message>
        <message>
            <source>Showing the values read at %1: they could not be refreshed (%2).</source>
            <translation>Angezeigt werden die am %1 gelesenen Werte: Sie konnten nicht aktualisiert werden (%2).</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusWidget</name>
        <message>
            <source>Changes waiting for the cloud</source>
            <translation>Änderungen, die auf die Cloud warten</translation>
        </message>
        <message>
            <source>data from %1</source>
            <translation>Stand: %1</translation>
        </message>
        <message>
            <source>The cloud cannot be reached: what you see is what this laptop last received.</source>
            <translation>Die Cloud ist nicht erreichbar: Sie sehen, was dieser Laptop zuletzt erhalten hat.</translation>
        </message>
        <message>
            <source>✓ Changes saved again</source>
            <translation>✓ Änderungen wieder gespeichert</translation>
        </message>
        <message>
            <source>What you type is kept on this laptop again.</source>
            <translation>Was Sie eingeben, bleibt wieder auf diesem Laptop erhalten.</translation>
        </message>
        <message>
            <source>⚠ Changes NOT saved on this laptop</source>
            <translation>⚠ Änderungen auf diesem Laptop NICHT gespeichert</translation>
        </message>
        <message>
            <source>Not saved: %1. Saving is tried again by itself.</source>
            <translation>Nicht gespeichert: %1. Das Speichern wird von selbst erneut versucht.</translation>
        </message>
        <message>
            <source>Offline: the cloud cannot be reached. Changes are kept.</source>
            <translation>Offline: Die Cloud ist nicht erreichbar. Änderungen bleiben erhalten.</translation>
        </message>
        <message>
            <source>Online again.</source>
            <translation>Wieder online.</translation>
        </message>
        <message>
            <source>● Offline</source>
            <translation>● Offline</translation>
        </message>
        <message>
            <source>The cloud cannot be reached. Changes are kept and sent by themselves once it can.</source>
            <translation>Die Cloud ist nicht erreichbar. Änderungen bleiben erhalten und werden von selbst gesendet, sobald sie erreichbar ist.</translation>
        </message>
        <message>
            <source>● Online</source>
            <translation>● Online</translation>
        </message>
        <message>
            <source>The cloud can be reached.</source>
            <translation>Die Cloud ist erreichbar.</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>Wird gesendet …</translation>
        </message>
        <message>
            <source>%1 waiting</source>
            <translation>%1 wartend</translation>
        </message>
        <message numerus="yes">
            <source>⚠ Needs your choice: %n change(s)</source>
            <translation>
                <numerusform>⚠ Ihre Wahl ist nötig: %n Änderung</numerusform>
                <numerusform>⚠ Ihre Wahl ist nötig: %n Änderungen</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 refused</source>
            <translation>%1 abgelehnt</translation>
        </message>
        <message>
            <source>%1 need attention</source>
            <translation>%1 brauchen Aufmerksamkeit</translation>
        </message>
        <message>
            <source>All changes sent</source>
            <translation>Alle Änderungen gesendet</translation>
        </message>
        <message>
            <source>Choose which values to keep for the change that needs your choice</source>
            <translation>Wählen, welche Werte der Änderung bleiben, die Ihre Wahl braucht</translation>
        </message>
        <message>
            <source>Show the changes waiting for the cloud</source>
            <translation>Die Änderungen zeigen, die auf die Cloud warten</translation>
        </message>
    </context>
    <context>
        <name>SystemAlarmsEditor</name>
        <message>
            <source>Battery nearly empty</source>
            <translation>Batterie fast leer</translation>
        </message>
        <message>
            <source>External power lost</source>
            <translation>Externe Stromversorgung ausgefallen</translation>
        </message>
        <message>
            <source>No connection (logger did not report in time)</source>
            <translation>Keine Verbindung (Logger hat sich nicht rechtzeitig gemeldet)</translation>
        </message>
        <message>
            <source>Sensor broken or unplugged</source>
            <translation>Fühler defekt oder abgesteckt</translation>
        </message>
        <message>
            <source>Calibration overdue</source>
            <translation>Kalibrierung überfällig</translation>
        </message>
        <message>
            <source>Severity of %1</source>
            <translation>Schweregrad von %1</translation>
        </message>
        <message>
            <source>Alarm</source>
            <translation>Alarm</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <source>Delay of %1</source>
            <translation>Verzögerung von %1</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Schweregrad</translation>
        </message>
        <message>
            <source>Delay before alarm</source>
            <translation>Verzögerung vor dem Alarm</translation>
        </message>
    </context>
    <context>
        <name>TemplatesDialog</name>
        <message>
            <source>Templates</source>
            <translation>Vorlagen</translation>
        </message>
        <message>
            <source>Saved templates</source>
            <translation>Gespeicherte Vorlagen</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Löschen</translation>
        </message>
        <message>
            <source>Delete the selected template</source>
            <translation>Die ausgewählte Vorlage löschen</translation>
        </message>
        <message>
            <source>Saved templates:</source>
            <translation>Gespeicherte Vorlagen:</translation>
        </message>
        <message>
            <source>Save a new template from a measuring object</source>
            <translation>Eine neue Vorlage aus einem Messobjekt speichern</translation>
        </message>
        <message>
            <source>Measuring object to copy</source>
            <translation>Zu kopierendes Messobjekt</translation>
        </message>
        <message>
            <source>What to save</source>
            <translation>Was gespeichert wird</translation>
        </message>
        <message>
            <source>Template name</source>
            <translation>Name der Vorlage</translation>
        </message>
        <message>
            <source>e.g. Medicine fridge 2–8 °C</source>
            <translation>z. B. Medikamentenkühlschrank 2–8 °C</translation>
        </message>
        <message>
            <source>&amp;Save as template</source>
            <translation>Als Vorlage &amp;speichern</translation>
        </message>
        <message>
            <source>Save as template</source>
            <translation>Als Vorlage speichern</translation>
        </message>
        <message>
            <source>Object:</source>
            <translation>Objekt:</translation>
        </message>
        <message>
            <source>Save:</source>
            <translation>Speichern:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Apply the selected template to measuring objects</source>
            <translation>Die ausgewählte Vorlage auf Messobjekte anwenden</translation>
        </message>
        <message>
            <source>Objects to apply the template to</source>
            <translation>Objekte, auf die die Vorlage angewendet wird</translation>
        </message>
        <message>
            <source>&amp;Apply to the ticked objects</source>
            <translation>Auf die angekreuzten Objekte &amp;anwenden</translation>
        </message>
        <message>
            <source>Apply the template to the ticked objects</source>
            <translation>Die Vorlage auf die angekreuzten Objekte anwenden</translation>
        </message>
        <message>
            <source>Result per object</source>
            <translation>Ergebnis je Objekt</translation>
        </message>
        <message>
            <source>Result per object:</source>
            <translation>Ergebnis je Objekt:</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Alarm limits</source>
            <translation>Alarmgrenzwerte</translation>
        </message>
        <message>
            <source>Object setup</source>
            <translation>Objekteinrichtung</translation>
        </message>
        <message>
            <source>Choose a site first to save or apply templates.</source>
            <translation>Wählen Sie zuerst einen Standort, um Vorlagen zu speichern oder anzuwenden.</translation>
        </message>
        <message>
            <source>Reading the measuring objects of %1…</source>
            <translation>Die Messobjekte von %1 werden gelesen …</translation>
        </message>
        <message>
            <source>The measuring objects could not be read: %1</source>
            <translation>Die Messobjekte konnten nicht gelesen werden: %1</translation>
        </message>
        <message>
            <source>the cloud cannot be reached</source>
            <translation>die Cloud ist nicht erreichbar</translation>
        </message>
        <message>
            <source>The whole setup (channels, instruction set, alarm limits)</source>
            <translation>Die ganze Einrichtung (Kanäle, Messvorgaben, Alarmgrenzwerte)</translation>
        </message>
        <message>
            <source>Alarm limits of “%1”</source>
            <translation>Alarmgrenzwerte von „%1“</translation>
        </message>
        <message>
            <source>Reading the alarm limits of “%1”…</source>
            <translation>Die Alarmgrenzen von „%1“ werden gelesen …</translation>
        </message>
        <message>
            <source>Saved the template “%1” from the values last read at %2 (the cloud cannot be reached).</source>
            <translation>Die Vorlage „%1“ wurde aus den zuletzt am %2 gelesenen Werten gespeichert (die Cloud ist nicht erreichbar).</translation>
        </message>
        <message>
            <source>It has no measurement settings: they were never read on this laptop. Save it again while online to include them.</source>
            <translation>Sie enthält keine Messeinstellungen: Diese wurden auf diesem Laptop nie gelesen. Speichern Sie sie erneut, solange Sie online sind, um sie aufzunehmen.</translation>
        </message>
        <message>
            <source>the cloud cannot be reached, and this object's alarm limits were never read on this laptop. Open them once while online; then they can be saved as a template offline too.</source>
            <translation>Die Cloud ist nicht erreichbar, und die Alarmgrenzen dieses Objekts wurden auf diesem Laptop nie gelesen. Öffnen Sie sie einmal, solange Sie online sind; dann lassen sie sich auch offline als Vorlage speichern.</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Nicht gespeichert: %1</translation>
        </message>
        <message>
            <source>Saved the template “%1”.</source>
            <translation>Die Vorlage „%1“ wurde gespeichert.</translation>
        </message>
        <message>
            <source>Reading the current alarm limits of the ticked objects…</source>
            <translation>Die aktuellen Alarmgrenzen der angehakten Objekte werden gelesen …</translation>
        </message>
        <message>
            <source>alarm limits</source>
            <translation>Alarmgrenzwerte</translation>
        </message>
        <message>
            <source>instruction set</source>
            <translation>Messvorgaben</translation>
        </message>
        <message>
            <source>%1: queued (%2)</source>
            <translation>%1: in der Warteschlange (%2)</translation>
        </message>
        <message>
            <source>%1: nothing to change</source>
            <translation>%1: nichts zu ändern</translation>
        </message>
        <message>
            <source>The changes are sent in the background; see “Changes waiting for the cloud” for each result.</source>
            <translation>Die Änderungen werden im Hintergrund gesendet; das Ergebnis jeder einzelnen steht unter „Änderungen, die auf die Cloud warten“.</translation>
        </message>
        <message>
            <source>Not applied: %1</source>
            <translation>Nicht angewendet: %1</translation>
        </message>
    </context>
    <context>
        <name>WaitingPage</name>
        <message>
            <source>Waiting for the device</source>
            <translation>Warten auf das Gerät</translation>
        </message>
        <message>
            <source>Leave this page open while you set up the device. It appears here as soon as the cloud lists it.</source>
            <translation>Lassen Sie diese Seite offen, während Sie das Gerät einrichten. Es erscheint hier, sobald die Cloud es aufführt.</translation>
        </message>
        <message>
            <source>On the logger's configuration page</source>
            <translation>Auf der Konfigurationsseite des Loggers</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>Schritte</translation>
        </message>
        <message>
            <source>Connect key</source>
            <translation>Verbindungsschlüssel</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Warten</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Time waited</source>
            <translation>Wartezeit</translation>
        </message>
        <message>
            <source>Last check</source>
            <translation>Letzte Prüfung</translation>
        </message>
        <message>
            <source>Check now</source>
            <translation>Jetzt prüfen</translation>
        </message>
        <message>
            <source>&amp;Check now</source>
            <translation>&amp;Jetzt prüfen</translation>
        </message>
        <message>
            <source>Taking longer than usual?</source>
            <translation>Dauert es länger als sonst?</translation>
        </message>
        <message>
            <source>Hints</source>
            <translation>Hinweise</translation>
        </message>
        <message>
            <source>The app keeps waiting; press Cancel to stop.</source>
            <translation>Die App wartet weiter; drücken Sie „Abbrechen“, um aufzuhören.</translation>
        </message>
        <message>
            <source>Waiting for the %1 to join “%2” …</source>
            <translation>Warten, bis das Gerät (%1) dem Standort „%2“ beitritt …</translation>
        </message>
        <message numerus="yes">
            <source>Checking the site's devices every %n second(s).</source>
            <translation>
                <numerusform>Die Geräte des Standorts werden jede Sekunde geprüft.</numerusform>
                <numerusform>Die Geräte des Standorts werden alle %n Sekunden geprüft.</numerusform>
            </translation>
        </message>
        <message>
            <source>accountId: %1</source>
            <translation>accountId: %1</translation>
        </message>
        <message>
            <source>Type this key as accountId on the logger's page.</source>
            <translation>Geben Sie diesen Schlüssel als accountId auf der Seite des Loggers ein.</translation>
        </message>
        <message>
            <source>the site's Wi-Fi</source>
            <translation>das WLAN des Standorts</translation>
        </message>
        <message>
            <source>&lt;ol style='margin-left:-20px'&gt;&lt;li&gt;Type the key above as &lt;b&gt;accountId&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Enter the Wi-Fi &lt;b&gt;%1&lt;/b&gt; and its password.&lt;/li&gt;&lt;li&gt;Press &lt;b&gt;Save&lt;/b&gt;: the LED blinks orange while it joins the Wi-Fi.&lt;/li&gt;&lt;li&gt;Reconnect this laptop to its normal Wi-Fi.&lt;/li&gt;&lt;/ol&gt;</source>
            <translation>&lt;ol style='margin-left:-20px'&gt;&lt;li&gt;Geben Sie den Schlüssel oben als &lt;b&gt;accountId&lt;/b&gt; ein.&lt;/li&gt;&lt;li&gt;Geben Sie das WLAN &lt;b&gt;%1&lt;/b&gt; und sein Passwort ein.&lt;/li&gt;&lt;li&gt;Drücken Sie &lt;b&gt;Save&lt;/b&gt;: Die LED blinkt orange, während der Logger sich mit dem WLAN verbindet.&lt;/li&gt;&lt;li&gt;Verbinden Sie diesen Laptop wieder mit seinem normalen WLAN.&lt;/li&gt;&lt;/ol&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;This laptop is off the internet — as expected on the logger's Wi-Fi.&lt;/b&gt;&lt;br&gt;On the logger's page enter accountId &lt;b style='font-size:large'&gt;%1&lt;/b&gt; and the Wi-Fi &lt;b&gt;%2&lt;/b&gt;, press Save, then reconnect to your normal Wi-Fi. Checking is paused and resumes by itself.</source>
            <translation>&lt;b&gt;Dieser Laptop ist nicht mit dem Internet verbunden — wie erwartet im WLAN des Loggers.&lt;/b&gt;&lt;br&gt;Geben Sie auf der Seite des Loggers die accountId &lt;b style='font-size:large'&gt;%1&lt;/b&gt; und das WLAN &lt;b&gt;%2&lt;/b&gt; ein, drücken Sie Save und verbinden Sie sich dann wieder mit Ihrem normalen WLAN. Die Prüfung ist angehalten und läuft von selbst weiter.</translation>
        </message>
        <message>
            <source>Check that accountId on the logger's page is exactly &lt;b&gt;%1&lt;/b&gt;.</source>
            <translation>Prüfen Sie, ob die accountId auf der Seite des Loggers genau &lt;b&gt;%1&lt;/b&gt; lautet.</translation>
        </message>
        <message>
            <source>Waiting for %1 (minutes:seconds)</source>
            <translation>Wartezeit %1 (Minuten:Sekunden)</translation>
        </message>
        <message>
            <source>No connection to the cloud. Last successful check: %1.</source>
            <translation>Keine Verbindung zur Cloud. Letzte erfolgreiche Prüfung: %1.</translation>
        </message>
        <message>
            <source>No connection to the cloud since this page opened.</source>
            <translation>Keine Verbindung zur Cloud, seit diese Seite geöffnet wurde.</translation>
        </message>
        <message numerus="yes">
            <source>Last check %1: %n device(s) on the site, none of them new yet.</source>
            <translation>
                <numerusform>Letzte Prüfung %1: %n Gerät am Standort, noch keines davon neu.</numerusform>
                <numerusform>Letzte Prüfung %1: %n Geräte am Standort, noch keines davon neu.</numerusform>
            </translation>
        </message>
        <message>
            <source>Asking the cloud for the site's devices …</source>
            <translation>Die Cloud wird nach den Geräten des Standorts gefragt …</translation>
        </message>
        <message>
            <source>The last check failed: %1 Trying again automatically.</source>
            <translation>Die letzte Prüfung ist fehlgeschlagen: %1 Neuer Versuch von selbst.</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <source>Put a logger into service</source>
            <translation>Einen Logger in Betrieb nehmen</translation>
        </message>
        <message>
            <source>Sign in, choose the site, get its connect key and follow the steps with the logger in your hand. The app notices when the logger has joined.</source>
            <translation>Melden Sie sich an, wählen Sie den Standort, holen Sie seinen Verbindungsschlüssel und folgen Sie den Schritten mit dem Logger in der Hand. Die App merkt, wenn der Logger beigetreten ist.</translation>
        </message>
        <message>
            <source>&amp;Add a logger …</source>
            <translation>Logger &amp;hinzufügen …</translation>
        </message>
        <message>
            <source>Add a logger</source>
            <translation>Logger hinzufügen</translation>
        </message>
        <message>
            <source>Getting ready …</source>
            <translation>Wird vorbereitet …</translation>
        </message>
    </context>
    <context>
        <name>form</name>
        <message>
            <source>queued (no connection), sent by itself later: %1</source>
            <translation>in der Warteschlange (keine Verbindung), wird später von selbst gesendet: %1</translation>
        </message>
        <message>
            <source>Logger %1</source>
            <translation>Logger %1</translation>
        </message>
        <message>
            <source>Apply settings to loggers</source>
            <translation>Einstellungen auf Logger anwenden</translation>
        </message>
        <message numerus="yes">
            <source>%n logger(s) selected.</source>
            <translation>
                <numerusform>%n Logger ausgewählt.</numerusform>
                <numerusform>%n Logger ausgewählt.</numerusform>
            </translation>
        </message>
        <message>
            <source>Logger</source>
            <translation>Logger</translation>
        </message>
    </context>
    <context>
        <name>offline</name>
        <message>
            <source>Logger settings</source>
            <translation>Logger-Einstellungen</translation>
        </message>
        <message>
            <source>Sensor settings</source>
            <translation>Fühler-Einstellungen</translation>
        </message>
        <message>
            <source>Logger alarms</source>
            <translation>Logger-Alarme</translation>
        </message>
        <message>
            <source>Sensor alarms</source>
            <translation>Fühler-Alarme</translation>
        </message>
        <message>
            <source>New measuring object</source>
            <translation>Neues Messobjekt</translation>
        </message>
        <message>
            <source>Measuring instruction set</source>
            <translation>Messvorgaben</translation>
        </message>
        <message>
            <source>Measurement alarms</source>
            <translation>Messwertalarme</translation>
        </message>
        <message>
            <source>Site timezone</source>
            <translation>Zeitzone des Standorts</translation>
        </message>
        <message>
            <source>New site</source>
            <translation>Neuer Standort</translation>
        </message>
        <message>
            <source>Site plan</source>
            <translation>Standortplan</translation>
        </message>
        <message>
            <source>Onboarding</source>
            <translation>Inbetriebnahme</translation>
        </message>
        <message>
            <source>Waiting to be sent</source>
            <translation>Wartet auf das Senden</translation>
        </message>
        <message>
            <source>Sent, not yet confirmed</source>
            <translation>Gesendet, noch nicht bestätigt</translation>
        </message>
        <message>
            <source>In the cloud</source>
            <translation>In der Cloud</translation>
        </message>
        <message>
            <source>Needs your choice</source>
            <translation>Braucht Ihre Wahl</translation>
        </message>
        <message>
            <source>Refused by the cloud</source>
            <translation>Von der Cloud abgelehnt</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Braucht Aufmerksamkeit</translation>
        </message>
    </context>
</TS>
