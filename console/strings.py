"""Every sentence of the guide console in Finnish and Swedish: the console's own UI, and the status
messages the person gets when a guide joins, forwards or ends the conversation (in the person's language).
"""

from __future__ import annotations

LANGUAGES = ("fi", "sv")

UI: dict[str, dict[str, str]] = {
    "title": {"fi": "Viitta – palveluohjaajan näkymä", "sv": "Viitta – servicehandledarens vy"},
    "skip": {"fi": "Siirry sisältöön", "sv": "Hoppa till innehållet"},
    "language": {"fi": "Kieli", "sv": "Språk"},
    "signed_in_as": {"fi": "Kirjautunut: {name}", "sv": "Inloggad: {name}"},
    "nav_queue": {"fi": "Jono", "sv": "Kö"},
    "nav_duty": {"fi": "Päivystysajat", "sv": "Jourtider"},
    "nav_owners": {"fi": "Tilastot", "sv": "Statistik"},
    "logout": {"fi": "Kirjaudu ulos", "sv": "Logga ut"},
    # login
    "login_heading": {"fi": "Kirjaudu sisään", "sv": "Logga in"},
    "username": {"fi": "Käyttäjätunnus", "sv": "Användarnamn"},
    "password": {"fi": "Salasana", "sv": "Lösenord"},
    "login_button": {"fi": "Kirjaudu", "sv": "Logga in"},
    "login_failed": {"fi": "Käyttäjätunnus tai salasana on väärin.", "sv": "Fel användarnamn eller lösenord."},
    "login_wait": {
        "fi": "Liian monta epäonnistunutta kirjautumisyritystä. Odota {seconds} sekuntia ja yritä sitten uudelleen.",
        "sv": "För många misslyckade inloggningsförsök. Vänta {seconds} sekunder och försök sedan igen.",
    },
    "token_not_found": {"fi": "Tunnistetta ei löytynyt.", "sv": "Token hittades inte."},
    "logged_out": {"fi": "Olet kirjautunut ulos.", "sv": "Du har loggat ut."},
    "session_ended": {
        "fi": "Istuntosi on päättynyt. Kirjaudu uudelleen.",
        "sv": "Din session har gått ut. Logga in igen.",
    },
    # queue
    "queue_heading": {"fi": "Odottavat keskustelut", "sv": "Väntande samtal"},
    "queue_of": {"fi": "{county}", "sv": "{county}"},
    "queue_count": {"fi": "{count} odottaa", "sv": "{count} väntar"},
    "queue_empty": {"fi": "Jonossa ei ole ketään.", "sv": "Ingen väntar i kön."},
    # the crisis net's flags on a person's message (and on its handoff in the queue)
    "flag_acute": {
        "fi": "HÄTÄ: voi olla välittömässä vaarassa – botti antoi 112-ohjeen",
        "sv": "NÖD: kan vara i akut fara – boten gav anvisningen om 112",
    },
    "flag_checkin": {
        "fi": "HUOLI: varmista, onko henkilö turvassa",
        "sv": "ORO: kontrollera om personen är i säkerhet",
    },
    "mine_heading": {"fi": "Omat keskustelut", "sv": "Mina samtal"},
    "mine_empty": {"fi": "Sinulla ei ole avoimia keskusteluja.", "sv": "Du har inga öppna samtal."},
    "col_summary": {"fi": "Yhteenveto", "sv": "Sammanfattning"},
    "col_language": {"fi": "Kieli", "sv": "Språk"},
    "col_wait": {"fi": "Odotusaika", "sv": "Väntetid"},
    "col_kind": {"fi": "Yhteydenottotapa", "sv": "Kontaktsätt"},
    "col_from": {"fi": "Siirretty alueelta", "sv": "Flyttat från"},
    "col_action": {"fi": "Toiminto", "sv": "Åtgärd"},
    "kind_live": {"fi": "Live-chat", "sv": "Livechatt"},
    "kind_message": {"fi": "Jätetty viesti", "sv": "Lämnat meddelande"},
    "lang_fi": {"fi": "suomi", "sv": "finska"},
    "lang_sv": {"fi": "ruotsi", "sv": "svenska"},
    "take": {"fi": "Ota keskustelu", "sv": "Ta samtalet"},
    "open": {"fi": "Avaa", "sv": "Öppna"},
    "minutes": {"fi": "{minutes} min", "sv": "{minutes} min"},
    "hours_minutes": {"fi": "{hours} h {minutes} min", "sv": "{hours} h {minutes} min"},
    "already_taken": {
        "fi": "Toinen palveluohjaaja ehti ottaa tämän keskustelun.",
        "sv": "En annan servicehandledare hann ta det här samtalet.",
    },
    "not_waiting": {"fi": "Keskustelu ei ole enää jonossa.", "sv": "Samtalet väntar inte längre i kön."},
    # summary fields the person agreed to share
    "summary_role": {"fi": "Kuka kysyy", "sv": "Vem frågar"},
    "summary_concern": {"fi": "Asia", "sv": "Ärende"},
    "summary_substance": {"fi": "Päihde", "sv": "Rusmedel"},
    "summary_county": {"fi": "Alue", "sv": "Område"},
    "summary_area": {"fi": "Alue", "sv": "Område"},
    "summary_municipality": {"fi": "Kunta", "sv": "Kommun"},
    "summary_language": {"fi": "Kieli", "sv": "Språk"},
    "summary_none": {"fi": "Ei yhteenvetoa", "sv": "Ingen sammanfattning"},
    # conversation
    "conversation_heading": {"fi": "Keskustelu", "sv": "Samtal"},
    "state": {"fi": "Tila", "sv": "Status"},
    "state_waiting": {"fi": "Jonossa", "sv": "I kö"},
    "state_active": {"fi": "Käynnissä", "sv": "Pågår"},
    "state_ended": {"fi": "Päättynyt, palautettu botille", "sv": "Avslutat, tillbaka hos boten"},
    "state_cancelled": {"fi": "Asiakas lopetti keskustelun", "sv": "Klienten avslutade samtalet"},
    "state_expired": {"fi": "Odotusaika umpeutui", "sv": "Väntetiden gick ut"},
    "state_requested": {"fi": "Odottaa suostumusta", "sv": "Väntar på samtycke"},
    "before_heading": {"fi": "Keskustelu botin kanssa ennen siirtoa", "sv": "Samtalet med boten före överlämningen"},
    "before_empty": {
        "fi": "Botin kanssa käytyä keskustelua ei ole tallessa.",
        "sv": "Samtalet med boten finns inte sparat.",
    },
    "live_heading": {"fi": "Keskustelu palveluohjaajan kanssa", "sv": "Samtalet med servicehandledaren"},
    "live_empty": {"fi": "Ei vielä viestejä.", "sv": "Inga meddelanden ännu."},
    "sender_person": {"fi": "Asiakas", "sv": "Klienten"},
    "sender_bot": {"fi": "Viitta-botti", "sv": "Viitta-boten"},
    "sender_system": {"fi": "Viitta (tiedote)", "sv": "Viitta (information)"},
    "sender_button": {"fi": "valitsi painikkeen", "sv": "valde en knapp"},
    "message_label": {"fi": "Viesti asiakkaalle", "sv": "Meddelande till klienten"},
    "send": {"fi": "Lähetä", "sv": "Skicka"},
    "message_empty": {"fi": "Kirjoita viesti ennen lähettämistä.", "sv": "Skriv ett meddelande innan du skickar."},
    "end": {
        "fi": "Lopeta keskustelu ja palauta se botille",
        "sv": "Avsluta samtalet och lämna tillbaka det till boten",
    },
    "ended_done": {
        "fi": "Keskustelu päättyi ja palasi botille.",
        "sv": "Samtalet avslutades och gick tillbaka till boten.",
    },
    "forward_label": {"fi": "Siirrä toisen alueen jonoon", "sv": "Flytta till ett annat områdes kö"},
    "forward": {"fi": "Siirrä", "sv": "Flytta"},
    "forwarded_done": {
        "fi": "Keskustelu siirrettiin toisen alueen jonoon.",
        "sv": "Samtalet flyttades till ett annat områdes kö.",
    },
    "same_county": {
        "fi": "Keskustelu on jo tämän alueen jonossa.",
        "sv": "Samtalet finns redan i det här områdets kö.",
    },
    "taken_by_other": {
        "fi": "Keskustelu on toisen palveluohjaajan hoidossa.",
        "sv": "En annan servicehandledare sköter samtalet.",
    },
    "not_active": {"fi": "Keskustelu ei ole enää käynnissä.", "sv": "Samtalet pågår inte längre."},
    "back_to_queue": {"fi": "Takaisin jonoon", "sv": "Tillbaka till kön"},
    "connection_lost": {
        "fi": "Yhteys palvelimeen katkesi. Yritetään uudelleen…",
        "sv": "Anslutningen till servern bröts. Försöker igen…",
    },
    # duty
    "duty_heading": {"fi": "Päivystysajat", "sv": "Jourtider"},
    "duty_intro": {
        "fi": "Botti tarjoaa live-chattia vain, kun alueella päivystetään. Muulloin botti kertoo, "
        "ettei chat ole auki, ja tarjoaa mahdollisuuden jättää viestin.",
        "sv": "Boten erbjuder livechatt bara när någon har jour i området. Annars berättar boten att "
        "chatten är stängd och erbjuder möjlighet att lämna ett meddelande.",
    },
    "hours_label": {
        "fi": "Päivystysajat (esim. ma-pe 08:00-16:00; la 10-14)",
        "sv": "Jourtider (t.ex. må-fr 08:00-16:00; lö 10-14)",
    },
    "hours_none": {"fi": "Ei päivystysaikoja", "sv": "Inga jourtider"},
    "switch_legend": {"fi": "Päivystys nyt", "sv": "Jour just nu"},
    "switch_auto": {"fi": "Päivystysaikojen mukaan", "sv": "Enligt jourtiderna"},
    "switch_on": {"fi": "Päivystys nyt (ajoista riippumatta)", "sv": "Jour nu (oberoende av tiderna)"},
    "switch_off": {"fi": "Ei päivystystä nyt (ajoista riippumatta)", "sv": "Ingen jour nu (oberoende av tiderna)"},
    "on_duty_now": {"fi": "Live-chat on nyt auki.", "sv": "Livechatten är öppen nu."},
    "off_duty_now": {"fi": "Live-chat on nyt kiinni.", "sv": "Livechatten är stängd nu."},
    "save": {"fi": "Tallenna", "sv": "Spara"},
    "saved": {"fi": "Tallennettu.", "sv": "Sparat."},
    "hours_invalid": {
        "fi": "Aikoja ei voitu lukea. Kirjoita ne muodossa ma-pe 08:00-16:00.",
        "sv": "Tiderna kunde inte läsas. Skriv dem i formen må-fr 08:00-16:00.",
    },
    # errors
    "bad_request": {"fi": "Pyyntöä ei voitu lukea.", "sv": "Begäran kunde inte läsas."},
    "login_required": {"fi": "Kirjaudu ensin sisään.", "sv": "Logga in först."},
    "csrf_failed": {
        "fi": "Lomakkeen tarkistus epäonnistui. Lataa sivu uudelleen ja yritä sitten uudestaan.",
        "sv": "Formuläret kunde inte kontrolleras. Ladda om sidan och försök igen.",
    },
    "forbidden": {"fi": "Sinulla ei ole oikeutta tähän.", "sv": "Du har inte behörighet till det här."},
    "not_found": {"fi": "Keskustelua ei löytynyt.", "sv": "Samtalet hittades inte."},
    "unknown_county": {"fi": "Tuntematon alue.", "sv": "Okänt område."},
}

# Status messages to the person, in the handoff's language (sender "system" in the outbox).
STATUS: dict[str, dict[str, str]] = {
    "handoff_joined": {
        "fi": "Palveluohjaaja {name} liittyi keskusteluun. Voit nyt kirjoittaa hänelle.",
        "sv": "Servicehandledaren {name} har anslutit till samtalet. Nu kan du skriva till hen.",
    },
    # A message left out of hours: the person is not in a live chat, the answer arrives in the conversation.
    "handoff_joined_message": {
        "fi": "Palveluohjaaja {name} on lukenut viestisi ja vastaa sinulle tässä keskustelussa.",
        "sv": "Servicehandledaren {name} har läst ditt meddelande och svarar dig här i samtalet.",
    },
    "handoff_forwarded": {
        "fi": "Keskustelusi on siirretty toisen alueen palveluohjaajalle ({county}). Odota hetki – "
        "palveluohjaaja tulee mukaan niin pian kuin ehtii. Jos haluat lopettaa odottamisen, kirjoita "
        '"lopeta".',
        "sv": "Ditt samtal har flyttats till en servicehandledare i ett annat område ({county}). Vänta en "
        "stund – en servicehandledare kommer med så snart hen hinner. Om du vill sluta vänta, skriv "
        '"avsluta".',
    },
    # The bot's own "you are back with Viitta" (utter_handoff_ended) follows at once; this line only
    # says who left, as chat services do, so that the person does not read the same sentence twice.
    "handoff_ended": {
        "fi": "Palveluohjaaja {name} poistui keskustelusta.",
        "sv": "Servicehandledaren {name} har lämnat samtalet.",
    },
    "handoff_ended_message": {
        "fi": "Palveluohjaaja {name} on käsitellyt viestisi.",
        "sv": "Servicehandledaren {name} har behandlat ditt meddelande.",
    },
}


def language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else "fi"


def ui(key: str, lang: str, **values) -> str:
    text = UI[key][language(lang)]
    return text.format(**values) if values else text


def status(kind: str, lang: str, **values) -> str:
    return STATUS[kind][language(lang)].format(**values)
