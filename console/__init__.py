"""The guide console: a web page and a JSON API for service guides who take over conversations from the bot.

    python -m console serve                 # http://127.0.0.1:5080/guide/ (GUIDE_HOST, GUIDE_PORT)
    python -m console create-user --username aino --name "Aino" --county lappi

The console never talks to Rasa: it only changes the app database (take, post, end, forward through
bot.handoff), and the channels and the relay in the Rasa server do the rest.
"""
