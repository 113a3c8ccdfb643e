"""The guide console: a web page and a JSON API for service guides who take over conversations from the bot.

    python -m console serve                 # http://127.0.0.1:5080/guide/ (GUIDE_HOST, GUIDE_PORT)
    python -m console create-user --username aino --name "Aino" --county lappi

The console never talks to Rasa, and never imports it (rasa, rasa_sdk): it only changes the app database
(take, post, end, forward through bot.handoff), and the channels and the relay in the Rasa server do the
rest. Its tables are in bot.handoff.schema, next to the handoffs.

    app.py        the aiohttp application: middlewares (language, login, CSRF), routes, static files
    web.py        what handlers share: the app's state (ENGINE, CONFIG), run(), api_error(), url(), cookies
    pages.py      the HTML pages (templates/, static/)       api.py     the JSON API (docs/guide-api.yaml)
    handoffs.py   what a guide may do with a handoff         duty.py    a county's duty hours and switch
    owners.py     the owners' numbers (admins)               __main__.py  the command line
    accounts.py, sessions.py, passwords.py   guides, logins, API tokens, the login throttle
    strings.py, hours_text.py, transcript.py   the console's words, duty hours as text, the bot part
"""
